package io.github.unifiedwriter.perf.latency;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.github.unifiedwriter.perf.cli.Options;
import io.github.unifiedwriter.perf.compare.CompareRunner;
import io.github.unifiedwriter.perf.report.RunResult;
import io.github.unifiedwriter.perf.stack.ChildJvm;
import io.github.unifiedwriter.perf.stack.Stack;

/**
 * {@code latency}: each stack in a fresh JVM at a fixed offered rate, either a given rate or a fraction
 * of the stack's own capacity measured first. Prints caller and call-to-file percentiles, and draws them.
 *
 * <p>Exit code 0 if every run of ours was complete, 2 if one was not, 1 for a usage error.
 */
public final class LatencyCommand
{
    public static final String USAGE = "latency [--stacks s1,s2,...] [--threads 4] [--rate 200000 | --load 0.5"
        + " [--capacity-events 1,000,000]] [--seconds 10] [--warmup 3] [--chart FILE.png] [--json FILE]"
        + " [--jvm-args \"-Xms1g -Xmx1g\"] [--dir FOLDER] [--quiet]";

    private static final List<String> DEFAULT_STACKS = List.of("uw-block", "uw-line", "uw-mmap", "uw-block-loop",
        "log4j-async-logger-d3", "log4j-async-appender", "log4j-raf", "log4j-mmf", "logback-async", "logstash-disruptor");

    private LatencyCommand()
    {
    }

    public static int run(final String[] args, final PrintStream out) throws IOException
    {
        final Options options = Options.parse(args, "quiet");
        final List<Stack> stacks =
            Stack.requireFiles(Stack.byIds(options.stringList("stacks", DEFAULT_STACKS)), "latency");
        final int threads = options.intValue("threads", 4);
        final double load = options.doubleValue("load", 0);
        final double fixedRate = options.doubleValue("rate", 200_000);
        final long capacityEvents = options.longValue("capacity-events", 1_000_000);
        final double seconds = options.doubleValue("seconds", 10);
        final double warmup = options.doubleValue("warmup", 3);
        final String chart = options.string("chart", null);
        final String json = options.string("json", null);
        final List<String> jvmArgs = List.of(options.string("jvm-args", "-Xms1g -Xmx1g").trim().split("\\s+"));
        final String dirOption = options.string("dir", null);
        final boolean quiet = options.flag("quiet");
        options.rejectUnknown();
        if (threads <= 0 || seconds <= 0 || warmup < 0 || load < 0 || load > 1 || fixedRate <= 0)
        {
            throw new IllegalArgumentException("--threads, --seconds and --rate take positive numbers, --load a fraction up to 1");
        }

        final Path dir = dirOption != null ? Files.createDirectories(Path.of(dirOption)) : Files.createTempDirectory("uw-latency");
        final PrintStream echo = quiet ? null : out;
        out.printf(Locale.ROOT, "latency: %d producer threads, %s, %.1f s measured after %.1f s warm-up%n", threads,
            load > 0 ? String.format(Locale.ROOT, "%.0f%% of each stack's capacity", load * 100)
                : String.format(Locale.ROOT, "%,.0f calls/s offered", fixedRate), seconds, warmup);

        final List<LatencyResult> results = new ArrayList<>();
        for (final Stack stack : stacks)
        {
            double rate = fixedRate;
            if (load > 0)
            {
                final RunResult capacity = new CompareRunner(dir, jvmArgs, false, echo).run(stack, threads, capacityEvents);
                if (!capacity.counts())
                {
                    out.printf("%s: capacity run incomplete or failed, skipped%n", stack.id());
                    results.add(LatencyResult.failed(stack, 0, "capacity run incomplete or failed"));
                    continue;
                }
                rate = load * capacity.linesPerSec();
                out.printf(Locale.ROOT, "%s: capacity %,.0f lines/s, offering %,.0f calls/s%n", stack.id(),
                    capacity.linesPerSec(), rate);
            }
            results.add(runOne(stack, threads, rate, warmup, seconds, dir, jvmArgs, echo));
            out.print(LatencyTable.row(results.get(results.size() - 1)));
        }

        LatencyTable.print(out, results);
        if (json != null)
        {
            LatencyJson.write(Path.of(json), results, threads);
            out.println("JSON: " + Path.of(json).toAbsolutePath());
        }
        if (chart != null)
        {
            LatencyChart.write(Path.of(chart), results, load > 0
                ? String.format(Locale.ROOT, "Latency at %.0f%% of each stack's capacity, %d producer threads", load * 100, threads)
                : String.format(Locale.ROOT, "Latency at %,.0f calls/s offered, %d producer threads", fixedRate, threads));
            out.println("chart: " + Path.of(chart).toAbsolutePath());
        }
        if (dirOption == null)
        {
            Files.deleteIfExists(dir);
        }
        final boolean oursComplete = results.stream().filter(r -> r.stack().ours())
            .allMatch(r -> r.measure() != null && r.measure().complete());
        return oursComplete ? 0 : 2;
    }

    private static LatencyResult runOne(final Stack stack, final int threads, final double rate, final double warmup,
        final double seconds, final Path dir, final List<String> jvmArgs, final PrintStream echo) throws IOException
    {
        final Path file = dir.resolve(stack.id() + "-latency.log");
        Files.deleteIfExists(file);
        try
        {
            final Duration timeout = Duration.ofSeconds(90 + (long)(warmup + seconds));
            final ChildJvm.Outcome outcome = ChildJvm.run(stack, jvmArgs, LatencyChild.class,
                List.of(stack.id(), Integer.toString(threads), String.format(Locale.ROOT, "%.1f", rate),
                    Double.toString(warmup), Double.toString(seconds), file.toString()),
                timeout, LatencyMeasure.PREFIX, echo);
            if (!outcome.ok() || outcome.reports().isEmpty())
            {
                return LatencyResult.failed(stack, rate, (outcome.timedOut() ? "timed out" : "exit " + outcome.exitCode())
                    + System.lineSeparator() + outcome.tail());
            }
            return new LatencyResult(stack, rate, LatencyMeasure.parse(outcome.reports().get(0)), null);
        }
        finally
        {
            Files.deleteIfExists(file);
        }
    }
}
