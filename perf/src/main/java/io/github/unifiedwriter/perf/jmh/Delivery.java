package io.github.unifiedwriter.perf.jmh;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Makes a JMH throughput trial answer for its lines: every producer thread counts its calls, and after
 * the stack is stopped the file's lines are counted and compared. JMH measures calls, so a stack that
 * loses lines would look fast; this prints, for every trial, both numbers and whether any were lost.
 * A trial marked LOST does not count.
 */
final class Delivery
{
    private final List<long[]> counters = new CopyOnWriteArrayList<>();

    /** A counter for one producer thread; that thread alone writes it. */
    long[] newCounter()
    {
        final long[] counter = new long[1];
        counters.add(counter);
        return counter;
    }

    /** Called once the stack is stopped and the producers are done. Deletes the file. */
    void report(final String stack, final Path file) throws IOException
    {
        long calls = 0;
        for (final long[] counter : counters)
        {
            calls += counter[0];
        }
        final long lines = countLines(file);
        System.out.printf(Locale.ROOT, "%nDELIVERY %s producers=%d calls=%d lines=%d %s%n", stack, counters.size(),
            calls, lines, lines == calls ? "complete" : "LOST " + (calls - lines) + " lines: this trial does not count");
        Files.deleteIfExists(file);
    }

    private static long countLines(final Path file) throws IOException
    {
        if (!Files.exists(file))
        {
            return 0;
        }
        final byte[] buffer = new byte[1 << 20];
        long lines = 0;
        try (InputStream in = Files.newInputStream(file))
        {
            int n;
            while ((n = in.read(buffer)) > 0)
            {
                for (int i = 0; i < n; i++)
                {
                    if (buffer[i] == '\n')
                    {
                        lines++;
                    }
                    else if (buffer[i] == 0)
                    {
                        return lines;
                    }
                }
            }
        }
        return lines;
    }
}
