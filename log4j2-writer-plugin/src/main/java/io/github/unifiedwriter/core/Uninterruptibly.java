package io.github.unifiedwriter.core;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Bounded waits that an interrupt does not cut short: a stop must drain even when called from a cancelled task
 * or an executor shutting down. The interrupt flag is restored when the wait ends. Any thread.
 */
final class Uninterruptibly
{
    private Uninterruptibly()
    {
    }

    static void join(final Thread thread, final Duration timeout)
    {
        final long deadline = System.nanoTime() + Math.max(TimeUnit.MILLISECONDS.toNanos(1), timeout.toNanos());
        boolean interrupted = false;
        long left;
        while (thread.isAlive() && (left = deadline - System.nanoTime()) > 0)
        {
            try
            {
                TimeUnit.NANOSECONDS.timedJoin(thread, left);
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

    static void await(final CountDownLatch latch, final Duration timeout)
    {
        final long deadline = System.nanoTime() + Math.max(TimeUnit.MILLISECONDS.toNanos(1), timeout.toNanos());
        boolean interrupted = false;
        long left;
        while (latch.getCount() > 0 && (left = deadline - System.nanoTime()) > 0)
        {
            try
            {
                latch.await(left, TimeUnit.NANOSECONDS);
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
