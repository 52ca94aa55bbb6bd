package io.github.unifiedwriter.core;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * A destination that behaves like a file under faults: a failed write leaves the first half of the record it
 * was writing behind, as a write cut short does, and only a reopen trims the file back to its last whole
 * record. It can fail on command or at random from a seed, be slowed, or be held inside a write, and it notes
 * when two threads are ever inside it at once.
 */
final class TornFile implements BatchDestination
{
    private final ByteArrayOutputStream content = new ByteArrayOutputStream();
    private final AtomicInteger inside = new AtomicInteger();
    private final Random random;
    private final double failureRate;
    private final long maxSlowNanos;
    /** Bytes up to the end of the last record confirmed whole. Guarded by this. */
    private int confirmedEnd;
    final AtomicInteger failNext = new AtomicInteger();
    final AtomicInteger writeCalls = new AtomicInteger();
    final AtomicInteger reopens = new AtomicInteger();
    volatile boolean overlapped;
    volatile boolean closed;
    volatile boolean writtenAfterClose;
    /** Counted down by each write call as it begins; a test holds the call with {@link #hold}. */
    volatile CountDownLatch entered = new CountDownLatch(0);
    volatile CountDownLatch hold = new CountDownLatch(0);
    volatile Runnable duringWrite;

    TornFile()
    {
        this(0, 0, 0);
    }

    /** Fails each write with probability {@code failureRate}, and sleeps up to {@code maxSlowNanos} in some. */
    TornFile(final long seed, final double failureRate, final long maxSlowNanos)
    {
        this.random = new Random(seed);
        this.failureRate = failureRate;
        this.maxSlowNanos = maxSlowNanos;
    }

    @Override
    public void write(final RecordBatch batch) throws IOException
    {
        enter();
        try
        {
            writeCalls.incrementAndGet();
            final Runnable hook = duringWrite;
            if (hook != null)
            {
                hook.run();
            }
            entered.countDown();
            awaitUninterruptibly(hold);
            final boolean fail = failNext.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0 || chance(failureRate);
            final int whole = fail ? batch.size() / 2 : batch.size();
            synchronized (this)
            {
                if (closed)
                {
                    writtenAfterClose = true;
                }
                for (int i = 0; i < whole; i++)
                {
                    append(batch.record(i), Integer.MAX_VALUE);
                }
                confirmedEnd = content.size();
                if (fail && whole < batch.size())
                {
                    append(batch.record(whole), batch.record(whole).remaining() / 2);
                }
            }
            batch.confirm(whole);
            if (maxSlowNanos > 0 && chance(0.2))
            {
                LockSupport.parkNanos(nextLong(maxSlowNanos));
            }
            if (fail)
            {
                throw new IOException("injected failure");
            }
        }
        finally
        {
            inside.decrementAndGet();
        }
    }

    @Override
    public void reopen()
    {
        enter();
        try
        {
            reopens.incrementAndGet();
            synchronized (this)
            {
                final byte[] kept = content.toByteArray();
                content.reset();
                content.write(kept, 0, confirmedEnd);
            }
        }
        finally
        {
            inside.decrementAndGet();
        }
    }

    @Override
    public void close()
    {
        closed = true;
    }

    /** The file's bytes as text, torn tail included. */
    synchronized String text()
    {
        return content.toString(StandardCharsets.UTF_8);
    }

    private void append(final ByteBuffer record, final int atMost)
    {
        final ByteBuffer view = record.duplicate();
        final int n = Math.min(atMost, view.remaining());
        final byte[] bytes = new byte[n];
        view.get(bytes);
        content.write(bytes, 0, n);
    }

    private void enter()
    {
        if (inside.incrementAndGet() > 1)
        {
            overlapped = true;
        }
    }

    private synchronized boolean chance(final double p)
    {
        return p > 0 && random.nextDouble() < p;
    }

    private synchronized long nextLong(final long bound)
    {
        return 1 + (long)(random.nextDouble() * bound);
    }

    static void awaitUninterruptibly(final CountDownLatch latch)
    {
        boolean interrupted = false;
        while (latch.getCount() > 0)
        {
            try
            {
                latch.await();
            }
            catch (final InterruptedException e)
            {
                interrupted = true;
            }
        }
        if (interrupted)
        {
            Thread.currentThread().interrupt();
        }
    }
}
