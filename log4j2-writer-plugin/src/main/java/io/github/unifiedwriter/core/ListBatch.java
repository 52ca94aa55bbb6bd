package io.github.unifiedwriter.core;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

import io.github.unifiedwriter.core.BatchDestination.RecordBatch;

/**
 * A {@link RecordBatch} over records kept outside the ring: those logged by the writing thread itself,
 * and the caller's own record in synchronous mode. Only the writing thread touches it.
 */
final class ListBatch implements ReplayableBatch
{
    private final List<ByteBuffer> records = new ArrayList<>();
    private int confirmed;

    void add(final ByteBuffer record)
    {
        records.add(record);
    }

    /** Moves every record of {@code other} to the end of this batch. */
    void takeAll(final ListBatch other)
    {
        records.addAll(other.records);
        other.clear();
    }

    void clear()
    {
        records.clear();
        confirmed = 0;
    }

    @Override
    public void replay()
    {
        for (final ByteBuffer record : records)
        {
            record.rewind();
        }
        confirmed = 0;
    }

    @Override
    public int size()
    {
        return records.size();
    }

    @Override
    public ByteBuffer record(final int index)
    {
        return records.get(index);
    }

    @Override
    public void confirm(final int count)
    {
        confirmed = Math.max(confirmed, Math.min(count, records.size()));
    }

    @Override
    public int confirmed()
    {
        return confirmed;
    }
}
