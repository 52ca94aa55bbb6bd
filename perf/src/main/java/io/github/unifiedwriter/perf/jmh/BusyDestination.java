package io.github.unifiedwriter.perf.jmh;

import org.openjdk.jmh.infra.Blackhole;

import io.github.unifiedwriter.core.BatchDestination;
import io.github.unifiedwriter.core.BatchDestination.RecordBatch;

/**
 * A destination that spends a fixed amount of CPU per record and writes nothing: it makes the writer
 * thread the bottleneck, with a cost that does not depend on the disk. Called by one thread at a time.
 */
final class BusyDestination implements BatchDestination
{
    private final long tokensPerRecord;
    long bytes;

    BusyDestination(final long tokensPerRecord)
    {
        this.tokensPerRecord = tokensPerRecord;
    }

    @Override
    public void write(final RecordBatch batch)
    {
        final int size = batch.size();
        for (int i = 0; i < size; i++)
        {
            bytes += batch.record(i).remaining();
            Blackhole.consumeCPU(tokensPerRecord);
        }
        batch.confirm(size);
    }

    @Override
    public void close()
    {
    }
}
