package io.github.unifiedwriter.core;

import java.nio.ByteBuffer;

import io.github.unifiedwriter.core.BatchDestination.RecordBatch;

/**
 * One record as a batch: the caller's own record in synchronous writes, reused by whichever producer holds
 * the synchronous write lock, and {@link RecordBatch#of(ByteBuffer)}. It restores the record's bounds for each
 * destination.
 */
final class OneRecordBatch implements ReplayableBatch
{
    private ByteBuffer record;
    private int position;
    private int limit;
    private int confirmed;
    private long time;

    OneRecordBatch reset(final ByteBuffer record, final long time)
    {
        this.time = time;
        this.record = record;
        this.position = record.position();
        this.limit = record.limit();
        this.confirmed = 0;
        return this;
    }

    /** Drops the reference so the caller's buffer is not kept alive. */
    void clear()
    {
        record = null;
    }

    @Override
    public int size()
    {
        return 1;
    }

    @Override
    public ByteBuffer record(final int index)
    {
        if (index != 0)
        {
            throw new IndexOutOfBoundsException(index);
        }
        return record.limit(limit).position(position);
    }

    @Override
    public long time(final int index)
    {
        return time;
    }

    @Override
    public void confirm(final int count)
    {
        confirmed = Math.max(confirmed, Math.min(count, 1));
    }

    @Override
    public void replay()
    {
        confirmed = 0;
    }

    @Override
    public int confirmed()
    {
        return confirmed;
    }
}
