package io.github.unifiedwriter.reliability;

import io.github.unifiedwriter.log4j2.TestConfigs;
import io.github.unifiedwriter.log4j2.StatusCapture;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

import io.github.unifiedwriter.core.WriterMetrics;
import io.github.unifiedwriter.log4j2.UnifiedWriterAppender;
import io.github.unifiedwriter.log4j2.UnifiedWriterManager;
import io.github.unifiedwriter.testing.NumberedLines;
import io.github.unifiedwriter.testing.Threads;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.core.LoggerContext;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The lifecycle used the wrong way: stopped under load and stopped again, called after stop, reloaded while
 * its writer is stuck and the ring is full, and shut down from a shutdown hook, even while threads still log.
 * Nothing hangs, nothing is thrown at the application, and every call is accounted for.
 */
class LifecycleAbuseTest
{
    private static final int PER_THREAD = 5_000;

    @TempDir
    Path dir;

    /**
     * Eight threads log while the appender is stopped under them, then log on; the appender and the context are
     * then stopped again. Calls after the stop reach the stopped appender through Log4j2, which reports them,
     * and the appender counts them as dropped.
     */
    @ParameterizedTest(name = "{0} writer")
    @ValueSource(strings = {"block", "line", "mmap"})
    void stoppingUnderEightLoggingThreadsAccountsForEveryCallAndStoppingAgainChangesNothing(final String type)
        throws Exception
    {
        final int threads = 8;
        final int afterStop = 100;
        final Path file = dir.resolve(type + ".log");
        try (StatusCapture status = new StatusCapture())
        {
            final LoggerContext context = TestConfigs.start(dir, TestConfigs.config(Configs.writer("stopping", file,
                "writerType=\"" + type + "\" regionSize=\"64KB\" ringSize=\"256\""), "stopping"));
            final UnifiedWriterAppender appender = TestConfigs.appender(context, "stopping");
            final UnifiedWriterManager manager = appender.getManager();
            final Logger logger = context.getLogger("stopping");
            final AtomicLong calls = new AtomicLong();
            final Threads app = Threads.start("app", threads, (id) ->
            {
                int late = 0;
                for (long i = 0; late < afterStop; i++)
                {
                    final boolean stopped = appender.isStopped();
                    logger.info(NumberedLines.message(id, i));
                    calls.incrementAndGet();
                    late += stopped ? 1 : 0;
                }
            });
            Threads.await(() -> manager.metrics().written() >= 10_000, "some lines written");
            assertTrue(appender.stop(30, TimeUnit.SECONDS), "drained within the timeout");
            app.join(60);
            final WriterMetrics stopped = manager.metrics();
            appender.stop();
            context.stop();
            context.stop();

            assertEquals(stopped, manager.metrics(), "stopping again changes nothing");
            assertEquals(calls.get(), stopped.written() + stopped.dropped() + stopped.failed(), stopped.toString());
            assertEquals(0, stopped.pending() + stopped.failed(), stopped.toString());
            assertTrue(stopped.dropped() >= threads * afterStop, "the calls after stop: " + stopped);
            final long[] next = new long[threads];
            final long[] lines = new long[1];
            NumberedLines.visit(Files.readAllBytes(file), 0, (thread, seq, tag) ->
            {
                assertEquals(next[thread]++, seq, "t" + thread + ": a gap-free prefix");
                lines[0]++;
            }, type);
            assertEquals(stopped.written(), lines[0], "the file holds what was counted as written");
            assertTrue(status.all().stream().anyMatch((m) -> m.startsWith("ERROR") &&
                m.contains("non-started appender stopping")), "Log4j2 reports calls after stop: " + status.all());
        }
    }

    /**
     * The writer is stuck in a write to a pipe nobody reads, the ring is full and the callers wait (block
     * policy), and the configuration is reloaded with a larger ring, which needs a new writer. When the pipe is
     * read again before the old writer's shutdownTimeout, nothing is lost. When not, the reload completes at the
     * deadline, and what the old writer held is counted as failed and reported; this needs a blockTimeout, as
     * Log4j2 finishes a reload only once the calls in flight have returned, and without one a caller waits for
     * as long as the file does.
     */
    @ParameterizedTest(name = "reader back {0}")
    @CsvSource({"before the deadline, 30s, none", "after the deadline, 300ms, 50ms"})
    void reloadingWhileTheRingIsFullUnderBlockNeitherHangsNorLosesCount(final String when, final String timeout,
        final String blockTimeout)
        throws Exception
    {
        final boolean late = when.startsWith("after");
        final int threads = 4;
        final SlowReader reader = SlowReader.open(dir.resolve("pipe"));
        try (StatusCapture status = new StatusCapture())
        {
            final String attributes = "policy=\"block\" shutdownTimeout=\"" + timeout + "\" blockTimeout=\"" +
                blockTimeout + "\" ringSize=\"";
            final LoggerContext context = TestConfigs.start(dir, TestConfigs.config(
                Configs.writer("piped", reader.path(), attributes + "64\""), "piped"));
            final Path reloaded = Configs.write(dir, TestConfigs.config(
                Configs.writer("piped", reader.path(), attributes + "128\""), "piped"));
            final UnifiedWriterManager manager = TestConfigs.appender(context, "piped").getManager();
            final Logger logger = context.getLogger("piped");
            final AtomicLongArray logged = new AtomicLongArray(threads);
            final Threads app = Threads.start("app", threads, (id) ->
            {
                for (int i = 0; i < PER_THREAD; i++)
                {
                    logger.info(NumberedLines.message(id, i));
                    logged.set(id, i + 1);
                }
            });
            awaitStuck(manager);

            final Threads reload = Threads.start("reload", 1, (id) -> context.setConfigLocation(reloaded.toUri()));
            if (late)
            {
                reload.join(60);
                final List<String> errors = status.about("piped", Level.ERROR);
                assertTrue(errors.stream().anyMatch((e) -> e.contains("after shutdownTimeout") &&
                    e.contains("counted as failed")), "the deadline is reported: " + status.all() + " " +
                    manager.metrics());
            }
            else
            {
                Threads.sleep(300);
            }
            reader.resume();
            reload.join(60);
            app.join(60);
            assertEquals(128, manager.config().ringSize(), "the new settings are in effect");
            context.stop();
            final byte[] content = reader.awaitEnd();
            final WriterMetrics metrics = manager.metrics();
            System.out.println("reload with the reader back " + when + ": " + metrics);

            assertEquals(threads * PER_THREAD, metrics.written() + metrics.dropped() + metrics.failed(),
                metrics.toString());
            assertEquals(0, metrics.pending(), metrics.toString());
            final long[] next = new long[threads];
            final long[] lines = new long[1];
            NumberedLines.visit(content, 0, (thread, seq, tag) ->
            {
                assertTrue(late ? seq >= next[thread] : seq == next[thread], "t" + thread + " " + seq +
                    (late ? " in order, once" : ": every line, in order, once"));
                next[thread] = seq + 1;
                lines[0]++;
            }, when);
            if (late)
            {
                assertTrue(metrics.failed() > 0, "the old writer's records at the deadline: " + metrics);
                assertTrue(metrics.dropped() > 0, "callers that waited longer than blockTimeout: " + metrics);
                assertTrue(lines[0] >= metrics.written() && lines[0] <= metrics.written() + metrics.failed(),
                    lines[0] + " lines for " + metrics);
            }
            else
            {
                assertEquals(threads * PER_THREAD, metrics.written(), metrics.toString());
                assertEquals(threads * PER_THREAD, lines[0]);
            }
        }
    }

    /**
     * Waits until the ring is full, the writer thread sits in a write system call, and nothing has been written
     * for a while: the pipe is full and the writer is stuck in it.
     */
    private static void awaitStuck(final UnifiedWriterManager manager)
    {
        final long[] last = {-1};
        final int[] still = {0};
        Threads.await(() ->
        {
            Threads.sleep(50);
            final long written = manager.metrics().written();
            final boolean stuck = manager.remainingCapacity() == 0 && written == last[0] && inWriteCall("piped");
            still[0] = stuck ? still[0] + 1 : 0;
            last[0] = written;
            return still[0] >= 4;
        }, "the ring fills behind the stuck writer");
    }

    private static boolean inWriteCall(final String thread)
    {
        for (final Map.Entry<Thread, StackTraceElement[]> entry : Thread.getAllStackTraces().entrySet())
        {
            final StackTraceElement[] stack = entry.getValue();
            if (entry.getKey().getName().equals(thread) && stack.length > 0 &&
                "write0".equals(stack[0].getMethodName()))
            {
                return true;
            }
        }
        return false;
    }

    /**
     * A child JVM whose shutdown hook calls {@code LogManager.shutdown()}: with Log4j2's own hook off or racing
     * it, and with {@code System.exit} called while four threads still log (Log4j2's hook off, so that nothing
     * stops the appender before the hook counts the calls). The child ends, and the file holds whole lines only,
     * each thread's a gap-free prefix, with every call that had returned when the hook began.
     */
    @ParameterizedTest(name = "{0} writer, {1}")
    @CsvSource({
        "block, shutdownHook=\"disable\", shutdown-hook",
        "mmap, shutdownHook=\"disable\", shutdown-hook",
        "line, , shutdown-hook",
        "mmap, shutdownHook=\"disable\", exit-while-logging"})
    void shuttingDownFromAShutdownHookWritesEveryLine(final String type, final String log4jHook,
        final String mode)
        throws Exception
    {
        final int lines = 20_000;
        final Path file = dir.resolve(type + ".log");
        final String xml = TestConfigs.config(Configs.writer("child", file,
            "writerType=\"" + type + "\" regionSize=\"64KB\""), "child");
        final Path config = Configs.write(dir, log4jHook == null ? xml : Configs.withAttributes(xml, log4jHook));
        final long[] returned = new long[LoggingChild.THREADS];
        try (LoggingChildJvm child = LoggingChildJvm.start(config, mode, String.valueOf(lines)))
        {
            assertEquals(0, child.waitFor(), "a normal exit: " + child.output());
            final String[] counts = child.awaitLine("returned ").split(" ");
            for (int t = 0; t < LoggingChild.THREADS; t++)
            {
                returned[t] = Long.parseLong(counts[t + 1]);
            }
        }
        final long[] next = new long[LoggingChild.THREADS];
        NumberedLines.visit(Files.readAllBytes(file), 0, (thread, seq, tag) ->
        {
            assertEquals(next[thread]++, seq, "t" + thread + ": a gap-free prefix");
            assertTrue(NumberedLines.wholeTag(seq, tag), "a whole line");
        }, mode);
        final boolean finished = "shutdown-hook".equals(mode);
        assertTrue(Arrays.stream(returned).sum() >= LoggingChild.READY_AFTER, "calls before the shutdown");
        for (int t = 0; t < LoggingChild.THREADS; t++)
        {
            assertTrue(next[t] >= returned[t], "every call of t" + t + " that returned before the shutdown is in " +
                "the file: " + next[t] + " lines of " + returned[t]);
            assertTrue(!finished || returned[t] == lines && next[t] == lines, "every line of t" + t + ", and no more");
        }
        System.out.println("shutdown hook, " + type + " writer, " + mode + ": lines per thread " +
            Arrays.toString(next) + ", calls returned when the hook began " +
            Arrays.toString(returned));
    }
}
