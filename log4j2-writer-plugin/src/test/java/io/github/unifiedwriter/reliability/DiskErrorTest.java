package io.github.unifiedwriter.reliability;

import io.github.unifiedwriter.log4j2.TestConfigs;
import io.github.unifiedwriter.log4j2.StatusCapture;

import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;

import io.github.unifiedwriter.core.WriterMetrics;
import io.github.unifiedwriter.log4j2.UnifiedWriterManager;
import io.github.unifiedwriter.testing.NumberedLines;
import io.github.unifiedwriter.testing.Threads;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.core.LoggerContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Real write errors, not mocked ones: {@code /dev/full} fails every write with ENOSPC, and a mapped file
 * truncated and replaced behind the writer's back fails every write and every reopen. The application keeps
 * running, the writer retries with backoff and then falls back to writing on the callers' threads, the
 * operator is told without being flooded, and every call is counted.
 */
class DiskErrorTest
{
    private static final int MAX_RESTARTS = 2;
    private static final int THREADS = 4;
    private static final int PER_THREAD = 500;
    private static final Path DEV_FULL = Path.of("/dev/full");

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0} writer")
    @ValueSource(strings = {"block", "line"})
    void onAFullDeviceLogCallsReturnAndEveryFailureIsCountedAndReportedWithoutAFlood(final String type)
    {
        assumeTrue(Files.isWritable(DEV_FULL), "/dev/full is available");
        try (StatusCapture status = new StatusCapture())
        {
            final LoggerContext context = TestConfigs.start(dir, TestConfigs.config(Configs.writer("full", DEV_FULL.toString(),
                "writerType=\"" + type + "\" maxRestarts=\"" + MAX_RESTARTS + "\" ringSize=\"64\"", Configs.PATTERN),
                "full"));
            final UnifiedWriterManager manager = TestConfigs.appender(context, "full").getManager();
            final Logger logger = context.getLogger("full");

            logFromThreads(logger, 0);
            Threads.await(() -> manager.metrics().fallbackToSync(), "fallback to synchronous writes");
            logFromThreads(logger, PER_THREAD);
            final WriterMetrics running = manager.metrics();
            context.stop();
            final WriterMetrics metrics = manager.metrics();
            System.out.println("/dev/full, " + type + " writer: " + metrics);

            final long calls = 2L * THREADS * PER_THREAD;
            assertTrue(running.fallbackToSync(), running.toString());
            assertEquals(0, metrics.written(), metrics.toString());
            assertEquals(calls, metrics.failed(), "every call failed and was counted: " + metrics);
            assertEquals(0, metrics.dropped() + metrics.pending(), metrics.toString());
            assertTrue(metrics.errors() > MAX_RESTARTS, metrics.toString());
            assertEquals(metrics.errors(), metrics.restarts(), "each failed write reopened the device: " + metrics);
            assertTrue(metrics.lastError().contains("No space left on device"), metrics.lastError());

            final List<String> errors = status.about("full", Level.ERROR);
            final long retries = errors.stream().filter((e) -> e.contains("writing failed")).count();
            final long fallbacks = errors.stream().filter((e) -> e.contains("gave up retrying")).count();
            assertEquals(MAX_RESTARTS + 1, retries, "one ERROR per retry, none per failed call: " + errors);
            assertEquals(1, fallbacks, errors.toString());
            assertEquals(MAX_RESTARTS + 2, errors.size(), "no flood for " + calls + " failed calls: " + errors);
        }
    }

    /**
     * The mapped file is truncated behind its mapping and its path taken by a folder, so every write and every
     * reopen fails; once the path is free again, the next reopen creates the file and writing resumes.
     */
    @Test
    void aMappedFileTakenAwayFailsEveryWriteAndLoggingResumesOnceThePathIsFree() throws Exception
    {
        final Path file = dir.resolve("mapped.log");
        try (StatusCapture status = new StatusCapture())
        {
            final LoggerContext context = TestConfigs.start(dir, TestConfigs.config(Configs.writer("mapped", file,
                "writerType=\"mmap\" regionSize=\"64KB\" maxRestarts=\"" + MAX_RESTARTS + "\" ringSize=\"64\""),
                "mapped"));
            final UnifiedWriterManager manager = TestConfigs.appender(context, "mapped").getManager();
            final Logger logger = context.getLogger("mapped");
            for (int i = 0; i < 100; i++)
            {
                logger.info(NumberedLines.message(THREADS, i));
            }
            assertTrue(manager.flush(Duration.ofSeconds(30)));
            assertEquals(100, manager.metrics().written());

            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE))
            {
                channel.truncate(0);
            }
            Files.delete(file);
            Files.createDirectory(file);
            logFromThreads(logger, 0);
            Threads.await(() -> manager.metrics().fallbackToSync(), "fallback to synchronous writes");
            final WriterMetrics failing = manager.metrics();
            assertEquals(100, failing.written(), failing.toString());

            Files.delete(file);
            logFromThreads(logger, PER_THREAD);
            manager.restart();
            assertFalse(manager.metrics().fallbackToSync(), "asynchronous again");
            logFromThreads(logger, 2 * PER_THREAD);
            context.stop();
            final WriterMetrics metrics = manager.metrics();
            System.out.println("mapped file taken away: " + metrics);

            final long calls = 100 + 3L * THREADS * PER_THREAD;
            assertEquals(calls, metrics.written() + metrics.dropped() + metrics.failed(), metrics.toString());
            assertEquals(0, metrics.dropped() + metrics.pending(), metrics.toString());
            assertTrue(metrics.failed() >= THREADS * PER_THREAD, "what was logged while the path was taken: " +
                metrics);
            final long[] next = new long[THREADS];
            final long[] lines = new long[1];
            NumberedLines.visit(Files.readAllBytes(file), 0, (thread, seq, tag) ->
            {
                assertTrue(seq >= next[thread], "t" + thread + " " + seq + " in order, once");
                assertTrue(NumberedLines.wholeTag(seq, tag), "a whole line");
                next[thread] = seq + 1;
                lines[0]++;
            }, "mapped");
            assertEquals(metrics.written() - 100, lines[0], "the new file holds every line counted as written " +
                "after the truncation took the first 100");
            for (int t = 0; t < THREADS; t++)
            {
                assertEquals(3 * PER_THREAD, next[t], "the last line of t" + t + " after the restart");
            }
            final List<String> errors = status.about("mapped", Level.ERROR);
            assertEquals(MAX_RESTARTS + 2, errors.size(), "retries and one fallback, no flood: " + errors);
        }
    }

    @Test
    void aDeviceIsRefusedByTheMmapWriterWithAnErrorAndNoAppender()
    {
        assumeTrue(Files.isWritable(DEV_FULL), "/dev/full is available");
        try (StatusCapture status = new StatusCapture())
        {
            final LoggerContext context = TestConfigs.start(dir, TestConfigs.config(Configs.writer("device",
                DEV_FULL.toString(), "writerType=\"mmap\"", Configs.PATTERN), "device"));
            assertNull(TestConfigs.appender(context, "device"));
            context.getLogger("device").info("goes nowhere, throws nothing");
            context.stop();
            final List<String> errors = status.about("device", Level.ERROR);
            assertTrue(errors.stream().anyMatch((e) -> e.contains("cannot open /dev/full") &&
                e.contains("cannot be mapped")), errors.toString());
        }
    }

    private static void logFromThreads(final Logger logger, final int from)
    {
        Threads.start("app", THREADS, (id) ->
        {
            for (int i = from; i < from + PER_THREAD; i++)
            {
                logger.info(NumberedLines.message(id, i));
            }
        }).join(60);
    }
}
