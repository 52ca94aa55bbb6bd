package io.github.unifiedwriter.core;

import com.lmax.disruptor.RingBuffer;

import java.nio.ByteBuffer;

/**
 * A {@link RecordBatch} over a run of published ring slots. One instance is reused for every batch by
 * the thread that writes (the writer thread, or the producer holding the synchronous write lock).
 */
final class RingBatch implements RecordBatch
{
    private final RingBuffer<Slot> ring;
    private long first;
    private int size;
    private int confirmed;

    RingBatch(final RingBuffer<Slot> ring)
    {
        this.ring = ring;
    }

    /** Points the batch at sequences {@code first..last} and clears the confirmed count. */
    RingBatch reset(final long first, final long last)
    {
        this.first = first;
        this.size = (int)(last - first + 1);
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
        return ring.get(first + index).view();
    }

    @Override
    public int length(final int index)
    {
        return ring.get(first + index).length();
    }

    @Override
    public long time(final int index)
    {
        return ring.get(first + index).time();
    }

    @Override
    public void confirm(final int count)
    {
        confirmed = Math.max(confirmed, Math.min(count, size));
    }

    int confirmed()
    {
        return confirmed;
    }
}
