package io.github.unifiedwriter.perf.stall;

import java.io.IOException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Freezes the loop mount for {@code freezeNanos} every {@code everyNanos}, within one measured window: the
 * first freeze when the window opens, the last one ending before it closes. Runs on its own thread; a
 * freeze is always followed by a thaw, also when {@link #cancel()} cuts it short.
 */
final class Freezer implements Runnable
{
    private final LoopMount mount;
    private final long freezeNanos;
    private final long everyNanos;
    private final long from;
    private final long until;
    private final CountDownLatch cancelled = new CountDownLatch(1);
    private volatile int freezes;
    private volatile long frozenNanos;
    private volatile String failure;

    /**
     * @param from  {@link System#nanoTime()} when the window opens
     * @param until when it closes
     */
    Freezer(final LoopMount mount, final long freezeNanos, final long everyNanos, final long from, final long until)
    {
        this.mount = mount;
        this.freezeNanos = freezeNanos;
        this.everyNanos = everyNanos;
        this.from = from;
        this.until = until;
    }

    @Override
    public void run()
    {
        try
        {
            for (long at = from; at + freezeNanos - until <= 0; at += everyNanos)
            {
                if (sleepUntil(at))
                {
                    return;
                }
                mount.freeze();
                final long frozenAt = System.nanoTime();
                try
                {
                    sleepUntil(frozenAt + freezeNanos);
                }
                finally
                {
                    mount.thaw();
                    frozenNanos += System.nanoTime() - frozenAt;
                    freezes++;
                }
            }
        }
        catch (final IOException | RuntimeException ex)
        {
            failure = ex.getMessage();
        }
    }

    /** Any thread: ends the schedule; a freeze in force is thawed at once. */
    void cancel()
    {
        cancelled.countDown();
    }

    /** @return true if cancelled before {@code deadline} */
    private boolean sleepUntil(final long deadline)
    {
        try
        {
            final long left = deadline - System.nanoTime();
            return cancelled.await(Math.max(0, left), TimeUnit.NANOSECONDS);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    int freezes()
    {
        return freezes;
    }

    long frozenMillis()
    {
        return TimeUnit.NANOSECONDS.toMillis(frozenNanos);
    }

    /** Why freezing stopped early, or null. */
    String failure()
    {
        return failure;
    }
}
