package io.github.unifiedwriter.log4j2;

import java.nio.ByteBuffer;

import io.github.unifiedwriter.core.BatchDestination.RecordBatch;

/**
 * Records {@code from} to {@code to} of a batch, as a batch of their own: the part of a batch that goes into one
 * file when a rollover falls inside it. Confirming here confirms the same records in the whole batch.
 *
 * <p>Reused from batch to batch by the thread that writes.
 */
final class SubBatch implements RecordBatch
{
    private RecordBatch whole;
    private int from;
    private int size;
    private int confirmed;

    SubBatch over(final RecordBatch batch, final int first, final int end)
    {
        this.whole = batch;
        this.from = first;
        this.size = end - first;
        this.confirmed = 0;
        return this;
    }

    @Override
    public int size()
    {
        return size;
    }

    @Override
    public ByteBuffer record(final int index)
    {
        return whole.record(from + index);
    }

    @Override
    public int length(final int index)
    {
        return whole.length(from + index);
    }

    @Override
    public long time(final int index)
    {
        return whole.time(from + index);
    }

    @Override
    public void confirm(final int count)
    {
        confirmed = Math.max(confirmed, Math.min(count, size));
        whole.confirm(from + confirmed);
    }

    /** {@return the bytes of the records confirmed so far} */
    long confirmedBytes()
    {
        long bytes = 0;
        for (int i = 0; i < confirmed; i++)
        {
            bytes += whole.length(from + i);
        }
        return bytes;
    }
}
