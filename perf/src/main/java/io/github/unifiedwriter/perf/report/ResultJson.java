package io.github.unifiedwriter.perf.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;


/**
 * Writes the comparison as a JSON array, one object per run; no JSON library needed for flat records. A
 * reference run ({@code "reference": true}) wrote no file: what its file would tell ({@code linesWritten},
 * {@code complete}, {@code missing}, {@code repeated}) is null, since nothing was checked, and its
 * {@code linesPerSec} is events per second on the same clock.
 */
public final class ResultJson
{
    private ResultJson()
    {
    }

    public static void write(final Path file, final List<RunResult> results) throws IOException
    {
        final StringBuilder json = new StringBuilder("[\n");
        for (int i = 0; i < results.size(); i++)
        {
            final RunResult r = results.get(i);
            json.append("  {")
                .append("\"stack\": ").append(quote(r.stack().id()))
                .append(", \"threads\": ").append(r.threads())
                .append(", \"events\": ").append(r.events())
                .append(", \"linesWritten\": ").append(checked(r, r.linesWritten()))
                .append(", \"linesPerSec\": ").append(fixed(r.linesPerSec()))
                .append(", \"callsPerSec\": ").append(fixed(r.callsPerSec()))
                .append(", \"cpuNsPerEvent\": ").append(fixed(r.cpuNsPerEvent()))
                .append(", \"drainMillis\": ").append(String.format(Locale.ROOT, "%.2f", r.drainMillis()))
                .append(", \"elapsedMillis\": ").append(String.format(Locale.ROOT, "%.2f", r.elapsedMillis()))
                .append(", \"complete\": ").append(checked(r, r.complete()))
                .append(", \"counted\": ").append(r.counts())
                .append(", \"reference\": ").append(r.reference())
                .append(", \"missing\": ").append(checked(r, r.missing()))
                .append(", \"repeated\": ").append(checked(r, r.repeated()))
                .append(", \"disruptor\": ").append(quote(r.disruptor()))
                .append(", \"error\": ").append(r.error() == null ? "null" : quote(r.error()))
                .append(i + 1 < results.size() ? "},\n" : "}\n");
        }
        json.append("]\n");
        final Path parent = file.toAbsolutePath().getParent();
        if (parent != null)
        {
            Files.createDirectories(parent);
        }
        Files.writeString(file, json, StandardCharsets.UTF_8);
    }

    /** {@code value}, or null for a reference, whose file does not exist to tell it. */
    private static String checked(final RunResult r, final Object value)
    {
        return r.reference() ? "null" : String.valueOf(value);
    }

    private static String fixed(final double value)
    {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    static String quote(final String text)
    {
        final StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < text.length(); i++)
        {
            final char c = text.charAt(i);
            switch (c)
            {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default ->
                {
                    if (c < 0x20)
                    {
                        out.append(String.format(Locale.ROOT, "\\u%04x", (int)c));
                    }
                    else
                    {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
