package io.github.unifiedwriter.log4j2;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bounded waits for the accounting tests: a bound against hangs, never a timing assertion. */
final class BoundedWait
{
    private BoundedWait()
    {
    }

    static void await(final CountDownLatch latch)
    {
        try
        {
            assertTrue(latch.await(30, TimeUnit.SECONDS), "gave up waiting for the start");
        }
        catch (final InterruptedException e)
        {
            throw new AssertionError(e);
        }
    }

    static void until(final BooleanSupplier condition, final String what)
    {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean())
        {
            assertTrue(System.nanoTime() < deadline, "gave up waiting: " + what);
            Thread.onSpinWait();
        }
    }
}
