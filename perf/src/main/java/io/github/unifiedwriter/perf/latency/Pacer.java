package io.github.unifiedwriter.perf.latency;

import java.util.concurrent.locks.LockSupport;

/**
 * Holds a producer until its next send time by parking, never by spinning. On two cores, spinning or
 * yielding producers take the CPU the stack's own writer thread needs, and a descheduled spinner falls
 * milliseconds behind. Parking overshoots by the kernel's timer slack (about 50 µs on Linux); a call
 * measured from its intended start carries that overshoot, the same for every stack, and the uncorrected
 * service time is reported beside it.
 */
public final class Pacer
{
    private Pacer()
    {
    }

    public static void awaitNanoTime(final long deadline)
    {
        long left;
        while ((left = deadline - System.nanoTime()) > 0)
        {
            LockSupport.parkNanos(left);
        }
    }
}
