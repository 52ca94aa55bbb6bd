package io.github.unifiedwriter.perf.memory;

import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

/**
 * Heap in use after a full collection, and the JDK's direct and mapped buffer pools, read in one JVM.
 *
 * @param heap   bytes of heap in use after {@link #measure()} collected
 * @param direct bytes of direct buffers ({@code ByteBuffer.allocateDirect}, and the JDK's cached copies)
 * @param mapped bytes of mapped buffers ({@code FileChannel.map})
 */
record MemoryUse(long heap, long direct, long mapped)
{
    /** Collects until the heap in use stops shrinking (at most five times), then reads all three. */
    static MemoryUse measure()
    {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++)
        {
            System.gc();
            LockSupport.parkNanos(50_000_000L);
            final long now = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
            if (now >= used)
            {
                break;
            }
            used = now;
        }
        long direct = 0;
        long mapped = 0;
        for (final BufferPoolMXBean pool : ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class))
        {
            if ("direct".equals(pool.getName()))
            {
                direct = pool.getMemoryUsed();
            }
            else if ("mapped".equals(pool.getName()))
            {
                mapped = pool.getMemoryUsed();
            }
        }
        return new MemoryUse(Math.min(used, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed()),
            direct, mapped);
    }

    MemoryUse minus(final MemoryUse other)
    {
        return new MemoryUse(heap - other.heap, direct - other.direct, mapped - other.mapped);
    }

    String format(final String name)
    {
        return " " + name + ".heap=" + heap + " " + name + ".direct=" + direct + " " + name + ".mapped=" + mapped;
    }

    static MemoryUse parse(final Map<String, String> words, final String name)
    {
        return new MemoryUse(Long.parseLong(words.get(name + ".heap")), Long.parseLong(words.get(name + ".direct")),
            Long.parseLong(words.get(name + ".mapped")));
    }
}
