package io.github.unifiedwriter.perf.jmh;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.unifiedwriter.perf.stack.Family;
import io.github.unifiedwriter.perf.stack.LogDriver;
import io.github.unifiedwriter.perf.stack.Stack;
import io.github.unifiedwriter.perf.stack.StackStarter;

/**
 * Makes a JMH throughput trial answer for its lines: it starts the stack on a fresh file, every producer
 * thread counts its calls, and after the stack is stopped the file's lines are counted and compared. JMH
 * measures calls, so a stack that loses lines would look fast; this prints, for every trial, both numbers
 * and whether any were lost. A trial marked LOST does not count. A reference stack writes no file: its trial
 * prints its calls and says nothing was checked.
 *
 * <p>The benchmark's setup thread calls {@link #start} and {@link #stop}; producer threads only count.
 */
final class Delivery
{
    private final List<long[]> counters = new CopyOnWriteArrayList<>();
    private Stack stack;
    private Path file;
    private LogDriver driver;

    /** Starts {@code stackId}, which must be of {@code family}, on a new temporary file. */
    LogDriver start(final String stackId, final Family family) throws Exception
    {
        final Stack chosen = Stack.byId(stackId);
        if (chosen.family() != family)
        {
            throw new IllegalArgumentException(stackId + " is not a " + family + " stack: this benchmark cannot run it");
        }
        stack = chosen;
        file = Files.createTempFile("uw-jmh-" + stackId + "-", ".log");
        driver = StackStarter.start(chosen, file);
        return driver;
    }

    /** Stops the stack, then reports and deletes its file. */
    void stop() throws Exception
    {
        driver.stop();
        report();
    }

    /** A counter for one producer thread; that thread alone writes it. */
    long[] newCounter()
    {
        final long[] counter = new long[1];
        counters.add(counter);
        return counter;
    }

    private void report() throws IOException
    {
        long calls = 0;
        for (final long[] counter : counters)
        {
            calls += counter[0];
        }
        if (!stack.writesFile())
        {
            System.out.printf(Locale.ROOT, "%nDELIVERY %s producers=%d calls=%d reference, not checked: writes no file%n",
                stack.id(), counters.size(), calls);
            Files.deleteIfExists(file);
            return;
        }
        final long lines = countLines(file);
        System.out.printf(Locale.ROOT, "%nDELIVERY %s producers=%d calls=%d lines=%d %s%n", stack.id(), counters.size(),
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
