package io.github.unifiedwriter.perf.soak;

import java.io.PrintStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.sun.management.GcInfo;
import org.HdrHistogram.Histogram;

import io.github.unifiedwriter.perf.monitor.WriterBean;

/** The soak's periodic and final lines. Called from the soak's main thread only. */
final class SoakReport
{
    private static final Set<String> HEAP_POOLS = heapPools();

    private final PrintStream out;
    private final WriterBean bean;
    private final SoakLoad load;
    private final long start = System.nanoTime();
    private final Histogram total = new Histogram(600_000_000_000L, 3);
    private Histogram interval;
    private long lastCalls;
    private long lastTime = start;
    private long offered;
    private long written;
    private long dropped;
    private long failed;
    private long pending;

    SoakReport(final PrintStream out, final WriterBean bean, final SoakLoad load)
    {
        this.out = out;
        this.bean = bean;
        this.load = load;
    }

    void interval(final Segments segments)
    {
        final long now = System.nanoTime();
        final long calls = load.calls();
        interval = load.latency().getIntervalHistogram(interval);
        total.add(interval);
        offered = bean.counter("Offered");
        written = bean.counter("Written");
        dropped = bean.counter("Dropped");
        failed = bean.counter("Failed");
        pending = bean.counter("Pending");
        out.printf(Locale.ROOT, "[%6.0f s] calls %,d (%,.0f/s)  Offered %,d Written %,d Dropped %,d Failed %,d Errors %,d"
                + " Restarts %,d Pending %,d  heap after GC %.1f MiB, %d GCs  call latency us p50 %.1f p99 %.1f p99.9 %.1f"
                + " max %.1f  segments checked %d%n",
            (now - start) / 1e9, calls, (calls - lastCalls) / ((now - lastTime) / 1e9), offered, written, dropped, failed,
            bean.counter("Errors"), bean.counter("Restarts"), pending, heapAfterGc() / 1048576.0, gcCount(),
            interval.getValueAtPercentile(50) / 1e3, interval.getValueAtPercentile(99) / 1e3,
            interval.getValueAtPercentile(99.9) / 1e3, interval.getMaxValue() / 1e3, segments.rotations());
        lastCalls = calls;
        lastTime = now;
    }

    /** Every call offered was written, dropped or failed, and none is left: read just before stop. */
    boolean countersAddUp()
    {
        return offered == written + dropped + failed && pending == 0;
    }

    boolean summary(final Segments segments, final long[] callsPerProducer, final boolean countersAddUp)
    {
        long calls = 0;
        for (final long c : callsPerProducer)
        {
            calls += c;
        }
        final boolean complete = segments.tracker().complete(callsPerProducer);
        out.println();
        out.printf(Locale.ROOT, "soak done after %.1f s: %,d calls, %,d lines checked in %d file(s): %s%n",
            (System.nanoTime() - start) / 1e9, calls, segments.lines(), segments.rotations() + 1,
            complete ? "every line once, each thread in order" : "INCOMPLETE: " + segments.tracker().describe());
        out.printf(Locale.ROOT, "counters: Offered %,d = Written %,d + Dropped %,d + Failed %,d, Pending %,d: %s%n",
            offered, written, dropped, failed, pending, countersAddUp ? "they add up" : "THEY DO NOT ADD UP");
        out.printf(Locale.ROOT, "call latency over the whole run, us: p50 %.1f p99 %.1f p99.9 %.1f p99.99 %.1f max %.1f%n",
            total.getValueAtPercentile(50) / 1e3, total.getValueAtPercentile(99) / 1e3,
            total.getValueAtPercentile(99.9) / 1e3, total.getValueAtPercentile(99.99) / 1e3, total.getMaxValue() / 1e3);
        return complete && countersAddUp;
    }

    /**
     * Heap in use just after the most recent collection, summed over the heap pools: what survives, not
     * garbage in flight. Zero until the first collection.
     */
    private static long heapAfterGc()
    {
        long used = 0;
        long latest = -1;
        for (final GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans())
        {
            final GcInfo info = gc instanceof com.sun.management.GarbageCollectorMXBean
                ? ((com.sun.management.GarbageCollectorMXBean)gc).getLastGcInfo() : null;
            if (info != null && info.getEndTime() > latest)
            {
                latest = info.getEndTime();
                used = 0;
                for (final Map.Entry<String, MemoryUsage> pool : info.getMemoryUsageAfterGc().entrySet())
                {
                    if (HEAP_POOLS.contains(pool.getKey()))
                    {
                        used += pool.getValue().getUsed();
                    }
                }
            }
        }
        return used;
    }

    private static Set<String> heapPools()
    {
        final Set<String> names = new HashSet<>();
        for (final MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans())
        {
            if (pool.getType() == MemoryType.HEAP)
            {
                names.add(pool.getName());
            }
        }
        return names;
    }

    private static long gcCount()
    {
        long count = 0;
        for (final GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans())
        {
            count += Math.max(0, gc.getCollectionCount());
        }
        return count;
    }
}
