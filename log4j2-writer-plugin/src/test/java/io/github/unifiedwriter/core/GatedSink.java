package io.github.unifiedwriter.core;

import java.io.IOException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.locks.LockSupport;

/** Holds any destination shut, or slows it, so that the ring really fills in front of a real sink. */
final class GatedSink implements BatchDestination
{
    private final BatchDestination inner;
    private final Semaphore gate = new Semaphore(0);
    private volatile long slowNanos;

    GatedSink(final BatchDestination inner)
    {
        this.inner = inner;
    }

    void open(final long slowNanos)
    {
        this.slowNanos = slowNanos;
        gate.release(Integer.MAX_VALUE / 2);
    }

    @Override
    public void write(final RecordBatch batch) throws IOException
    {
        gate.acquireUninterruptibly();
        gate.release();
        if (slowNanos > 0)
        {
            LockSupport.parkNanos(slowNanos);
        }
        inner.write(batch);
    }

    @Override
    public void reopen() throws IOException
    {
        inner.reopen();
    }

    @Override
    public void idle() throws IOException
    {
        inner.idle();
    }

    @Override
    public void close() throws IOException
    {
        inner.close();
    }
}
