package io.github.unifiedwriter.perf.stall;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import io.github.unifiedwriter.perf.cli.Options;
import io.github.unifiedwriter.perf.latency.LatencyChild;
import io.github.unifiedwriter.perf.latency.LatencyMeasure;
import io.github.unifiedwriter.perf.stack.ChildJvm;
import io.github.unifiedwriter.perf.stack.Stack;

/**
 * {@code stall}: what a caller feels when the disk stops. Each stack runs in a fresh JVM at a fixed offered
 * rate, as in {@code latency}, writing to a small ext4 image on a loop device, while this JVM freezes that
 * file system ({@code fsfreeze -f}) for {@code --freeze-ms} every {@code --every-ms} of the measured
 * window. A write to a frozen file system blocks in the kernel until the thaw. Each child checks its file once its
 * producers are done, so no reader takes CPU from the callers while they are measured.
 *
 * <p>With {@code --control}, each stack runs a second time with its file off the mount, while the same freezes go on
 * and {@link Dirt} writes to the mount about as many bytes per second as the stack did: what the freezes cost a
 * caller whose file they never touch. That is this machine's floor for the stack's own run.
 *
 * <p>Exit code 0 if every run of ours was complete, 2 if one was not or if this machine cannot run it
 * (not root, no loop device, a command missing), 1 for a usage error. {@code --cleanup} thaws, unmounts
 * and deletes what a killed run left behind.
 */
public final class StallCommand
{
    public static final String USAGE = "stall [--stacks uw-block,log4j-raf,log4j-mmf] [--threads 4] [--rate 20000]"
        + " [--seconds 15] [--warmup 3] [--freeze-ms 500] [--every-ms 3000] [--json FILE] [--chart FILE.png]"
        + " [--jvm-args \"-Xms1g -Xmx1g\"] [--control] [--quiet]  |  stall --cleanup";

    private static final List<String> DEFAULT_STACKS = List.of("uw-block", "log4j-raf", "log4j-mmf");

    private StallCommand()
    {
    }

    public static int run(final String[] args, final PrintStream out) throws IOException, InterruptedException
    {
        final Options options = Options.parse(args, "quiet", "cleanup", "control");
        if (options.flag("cleanup"))
        {
            options.rejectUnknown();
            return cleanup(out);
        }
        final List<Stack> stacks =
            Stack.requireFiles(Stack.byIds(options.stringList("stacks", DEFAULT_STACKS)), "stall");
        final int threads = options.intValue("threads", 4);
        final double rate = options.doubleValue("rate", 20_000);
        final double seconds = options.doubleValue("seconds", 15);
        final double warmup = options.doubleValue("warmup", 3);
        final long freezeMs = options.longValue("freeze-ms", 500);
        final long everyMs = options.longValue("every-ms", 3000);
        final String json = options.string("json", null);
        final String chart = options.string("chart", null);
        final List<String> jvmArgs = List.of(options.string("jvm-args", "-Xms1g -Xmx1g").trim().split("\\s+"));
        final boolean quiet = options.flag("quiet");
        final boolean control = options.flag("control");
        options.rejectUnknown();
        if (stacks.isEmpty() || threads <= 0 || rate <= 0 || seconds <= 0 || warmup < 0)
        {
            throw new IllegalArgumentException("--stacks names one stack or more; --threads, --rate and --seconds"
                + " take positive numbers, --warmup zero or more");
        }
        if (freezeMs <= 0 || everyMs <= freezeMs || freezeMs > seconds * 1000)
        {
            throw new IllegalArgumentException("--freeze-ms must be above 0, below --every-ms and within --seconds;"
                + " got --freeze-ms " + freezeMs + " --every-ms " + everyMs + " --seconds " + seconds);
        }

        final Tools tools;
        try
        {
            tools = Tools.find();
        }
        catch (final Tools.CannotRun ex)
        {
            out.println("stall: cannot run here: " + ex.getMessage());
            return 2;
        }
        if (!Marker.leftBehind().isEmpty())
        {
            out.println("stall: an earlier run left a mount behind; 'stall --cleanup' removes it");
        }

        final long imageBytes = Math.max(256L << 20, (long)(rate * (warmup + seconds) * 256) + (64L << 20));
        final List<StallResult> results = new ArrayList<>();
        final AtomicReference<Freezer> active = new AtomicReference<>();
        try (LoopMount mount = LoopMount.create(tools, imageBytes))
        {
            final AtomicBoolean ending = new AtomicBoolean();
            final Thread hook = new Thread(() ->
            {
                ending.set(true);
                emergencyCleanup(mount, active);
            }, "stall-cleanup");
            Runtime.getRuntime().addShutdownHook(hook);
            out.printf(Locale.ROOT, "stall: %d producer threads, %,.0f calls/s offered, %.1f s measured after %.1f s"
                + " warm-up; %s frozen for %d ms every %d ms%n", threads, rate, seconds, warmup, mount.describe(),
                freezeMs, everyMs);
            final Run run = new Run(mount, active, threads, rate, warmup, seconds, freezeMs, everyMs, jvmArgs,
                quiet ? null : out);
            try
            {
                for (final Stack stack : stacks)
                {
                    if (ending.get())
                    {
                        break;
                    }
                    final StallResult frozen = run.stack(stack);
                    results.add(frozen);
                    out.print(StallTable.row(frozen));
                    if (control && !ending.get())
                    {
                        results.add(run.control(stack, frozen.fileBytes()));
                        out.print(StallTable.row(results.get(results.size() - 1)));
                    }
                }
            }
            finally
            {
                removeHook(hook);
            }
        }

        StallTable.print(out, results);
        if (json != null)
        {
            StallJson.write(Path.of(json), results, String.format(Locale.ROOT,
                ", \"threads\": %d, \"offeredRate\": %.1f, \"seconds\": %.1f, \"freezeMs\": %d, \"everyMs\": %d",
                threads, rate, seconds, freezeMs, everyMs));
            out.println("JSON: " + Path.of(json).toAbsolutePath());
        }
        if (chart != null)
        {
            StallChart.write(Path.of(chart), results, String.format(Locale.ROOT,
                "Caller latency, %,.0f calls/s from %d threads, file system frozen %d ms every %d ms", rate, threads,
                freezeMs, everyMs));
            out.println("chart: " + Path.of(chart).toAbsolutePath());
        }
        final boolean oursComplete = results.stream().filter(r -> r.stack().ours())
            .allMatch(r -> r.measure() != null && r.measure().complete());
        return oursComplete ? 0 : 2;
    }

    /** One stack's run: its latency child writes on the mount; the freezer starts when the child does. */
    private record Run(LoopMount mount, AtomicReference<Freezer> active, int threads, double rate, double warmup,
        double seconds, long freezeMs, long everyMs, List<String> jvmArgs, PrintStream echo)
    {
        StallResult stack(final Stack stack) throws IOException, InterruptedException
        {
            return measure(stack, mount.folder().resolve(stack.id() + "-stall.log"), null);
        }

        /** The same stack with its file off the mount, while {@code bytes} of the stack's own run are written there. */
        StallResult control(final Stack stack, final long bytes) throws IOException, InterruptedException
        {
            final Path dir = Files.createTempDirectory("uw-stall-control");
            try
            {
                return measure(stack, dir.resolve(stack.id() + "-control.log"),
                    new Dirt(mount.folder().resolve("control-dirt.log"), bytes / (warmup + seconds)));
            }
            finally
            {
                Files.deleteIfExists(dir);
            }
        }

        private StallResult measure(final Stack stack, final Path file, final Dirt dirt)
            throws IOException, InterruptedException
        {
            final Thread[] helpers = new Thread[2];
            final ChildJvm.Outcome outcome = ChildJvm.run(stack, jvmArgs, LatencyChild.class,
                List.of(stack.id(), Integer.toString(threads), String.format(Locale.ROOT, "%.1f", rate),
                    Double.toString(warmup), Double.toString(seconds), file.toString(), LatencyChild.CHECK_AFTER),
                Duration.ofSeconds(90 + (long)(warmup + seconds)), LatencyMeasure.PREFIX, echo, line ->
                {
                    if (LatencyChild.STARTED.equals(line) && helpers[0] == null)
                    {
                        helpers[0] = startFreezer();
                        helpers[1] = dirt == null ? null : start(dirt, "stall-dirt");
                    }
                });
            final Freezer freezer = active.getAndSet(null);
            if (freezer != null)
            {
                freezer.cancel();
                helpers[0].join();
            }
            if (helpers[1] != null)
            {
                dirt.cancel();
                helpers[1].join();
            }
            final long bytes = Files.exists(file) ? Files.size(file) : 0;
            Files.deleteIfExists(file);
            final int freezes = freezer == null ? 0 : freezer.freezes();
            final long frozen = freezer == null ? 0 : freezer.frozenMillis();
            final long longest = freezer == null ? 0 : freezer.longestMillis();
            final boolean control = dirt != null;
            if (!outcome.ok() || outcome.reports().isEmpty())
            {
                return new StallResult(stack, control, null, freezes, frozen, longest, bytes, (outcome.timedOut() ?
                    "timed out" : "exit " + outcome.exitCode()) + System.lineSeparator() + outcome.tail());
            }
            final String failure = freezer == null ? "the child never said it started" :
                freezer.failure() != null ? freezer.failure() : control ? dirt.failure() : null;
            return new StallResult(stack, control, LatencyMeasure.parse(outcome.reports().get(0)), freezes, frozen,
                longest, bytes, failure);
        }

        private Thread startFreezer()
        {
            final long from = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(LatencyChild.ORIGIN_DELAY_MILLIS)
                + (long)(warmup * 1e9);
            final Freezer freezer = new Freezer(mount, TimeUnit.MILLISECONDS.toNanos(freezeMs),
                TimeUnit.MILLISECONDS.toNanos(everyMs), from, from + (long)(seconds * 1e9));
            active.set(freezer);
            return start(freezer, "stall-freezer");
        }

        private static Thread start(final Runnable task, final String name)
        {
            final Thread thread = new Thread(task, name);
            thread.setDaemon(true);
            thread.start();
            return thread;
        }
    }

    /** Ctrl-C or a kill: thaw first, so that no child stays blocked in the kernel, then end them and unmount. */
    private static void emergencyCleanup(final LoopMount mount, final AtomicReference<Freezer> active)
    {
        final Freezer freezer = active.get();
        if (freezer != null)
        {
            freezer.cancel();
        }
        try
        {
            mount.thaw();
        }
        catch (final IOException ex)
        {
            System.err.println("stall: " + ex.getMessage());
        }
        endChildren();
        try
        {
            mount.close();
            System.err.println("stall: thawed and unmounted " + mount.describe());
        }
        catch (final IOException ex)
        {
            System.err.println("stall: " + ex.getMessage() + "; run 'stall --cleanup'");
        }
        endChildren();
    }

    /** The child JVMs (and any fsfreeze) this process started; a child started while stopping is caught by the second call. */
    private static void endChildren()
    {
        ProcessHandle.current().descendants().forEach(ProcessHandle::destroyForcibly);
        ProcessHandle.current().descendants().forEach(p -> p.onExit().completeOnTimeout(p, 10, TimeUnit.SECONDS).join());
    }

    private static void removeHook(final Thread hook)
    {
        try
        {
            Runtime.getRuntime().removeShutdownHook(hook);
        }
        catch (final IllegalStateException shuttingDown)
        {
            // The hook is running or about to: it cleans up.
        }
    }

    private static int cleanup(final PrintStream out) throws IOException
    {
        final Tools tools;
        try
        {
            tools = Tools.find();
        }
        catch (final Tools.CannotRun ex)
        {
            out.println("stall: cannot run here: " + ex.getMessage());
            return 2;
        }
        final List<Marker> markers = Marker.leftBehind();
        if (markers.isEmpty())
        {
            out.println("stall --cleanup: nothing left behind in " + Marker.folder());
            return 0;
        }
        int failed = 0;
        for (final Marker marker : markers)
        {
            final LoopMount mount = LoopMount.leftBehind(tools, marker);
            try
            {
                mount.close();
                out.println("stall --cleanup: thawed, unmounted and removed " + mount.describe());
            }
            catch (final IOException ex)
            {
                failed++;
                out.println("stall --cleanup: " + ex.getMessage());
                for (final Throwable cause : ex.getSuppressed())
                {
                    out.println("  " + cause.getMessage());
                }
            }
        }
        return failed == 0 ? 0 : 1;
    }
}
