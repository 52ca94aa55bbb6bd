package io.github.unifiedwriter.perf.compare;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import io.github.unifiedwriter.perf.check.BenchLineParser;
import io.github.unifiedwriter.perf.check.FileScan;
import io.github.unifiedwriter.perf.check.SequenceTracker;
import io.github.unifiedwriter.perf.report.RunResult;
import io.github.unifiedwriter.perf.stack.ChildJvm;
import io.github.unifiedwriter.perf.stack.Stack;

/**
 * Runs one (stack, threads) pair in a fresh JVM, then reads the files it wrote, rolled ones included, and checks
 * every line. A reference stack writes no file: its run is timed the same way and nothing is read back.
 * Runs one at a time on the calling thread: two runs side by side would measure each other.
 */
public final class CompareRunner
{
    private final Path dir;
    private final List<String> jvmArgs;
    private final boolean keepFiles;
    private final PrintStream echo;

    /**
     * @param dir       where the log files go; each is deleted after its check unless {@code keepFiles}
     * @param jvmArgs   the same for every child, so every stack gets the same heap
     * @param echo      where the children's own output goes, or null to keep it quiet
     */
    public CompareRunner(final Path dir, final List<String> jvmArgs, final boolean keepFiles, final PrintStream echo)
    {
        this.dir = dir;
        this.jvmArgs = List.copyOf(jvmArgs);
        this.keepFiles = keepFiles;
        this.echo = echo;
    }

    public RunResult run(final Stack stack, final int threads, final long events) throws IOException
    {
        final Path file = dir.resolve(stack.id() + "-" + threads + "t.log");
        RunFiles.delete(file);
        try
        {
            final Duration timeout = Duration.ofSeconds(60 + events / 50_000);
            final ChildJvm.Outcome outcome = ChildJvm.run(stack, jvmArgs, ThroughputChild.class,
                List.of(stack.id(), Integer.toString(threads), Long.toString(events), file.toString()),
                timeout, RunMeasure.PREFIX, echo);
            if (!outcome.ok() || outcome.reports().isEmpty())
            {
                final String why = outcome.timedOut() ? "timed out after " + timeout.toSeconds() + " s"
                    : "child exited with " + outcome.exitCode();
                return RunResult.failed(stack, threads, events, why + System.lineSeparator() + outcome.tail());
            }
            final RunMeasure measure = RunMeasure.parse(outcome.reports().get(0));
            if (!stack.writesFile())
            {
                return reference(stack, threads, events, measure);
            }
            final SequenceTracker tracker = new SequenceTracker(threads);
            long lines = 0;
            long tornTailBytes = 0;
            for (final Path each : RunFiles.inOrder(file))
            {
                final FileScan scan = FileScan.scan(each, new BenchLineParser(), tracker);
                lines += scan.lines();
                tornTailBytes += scan.tornTailBytes();
            }
            final boolean complete = tracker.complete(events) && lines == events && tornTailBytes == 0;
            final double seconds = measure.totalNanos() / 1e9;
            return new RunResult(stack, threads, events, lines, lines / seconds,
                events / (measure.callsNanos() / 1e9), (double)measure.cpuNanos() / events,
                (measure.totalNanos() - measure.callsNanos()) / 1e6, measure.totalNanos() / 1e6, complete,
                tracker.missing(), tracker.backwards(), measure.disruptor(), null);
        }
        finally
        {
            if (!keepFiles)
            {
                RunFiles.delete(file);
            }
        }
    }

    /**
     * The result of a reference stack's run, from its measure alone: events per second stand where lines per
     * second would, on the same clock, and no file is checked. Called on the compare thread.
     */
    static RunResult reference(final Stack stack, final int threads, final long events, final RunMeasure measure)
    {
        return RunResult.reference(stack, threads, events, events / (measure.totalNanos() / 1e9),
            events / (measure.callsNanos() / 1e9), (double)measure.cpuNanos() / events,
            (measure.totalNanos() - measure.callsNanos()) / 1e6, measure.totalNanos() / 1e6, measure.disruptor());
    }
}
