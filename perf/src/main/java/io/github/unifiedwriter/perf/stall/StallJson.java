package io.github.unifiedwriter.perf.stall;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import io.github.unifiedwriter.perf.latency.LatencyMeasure;

/** Writes the stall runs as a JSON array, one object per stack, the caller's latencies in microseconds. */
final class StallJson
{
    private StallJson()
    {
    }

    static void write(final Path file, final List<StallResult> results, final String settings) throws IOException
    {
        final StringBuilder json = new StringBuilder("[\n");
        for (int i = 0; i < results.size(); i++)
        {
            final StallResult r = results.get(i);
            json.append("  {\"stack\": \"").append(r.stack().id()).append('"').append(", \"control\": ")
                .append(r.control()).append(settings);
            final LatencyMeasure m = r.measure();
            if (m != null)
            {
                json.append(", \"calls\": ").append(m.calls())
                    .append(", \"linesWritten\": ").append(m.lines())
                    .append(", \"complete\": ").append(m.complete())
                    .append(micros("callerP50Micros", m.caller().p50()))
                    .append(micros("callerP99Micros", m.caller().p99()))
                    .append(micros("callerP999Micros", m.caller().p999()))
                    .append(micros("callerP9999Micros", m.caller().p9999()))
                    .append(micros("callerMaxMicros", m.caller().max()))
                    .append(micros("serviceP999Micros", m.service().p999()))
                    .append(micros("serviceMaxMicros", m.service().max()));
            }
            else
            {
                json.append(", \"complete\": false");
            }
            json.append(", \"freezes\": ").append(r.freezes()).append(", \"frozenMillis\": ").append(r.frozenMillis())
                .append(", \"longestFreezeMillis\": ").append(r.longestMillis());
            if (r.error() != null)
            {
                json.append(", \"error\": \"").append(r.error().lines().findFirst().orElse("")
                    .replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
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

    private static String micros(final String name, final long nanos)
    {
        return String.format(Locale.ROOT, ", \"%s\": %.1f", name, nanos / 1000.0);
    }
}
