package io.github.unifiedwriter.core;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A destination that keeps what it receives in memory, like a file would, and can be held shut, slowed
 * down or made to fail part-way through a batch so that the ring really fills and the failure paths run.
 */
final class MemoryDestination implements BatchDestination
{
    private final ByteArrayOutputStream content = new ByteArrayOutputStream();
    private final Semaphore gate = new Semaphore(Integer.MAX_VALUE);
    private final AtomicInteger writes = new AtomicInteger();
    private final List<Offered> offered = new ArrayList<>();
    private volatile long slowNanos;
    /** Number of coming write calls that fail after writing half their batch. */
    final AtomicInteger failures = new AtomicInteger();
    volatile Throwable failWith;
    volatile int reopens;
    volatile boolean closed;
    volatile Runnable duringWrite;

    MemoryDestination closeGate()
    {
        gate.drainPermits();
        return this;
    }

    MemoryDestination openGate()
    {
        gate.release(Integer.MAX_VALUE / 2);
        return this;
    }

    MemoryDestination slow(final long nanos)
    {
        slowNanos = nanos;
        return this;
    }

    MemoryDestination failNext(final int count, final Throwable error)
    {
        failWith = error;
        failures.set(count);
        return this;
    }

    @Override
    public void write(final RecordBatch batch) throws IOException
    {
        gate.acquireUninterruptibly();
        gate.release();
        writes.incrementAndGet();
        long offeredBytes = 0;
        for (int i = 0; i < batch.size(); i++)
        {
            offeredBytes += batch.record(i).remaining();
        }
        if (slowNanos > 0)
        {
            java.util.concurrent.locks.LockSupport.parkNanos(slowNanos);
        }
        final Runnable hook = duringWrite;
        if (hook != null)
        {
            hook.run();
        }
        final boolean fail = failures.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0;
        final int n = fail ? batch.size() / 2 : batch.size();
        synchronized (this)
        {
            offered.add(new Offered(batch.size(), offeredBytes));
            for (int i = 0; i < n; i++)
            {
                final ByteBuffer record = batch.record(i);
                final byte[] bytes = new byte[record.remaining()];
                record.get(bytes);
                content.write(bytes, 0, bytes.length);
            }
        }
        batch.confirm(n);
        if (fail)
        {
            final Throwable t = failWith;
            if (t instanceof IOException)
            {
                throw (IOException)t;
            }
            throw (Error)t;
        }
    }

    @Override
    public void reopen()
    {
        reopens++;
    }

    @Override
    public void close()
    {
        closed = true;
    }

    int writes()
    {
        return writes.get();
    }

    /** Each write call's batch, in order, as the writer offered it. */
    synchronized List<Offered> offered()
    {
        return List.copyOf(offered);
    }

    synchronized String text()
    {
        return content.toString(StandardCharsets.UTF_8);
    }

    /** The records and bytes of one batch the writer offered. */
    record Offered(int records, long bytes)
    {
    }
}
