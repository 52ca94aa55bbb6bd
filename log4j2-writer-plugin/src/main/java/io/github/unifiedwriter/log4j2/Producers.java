package io.github.unifiedwriter.log4j2;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.Iterator;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.LockSupport;

/**
 * The threads that write to one file, each with its encode buffer and the writer generation it is enqueueing
 * into.
 *
 * <p>When the manager swaps writers, it publishes the new generation and then waits here until no thread is
 * still inside the old one: a producer marks itself before it reads the current generation again, so either the
 * producer sees the new generation or the swapping thread sees the producer (both sides use volatile accesses).
 * Producers pay a thread-local lookup and a write to their own line, never a shared lock.
 */
final class Producers
{
    private static final int PRUNE_EVERY = 64;

    private final ThreadLocal<Producer> local = ThreadLocal.withInitial(this::register);
    private final Queue<WeakReference<Producer>> all = new ConcurrentLinkedQueue<>();
    private int registrations;

    /** One thread's state. The buffer is for the outermost call; a nested call brings its own. */
    static final class Producer
    {
        private static final VarHandle INSIDE;

        static
        {
            try
            {
                INSIDE = MethodHandles.lookup().findVarHandle(Producer.class, "inside", Object.class);
            }
            catch (final ReflectiveOperationException ex)
            {
                throw new ExceptionInInitializerError(ex);
            }
        }

        final EncodeBuffer buffer = new EncodeBuffer();
        volatile Object inside;
        boolean busy;

        /**
         * Its own thread, leaving a generation. A release store is enough: the swapping thread only waits for
         * the mark to go, and leaving costs no fence on the caller's fast path.
         */
        void leave(final Object outer)
        {
            INSIDE.setRelease(this, outer);
        }
    }

    /** The calling thread's state. */
    Producer get()
    {
        return local.get();
    }

    /**
     * Waits until no producer is inside {@code generation}, or until {@code timeout} has passed: they are all
     * finishing an enqueue that the writer of that generation accepts or refuses, so the wait is as short as
     * the ring's backpressure allows, and a writer stuck on its file cannot hold a reload forever (stopping it
     * then resolves those producers). Called by the thread that swaps writers.
     *
     * @return false if some producer was still inside at the deadline
     */
    boolean awaitNoneInside(final Object generation, final Duration timeout)
    {
        final long deadline = System.nanoTime() + timeout.toNanos();
        for (final Iterator<WeakReference<Producer>> it = all.iterator(); it.hasNext(); )
        {
            final Producer producer = it.next().get();
            if (producer == null)
            {
                it.remove();
                continue;
            }
            while (producer.inside == generation)
            {
                if (System.nanoTime() - deadline >= 0)
                {
                    return false;
                }
                LockSupport.parkNanos(50_000L);
            }
        }
        return true;
    }

    /** Any thread: whether no producer is inside {@code generation} now. */
    boolean noneInside(final Object generation)
    {
        for (final WeakReference<Producer> ref : all)
        {
            final Producer producer = ref.get();
            if (producer != null && producer.inside == generation)
            {
                return false;
            }
        }
        return true;
    }

    private Producer register()
    {
        final Producer producer = new Producer();
        all.add(new WeakReference<>(producer));
        synchronized (all)
        {
            if (++registrations % PRUNE_EVERY == 0)
            {
                all.removeIf((ref) -> ref.get() == null);
            }
        }
        return producer;
    }
}
