package io.github.unifiedwriter.perf.gzip;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.Deflater;

import io.github.unifiedwriter.perf.cli.Options;
import org.apache.logging.log4j.core.appender.rolling.action.GzCompressAction;

/**
 * {@code gzip}: the CPU that compressing one rolled file costs, so a reader can tell whether the background
 * compressor keeps up with a writer's rate. It writes a file of log lines shaped like the compared stacks' own,
 * compresses it with Log4j2's {@code GzCompressAction} (what a {@code .gz} {@code filePattern} runs), and prints
 * the compressing thread's CPU seconds per GB and its rate on one core.
 *
 * <p>Exit code 0, or 1 for a usage error.
 */
public final class GzipCommand
{
    public static final String USAGE = "gzip [--megabytes 256] [--level -1 (the default, 0 to 9)] [--repeat 3]";

    private GzipCommand()
    {
    }

    public static int run(final String[] args, final PrintStream out) throws IOException
    {
        final Options options = Options.parse(args);
        final int megabytes = options.intValue("megabytes", 256);
        final int level = options.intValue("level", Deflater.DEFAULT_COMPRESSION);
        final int repeat = options.intValue("repeat", 3);
        options.rejectUnknown();
        if (megabytes < 1 || repeat < 1 || level < -1 || level > 9)
        {
            throw new IllegalArgumentException("--megabytes and --repeat take a positive number, --level -1 to 9");
        }
        final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        final Path dir = Files.createTempDirectory("uw-gzip");
        final Path source = dir.resolve("app.log");
        final Path target = dir.resolve("app.log.gz");
        try
        {
            final long bytes = writeLines(source, (long)megabytes << 20);
            out.printf(Locale.ROOT, "gzip: %,d bytes of log lines, level %d, Log4j2's GzCompressAction%n", bytes, level);
            for (int run = 1; run <= repeat; run++)
            {
                Files.deleteIfExists(target);
                final long cpu = threads.getCurrentThreadCpuTime();
                final long start = System.nanoTime();
                new GzCompressAction(source.toFile(), target.toFile(), false, level).execute();
                final double seconds = (System.nanoTime() - start) / 1e9;
                final double cpuSeconds = (threads.getCurrentThreadCpuTime() - cpu) / 1e9;
                final double gigabytes = bytes / 1e9;
                out.printf(Locale.ROOT, "run %d: %.2f CPU s per GB, %.0f MB/s on one core (%.0f MB/s wall), " +
                    "compressed to %.1f%%%n", run, cpuSeconds / gigabytes, bytes / 1e6 / cpuSeconds,
                    bytes / 1e6 / seconds, 100.0 * Files.size(target) / bytes);
            }
        }
        finally
        {
            Files.deleteIfExists(target);
            Files.deleteIfExists(source);
            Files.deleteIfExists(dir);
        }
        return 0;
    }

    /** Lines like the compared stacks' pattern, with changing times, threads and numbers. */
    private static long writeLines(final Path file, final long bytes) throws IOException
    {
        long written = 0;
        long n = 0;
        try (BufferedWriter writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8))
        {
            while (written < bytes)
            {
                final String line = String.format(Locale.ROOT,
                    "2026-12-02 05:%02d:%02d,%03d INFO  [producer-%d] Perf - event %d of a load test, value %d%n",
                    n / 60_000 % 60, n / 1000 % 60, n % 1000, n % 4, n, n * 7919 % 100_003);
                writer.write(line);
                written += line.length();
                n++;
            }
        }
        return written;
    }
}
