package io.github.unifiedwriter.perf.latency;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What a latency child measured, passed to the parent as one line of {@code key=value} words.
 *
 * @param offeredRate  calls per second asked of all producers together
 * @param achievedRate calls per second they made in the measured part
 * @param caller       time the log call held the producer, from its intended start (coordinated
 *                     omission corrected)
 * @param service      the same, from the call's actual start: what an uncorrected measure would show
 * @param toFile       from the intended start until the line could be read back from the OS
 */
public record LatencyMeasure(long calls, long lines, boolean complete, long missing, long repeated,
    double offeredRate, double achievedRate, Percentiles caller, Percentiles service, Percentiles toFile,
    String failure)
{
    public static final String PREFIX = "UWPERF-LATENCY ";

    public String format()
    {
        return PREFIX + "calls=" + calls + " lines=" + lines + " complete=" + complete + " missing=" + missing
            + " repeated=" + repeated + String.format(Locale.ROOT, " offeredRate=%.1f achievedRate=%.1f",
            offeredRate, achievedRate)
            + caller.format("caller") + service.format("service") + toFile.format("file")
            + " failure=" + (failure == null ? "-" : failure.replace(' ', '_'));
    }

    public static LatencyMeasure parse(final String line)
    {
        final Map<String, String> words = new HashMap<>();
        for (final String word : line.substring(PREFIX.length()).trim().split(" "))
        {
            final int eq = word.indexOf('=');
            words.put(word.substring(0, eq), word.substring(eq + 1));
        }
        final String failure = words.get("failure");
        return new LatencyMeasure(Long.parseLong(words.get("calls")), Long.parseLong(words.get("lines")),
            Boolean.parseBoolean(words.get("complete")), Long.parseLong(words.get("missing")),
            Long.parseLong(words.get("repeated")), Double.parseDouble(words.get("offeredRate")),
            Double.parseDouble(words.get("achievedRate")), Percentiles.parse(words, "caller"),
            Percentiles.parse(words, "service"), Percentiles.parse(words, "file"),
            "-".equals(failure) ? null : failure);
    }
}
