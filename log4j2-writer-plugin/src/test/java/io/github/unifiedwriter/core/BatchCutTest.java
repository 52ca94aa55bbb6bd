package io.github.unifiedwriter.core;

import com.lmax.disruptor.RingBuffer;

import java.nio.ByteBuffer;
import java.util.Random;

import org.junit.jupiter.api.Test;

import io.github.unifiedwriter.core.Destinations.Slot;

import static org.junit.jupiter.api.Assertions.assertEquals;

class BatchCutTest
{
    private static final int RECORDS = 200;

    @Test
    void aBatchCutAgainAsItGrowsOrShrinksEndsWhereACutOfTheWholeBatchEnds()
    {
        for (int seed = 0; seed < 300; seed++)
        {
            final Random random = new Random(seed);
            final int maxBatch = 1 + random.nextInt(40);
            final int bufferSize = 1 + random.nextInt(300);
            final RingBuffer<Slot> ring = ring(random);
            final BatchCut cuts = new BatchCut(ring, maxBatch, bufferSize);
            long next = 0;
            while (next < RECORDS)
            {
                long available = next + random.nextInt(5);
                long last;
                do
                {
                    available = random.nextInt(4) == 0 ? next + random.nextInt((int)(available - next) + 1) :
                        Math.min(RECORDS - 1, available + random.nextInt(8));
                    last = cuts.cut(next, available);
                    final String where = "seed " + seed + ", batch from " + next + " with " + available + " published";
                    assertEquals(expectedLast(ring, next, available, maxBatch, bufferSize), last, where);
                    assertEquals(bytes(ring, next, last), cuts.bytes(), where);
                }
                while (random.nextBoolean() && available < RECORDS - 1);
                next = last + 1;
            }
        }
    }

    /** Records of 0 to 60 bytes, one in ten invalid (a copy that failed). */
    private static RingBuffer<Slot> ring(final Random random)
    {
        final RingBuffer<Slot> ring = RingBuffer.createSingleProducer(Slot::new, 256);
        for (int i = 0; i < RECORDS; i++)
        {
            final long sequence = ring.next();
            final Slot slot = ring.get(sequence);
            slot.fill(ByteBuffer.allocate(random.nextInt(61)), true, BatchDestination.RecordBatch.NO_TIME);
            if (random.nextInt(10) == 0)
            {
                slot.invalidate();
            }
            ring.publish(sequence);
        }
        return ring;
    }

    /** The batch's rule, walked from its first record: at most maxBatch records, bufferSize bytes, one validity. */
    private static long expectedLast(final RingBuffer<Slot> ring, final long next, final long available,
        final int maxBatch, final int bufferSize)
    {
        final boolean valid = ring.get(next).valid;
        long last = next;
        while (last < available && last - next + 1 < maxBatch && ring.get(last + 1).valid == valid &&
            (!valid || bytes(ring, next, last + 1) <= bufferSize))
        {
            last++;
        }
        return last;
    }

    private static long bytes(final RingBuffer<Slot> ring, final long first, final long last)
    {
        long bytes = 0;
        for (long s = first; s <= last; s++)
        {
            bytes += ring.get(s).length;
        }
        return bytes;
    }
}
