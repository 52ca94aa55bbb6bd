package io.github.unifiedwriter.log4j2;

import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;

import com.sun.management.HotSpotDiagnosticMXBean;
import io.github.unifiedwriter.core.WriterConfig;
import io.github.unifiedwriter.sink.SinkType;

/**
 * Refuses a ring or a write buffer that this JVM cannot hold, before anything is allocated: a failed allocation
 * would be an OutOfMemoryError that names no attribute. Called on the thread that builds the configuration.
 */
final class Memory
{
    private Memory()
    {
    }

    /**
     * The ring must fit in half of the maximum heap; the block writer's buffer in the direct memory still free.
     */
    static void check(final Attributes in, final boolean async, final int ringSize, final SinkType type,
        final long bufferSize)
    {
        if (async && in.isSet("ringSize") && ringSize > WriterConfig.largestRing())
        {
            final long heap = Runtime.getRuntime().maxMemory();
            in.reject("ringSize", "a ring of " + WriterConfig.slots(ringSize) + " slots needs about " +
                Sizes.about(WriterConfig.ringBytes(ringSize)) + " of heap, more than half of this JVM's maximum " +
                "heap (" + Sizes.about(heap) + ")", "at most " + WriterConfig.largestRing() + " here, at " +
                WriterConfig.BYTES_PER_SLOT + " bytes a slot; a larger ring needs a larger -Xmx");
        }
        if (type == SinkType.BLOCK && in.isSet("bufferSize"))
        {
            final long free = directLimit() - directUsed();
            if (bufferSize > free)
            {
                in.reject("bufferSize", "the block writer allocates " + Sizes.about(bufferSize) +
                    " of direct memory for it, and this JVM has about " + Sizes.about(Math.max(0, free)) +
                    " free (-XX:MaxDirectMemorySize)",
                    "at most the free direct memory, or a larger -XX:MaxDirectMemorySize");
            }
        }
    }

    /** {@return -XX:MaxDirectMemorySize, or the maximum heap, which is its default} */
    static long directLimit()
    {
        try
        {
            final long set = Long.parseLong(ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class)
                .getVMOption("MaxDirectMemorySize").getValue());
            return set > 0 ? set : Runtime.getRuntime().maxMemory();
        }
        catch (final RuntimeException | LinkageError ex)
        {
            return Runtime.getRuntime().maxMemory();
        }
    }

    private static long directUsed()
    {
        for (final BufferPoolMXBean pool : ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class))
        {
            if ("direct".equals(pool.getName()))
            {
                return Math.max(0, pool.getMemoryUsed());
            }
        }
        return 0;
    }
}
