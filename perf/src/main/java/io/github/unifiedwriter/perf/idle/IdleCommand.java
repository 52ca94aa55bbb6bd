package io.github.unifiedwriter.perf.idle;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

import io.github.unifiedwriter.core.BatchDestination;
import io.github.unifiedwriter.core.Mode;
import io.github.unifiedwriter.core.UnifiedWriter;
import io.github.unifiedwriter.core.WriterConfig;
import io.github.unifiedwriter.perf.cli.Options;

/**
 * {@code idle}: the share of a core that a writer with nothing to write uses, for each wake-up period, in loop
 * mode ({@code tick}) and in trigger mode ({@code flushInterval}, which bounds its idle wait). This is what the
 * floor of those two settings protects.
 *
 * <p>Exit code 0, or 1 for a usage error.
 */
public final class IdleCommand
{
    public static final String USAGE = "idle [--periods-ms 1,10,100] [--seconds 5]";

    private IdleCommand()
    {
    }

    public static int run(final String[] args, final PrintStream out) throws InterruptedException
    {
        final Options options = Options.parse(args);
        final List<Integer> periods = options.intList("periods-ms", List.of(1, 10, 100));
        final int seconds = options.intValue("seconds", 5);
        options.rejectUnknown();
        if (seconds < 1 || periods.stream().anyMatch((p) -> p < 1))
        {
            throw new IllegalArgumentException("--seconds and every --periods-ms value take a positive number");
        }
        final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        out.printf(Locale.ROOT, "idle: CPU of a writer thread with nothing to write, over %d s each%n", seconds);
        for (final int period : periods)
        {
            for (final Mode mode : List.of(Mode.LOOP, Mode.TRIGGER))
            {
                final String name = "idle-" + mode + "-" + period;
                final Duration interval = Duration.ofMillis(period);
                final UnifiedWriter writer = UnifiedWriter.start(WriterConfig.builder().name(name).mode(mode)
                    .tick(interval).flushInterval(interval).build(), List.of(Nothing.INSTANCE));
                final long id = threadId(name);
                final long cpu = threads.getThreadCpuTime(id);
                final long start = System.nanoTime();
                Thread.sleep(seconds * 1000L);
                final double share = (threads.getThreadCpuTime(id) - cpu) / (double)(System.nanoTime() - start);
                writer.stop();
                out.printf(Locale.ROOT, "%-8s %s=%dms: %.2f%% of one core%n", mode.name().toLowerCase(Locale.ROOT),
                    mode == Mode.LOOP ? "tick" : "flushInterval", period, 100 * share);
            }
        }
        return 0;
    }

    private static long threadId(final String name)
    {
        for (final Thread thread : Thread.getAllStackTraces().keySet())
        {
            if (thread.getName().equals(name))
            {
                return thread.getId();
            }
        }
        throw new IllegalStateException("no writer thread named " + name);
    }

    /** A destination that is never written to: the writer stays idle. */
    private enum Nothing implements BatchDestination
    {
        INSTANCE;

        @Override
        public void write(final io.github.unifiedwriter.core.BatchDestination.RecordBatch batch)
        {
        }

        @Override
        public void close()
        {
        }
    }
}
