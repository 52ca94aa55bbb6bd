package io.github.unifiedwriter.core;

import com.lmax.disruptor.RingBuffer;

import io.github.unifiedwriter.core.Destinations.Slot;

/**
 * Where the next batch ends: within {@code batchSize} records and {@code bufferSize} bytes, and before a slot whose
 * validity differs from the first one's, since a failed copy is counted apart. In TRIGGER mode a batch is cut while it
 * grows, to see whether it already fills a write, and again to write it; this cuts a batch that grew from where the
 * last cut stopped, because published slots do not change until the writer resolves them.
 *
 * <p>Writer thread only.
 */
final class BatchCut
{
    private final RingBuffer<Slot> ring;
    private final int maxBatch;
    private final int bufferSize;
    /** The last cut: its first record, the limit it was cut within, its last record and its bytes. */
    private long next = -1;
    private long limit;
    private long last;
    private long bytes;

    BatchCut(final RingBuffer<Slot> ring, final int maxBatch, final int bufferSize)
    {
        this.ring = ring;
        this.maxBatch = maxBatch;
        this.bufferSize = bufferSize;
    }

    /** The last record of the batch that starts at {@code next}, with records published up to {@code available}. */
    long cut(final long next, final long available)
    {
        final long limit = Math.min(available, next + maxBatch - 1);
        final Slot head = ring.get(next);
        final boolean valid = head.valid;
        long last = next;
        long bytes = head.length;
        if (next == this.next && limit >= this.limit)
        {
            if (this.last < this.limit)
            {
                return this.last;
            }
            last = this.last;
            bytes = this.bytes;
        }
        while (last < limit)
        {
            final Slot slot = ring.get(last + 1);
            final long more = bytes + slot.length;
            if (slot.valid != valid || valid && more > bufferSize)
            {
                break;
            }
            bytes = more;
            last++;
        }
        this.next = next;
        this.limit = limit;
        this.last = last;
        this.bytes = bytes;
        return last;
    }

    /** The bytes of the batch the last {@link #cut} chose. */
    long bytes()
    {
        return bytes;
    }
}
