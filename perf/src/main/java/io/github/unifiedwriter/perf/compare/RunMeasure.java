package io.github.unifiedwriter.perf.compare;

import java.util.HashMap;
import java.util.Map;

/**
 * What a child JVM measured, passed to the parent as one line of {@code key=value} words on its
 * standard output.
 *
 * @param callsNanos    from the start signal until every producer's last call returned
 * @param totalNanos    from the start signal until the stack's stop returned: every line in the file
 * @param cpuNanos      process CPU time over {@code totalNanos}, all threads
 * @param disruptor     the Disruptor jar on the class path, "-" for none
 */
public record RunMeasure(long callsNanos, long totalNanos, long cpuNanos, String disruptor)
{
    public static final String PREFIX = "UWPERF-RUN ";

    public String format()
    {
        return PREFIX + "callsNanos=" + callsNanos + " totalNanos=" + totalNanos + " cpuNanos=" + cpuNanos
            + " disruptor=" + disruptor;
    }

    /** Reads a line made by {@link #format()}. */
    public static RunMeasure parse(final String line)
    {
        final Map<String, String> words = new HashMap<>();
        for (final String word : line.substring(PREFIX.length()).trim().split(" "))
        {
            final int eq = word.indexOf('=');
            words.put(word.substring(0, eq), word.substring(eq + 1));
        }
        return new RunMeasure(Long.parseLong(words.get("callsNanos")), Long.parseLong(words.get("totalNanos")),
            Long.parseLong(words.get("cpuNanos")), words.get("disruptor"));
    }
}
