package io.github.unifiedwriter.core;

/** Lets tests in other packages read how much memory a writer's ring holds on to, and its promised bound. */
public final class RingMemory
{
    private RingMemory()
    {
    }

    /** Bytes the ring's slots hold now. */
    public static long retained(final UnifiedWriter writer)
    {
        long total = 0;
        for (int i = 0; i < writer.ring.getBufferSize(); i++)
        {
            total += writer.ring.get(i).capacity();
        }
        return total;
    }

    /** What the slots may hold once their records are resolved, however large those were. */
    public static long bound(final UnifiedWriter writer)
    {
        return (long)writer.ring.getBufferSize() * Destinations.Slot.RETAINED_BYTES;
    }
}
