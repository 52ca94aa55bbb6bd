package io.github.unifiedwriter.perf.stall;

import java.io.IOException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Freezes the loop mount for {@code freezeNanos} every {@code everyNanos}, within one measured window: the
 * first freeze when the window opens, the last one ending before it closes. A freeze lasts longer than
 * {@code freezeNanos} by the time {@code fsfreeze -f} takes to sync the file system, during which writes
 * already block, and the time {@code fsfreeze -u} takes; both are counted in what it reports. Runs on its own thread; a
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
    private volatile long longestNanos;
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
                // Writes block from the start of fsfreeze -f, which then syncs the file system before it returns.
                final long freezing = System.nanoTime();
                mount.freeze();
                try
                {
                    sleepUntil(System.nanoTime() + freezeNanos);
                }
                finally
                {
                    mount.thaw();
                    final long frozen = System.nanoTime() - freezing;
                    frozenNanos += frozen;
                    longestNanos = Math.max(longestNanos, frozen);
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

    /** From the start of each {@code fsfreeze -f} to the end of its {@code fsfreeze -u}, summed. */
    long frozenMillis()
    {
        return TimeUnit.NANOSECONDS.toMillis(frozenNanos);
    }

    /** The longest of those. */
    long longestMillis()
    {
        return TimeUnit.NANOSECONDS.toMillis(longestNanos);
    }

    /** Why freezing stopped early, or null. */
    String failure()
    {
        return failure;
    }
}
