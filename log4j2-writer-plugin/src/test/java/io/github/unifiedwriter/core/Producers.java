package io.github.unifiedwriter.core;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

import io.github.unifiedwriter.testing.Threads;

import static org.junit.jupiter.api.Assertions.assertFalse;

/** Test producer threads that enqueue numbered records, and bounded waits. */
final class Producers
{
    final AtomicLong calls = new AtomicLong();
    final AtomicLong accepted = new AtomicLong();
    private final List<Thread> threads = new ArrayList<>();

    /** Starts {@code count} threads, each enqueuing records 0..perProducer-1 of its own number. */
    static Producers start(final UnifiedWriter writer, final int count, final int perProducer)
    {
        final Producers producers = new Producers();
        for (int p = 0; p < count; p++)
        {
            final int producer = p;
            final Thread t = new Thread(() ->
            {
                for (int i = 0; i < perProducer; i++)
                {
                    producers.calls.incrementAndGet();
                    if (writer.enqueue(Records.record(producer, i)))
                    {
                        producers.accepted.incrementAndGet();
                    }
                }
            }, "producer-" + p);
            producers.threads.add(t);
            t.start();
        }
        return producers;
    }

    boolean done()
    {
        return threads.stream().noneMatch(Thread::isAlive);
    }

    void join()
    {
        for (final Thread t : threads)
        {
            try
            {
                t.join(30_000);
            }
            catch (final InterruptedException e)
            {
                throw new AssertionError(e);
            }
            assertFalse(t.isAlive(), t.getName() + " still running: deadlock?");
        }
    }

    /** Waits for a condition for at most 30 s; a bound against hangs, not a timing assertion. */
    static void await(final BooleanSupplier condition, final String what)
    {
        Threads.await(condition, what);
    }
}
