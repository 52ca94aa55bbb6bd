package io.github.unifiedwriter.perf.compare;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import io.github.unifiedwriter.perf.cli.Options;
import io.github.unifiedwriter.perf.report.ResultJson;
import io.github.unifiedwriter.perf.report.ResultTable;
import io.github.unifiedwriter.perf.report.RunGroup;
import io.github.unifiedwriter.perf.report.RunResult;
import io.github.unifiedwriter.perf.report.ThroughputChart;
import io.github.unifiedwriter.perf.stack.Stack;

/**
 * {@code compare}: every (stack, threads) pair in a fresh JVM, timed until the last line is in the file,
 * then the file is read back and checked. Prints a table, and writes JSON and a PNG chart if asked.
 *
 * <p>With {@code --repeat}, every pair runs that many times, interleaved with the others, and the table
 * shows the median; the JSON keeps every run. Each round starts one stack further down the list, so that with as
 * many rounds as stacks every stack runs once in each place: a run pays for the writeback of the hundreds of
 * megabytes the run before it wrote, and a fixed order would charge that to the same stack every time.
 *
 * <p>A reference stack ({@code log4j-null}) writes no file: its row shows its calls, says it was not checked,
 * and it is never the best Log4j2 stack the others are measured against.
 *
 * <p>Exit code 0 if every run of ours was complete, 2 if one was not, 1 for a usage error; a reference's run
 * never changes it.
 */
public final class CompareCommand
{
    public static final String USAGE = "compare [--events N (5,000,000)] [--threads 1,2,4] [--stacks s1,s2,...]"
        + " [--repeat R (1)] [--json FILE] [--chart FILE.png] [--jvm-args \"-Xms1g -Xmx1g\"] [--dir FOLDER] [--keep-files] [--quiet]";

    private CompareCommand()
    {
    }

    public static int run(final String[] args, final PrintStream out) throws IOException
    {
        final Options options = Options.parse(args, "keep-files", "quiet");
        final long events = options.longValue("events", 5_000_000);
        final List<Integer> threadCounts = options.intList("threads", List.of(1, 2, 4));
        final List<Stack> stacks = options.stringList("stacks", null) == null
            ? Arrays.asList(Stack.values()) : Stack.byIds(options.stringList("stacks", null));
        final int repeat = options.intValue("repeat", 1);
        final String json = options.string("json", null);
        final String chart = options.string("chart", null);
        final List<String> jvmArgs = List.of(options.string("jvm-args", "-Xms1g -Xmx1g").trim().split("\\s+"));
        final String dirOption = options.string("dir", null);
        final boolean keepFiles = options.flag("keep-files");
        final boolean quiet = options.flag("quiet");
        options.rejectUnknown();
        if (events <= 0 || repeat <= 0 || threadCounts.stream().anyMatch(t -> t <= 0))
        {
            throw new IllegalArgumentException("--events, --repeat and --threads take positive numbers");
        }

        final Path dir = dirOption != null ? Files.createDirectories(Path.of(dirOption)) : Files.createTempDirectory("uw-compare");
        out.printf(Locale.ROOT, "compare: %,d events per run, threads %s, stacks %s%n", events, threadCounts,
            stacks.stream().map(Stack::id).toList());
        out.printf(Locale.ROOT, "each run in a fresh JVM (%s), files in %s%n", String.join(" ", jvmArgs), dir);

        final CompareRunner runner = new CompareRunner(dir, jvmArgs, keepFiles, quiet ? null : out);
        final List<RunResult> results = new ArrayList<>();
        for (int round = 1; round <= repeat; round++)
        {
            final List<Stack> order = new ArrayList<>(stacks);
            Collections.rotate(order, -(round - 1));
            for (final int threads : threadCounts)
            {
                for (final Stack stack : order)
                {
                    out.printf(Locale.ROOT, "run %d/%d: %s with %d thread%s...%n", round, repeat, stack.id(), threads,
                        threads == 1 ? "" : "s");
                    final RunResult result = runner.run(stack, threads, events);
                    results.add(result);
                    out.print(ResultTable.row(result));
                    if (result.error() != null)
                    {
                        out.println(result.error());
                    }
                }
            }
        }

        final List<RunGroup> groups = RunGroup.of(results);
        ResultTable.print(out, groups, threadCounts);
        if (json != null)
        {
            ResultJson.write(Path.of(json), results);
            out.println("JSON: " + Path.of(json).toAbsolutePath());
        }
        if (chart != null)
        {
            ThroughputChart.write(Path.of(chart), RunGroup.shown(groups), String.format(Locale.ROOT,
                "End-to-end throughput, %,d events per run%s", events, repeat == 1 ? "" : ", median of " + repeat + " runs"));
            out.println("chart: " + Path.of(chart).toAbsolutePath());
        }
        if (!keepFiles && dirOption == null)
        {
            Files.deleteIfExists(dir);
        }
        final boolean oursComplete = results.stream().filter(r -> r.stack().ours()).allMatch(RunResult::counts);
        if (!oursComplete)
        {
            out.println("at least one UnifiedWriter run was incomplete or failed");
        }
        return oursComplete ? 0 : 2;
    }
}
