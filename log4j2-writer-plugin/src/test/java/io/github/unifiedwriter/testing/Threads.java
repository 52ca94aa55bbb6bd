package io.github.unifiedwriter.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Application threads started together, and joined with a bound: a thread still alive at the bound is a
 * hang, which is exactly what the suite must catch rather than wait out.
 */
public final class Threads
{
    private final List<Thread> all = new ArrayList<>();
    private final List<Throwable> thrown = new CopyOnWriteArrayList<>();

    private Threads()
    {
    }

    /** Starts {@code count} threads running {@code body} with their number, all released at once. */
    public static Threads start(final String name, final int count, final IntConsumer body)
    {
        final Threads threads = new Threads();
        final CountDownLatch go = new CountDownLatch(1);
        for (int t = 0; t < count; t++)
        {
            final int id = t;
            final Thread thread = new Thread(() ->
            {
                try
                {
                    go.await();
                    body.accept(id);
                }
                catch (final Throwable ex)
                {
                    threads.thrown.add(ex);
                }
            }, name + "-" + t);
            thread.setDaemon(true);
            threads.all.add(thread);
            thread.start();
        }
        go.countDown();
        return threads;
    }

    /** Joins every thread within {@code seconds} in all; fails on a thread still running or one that threw. */
    public void join(final long seconds)
    {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        for (final Thread thread : all)
        {
            try
            {
                thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
            }
            catch (final InterruptedException ex)
            {
                throw new AssertionError(ex);
            }
            assertFalse(thread.isAlive(), thread.getName() + " is still running after " + seconds + " s: a hang");
        }
        assertTrue(thrown.isEmpty(), "an application thread got an exception: " + thrown);
    }

    /** Waits for {@code condition} for at most 30 s: a bound against hangs, not a timing assertion. */
    public static void await(final BooleanSupplier condition, final String what)
    {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean())
        {
            assertTrue(System.nanoTime() < deadline, "gave up waiting: " + what);
            sleep(1);
        }
    }

    public static void sleep(final long millis)
    {
        try
        {
            Thread.sleep(millis);
        }
        catch (final InterruptedException ex)
        {
            throw new AssertionError(ex);
        }
    }
}
