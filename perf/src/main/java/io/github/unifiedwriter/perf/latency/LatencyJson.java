package io.github.unifiedwriter.perf.latency;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** Writes the latency runs as a JSON array, one object per stack, latencies in nanoseconds. */
final class LatencyJson
{
    private LatencyJson()
    {
    }

    static void write(final Path file, final List<LatencyResult> results, final int threads) throws IOException
    {
        final StringBuilder json = new StringBuilder("[\n");
        for (int i = 0; i < results.size(); i++)
        {
            final LatencyResult r = results.get(i);
            json.append("  {\"stack\": \"").append(r.stack().id()).append('"')
                .append(", \"threads\": ").append(threads)
                .append(String.format(Locale.ROOT, ", \"offeredRate\": %.1f", r.rate()));
            if (r.measure() != null)
            {
                final LatencyMeasure m = r.measure();
                json.append(", \"calls\": ").append(m.calls())
                    .append(", \"linesWritten\": ").append(m.lines())
                    .append(", \"complete\": ").append(m.complete())
                    .append(String.format(Locale.ROOT, ", \"achievedRate\": %.1f", m.achievedRate()))
                    .append(", \"callerNanos\": ").append(object(m.caller()))
                    .append(", \"serviceNanos\": ").append(object(m.service()))
                    .append(", \"callToFileNanos\": ").append(object(m.toFile()));
            }
            else
            {
                json.append(", \"complete\": false, \"error\": \"")
                    .append(r.error().lines().findFirst().orElse("").replace("\\", "\\\\").replace("\"", "\\\""))
                    .append('"');
            }
            json.append(i + 1 < results.size() ? "},\n" : "}\n");
        }
        json.append("]\n");
        final Path parent = file.toAbsolutePath().getParent();
        if (parent != null)
        {
            Files.createDirectories(parent);
        }
        Files.writeString(file, json, StandardCharsets.UTF_8);
    }

    private static String object(final Percentiles p)
    {
        return "{\"count\": " + p.count() + ", \"p50\": " + p.p50() + ", \"p99\": " + p.p99() + ", \"p99.9\": " + p.p999()
            + ", \"p99.99\": " + p.p9999() + ", \"max\": " + p.max() + "}";
    }
}
