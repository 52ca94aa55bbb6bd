package io.github.unifiedwriter.reliability;

import io.github.unifiedwriter.log4j2.TestConfigs;
import io.github.unifiedwriter.log4j2.StatusCapture;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import io.github.unifiedwriter.core.WriterMetrics;
import io.github.unifiedwriter.log4j2.UnifiedWriterManager;
import io.github.unifiedwriter.testing.NumberedLines;
import io.github.unifiedwriter.testing.Threads;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.core.LoggerContext;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A disk that fills while the application logs, and frees room again before the retries run out, loses no
 * accepted record: the writer cuts what the failed write left of a record, waits, and writes on from the last
 * whole one, so every line is in the file once, in order, and nothing is counted as failed.
 */
class FillAndFreeTest
{
    private static final int THREADS = 4;
    private static final int BEFORE = 250;
    private static final int PER_THREAD = 2_000;

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0} writer")
    @ValueSource(strings = {"block", "line", "mmap"})
    void aDiskThatFillsAndFreesRoomAgainLosesNoAcceptedRecord(final String type) throws Exception
    {
        try (SmallDisk disk = SmallDisk.at(dir.resolve("disk"), "filling", 256 * 1024);
             StatusCapture status = new StatusCapture())
        {
            System.out.println("fill and free, " + type + " writer: " + disk.kind());
            final Path file = disk.file("app.log");
            final LoggerContext context = TestConfigs.start(dir, TestConfigs.config(Configs.writer("filling", file,
                "writerType=\"" + type + "\" regionSize=\"16KB\" ringSize=\"256\" bufferSize=\"4KB\""), "filling"));
            final UnifiedWriterManager manager = TestConfigs.appender(context, "filling").getManager();
            final Logger logger = context.getLogger("filling");
            log(logger, 0, BEFORE).join(60);
            assertTrue(manager.flush(Duration.ofSeconds(30)));

            disk.fill();
            final Threads app = log(logger, BEFORE, PER_THREAD);
            Threads.await(() -> manager.metrics().errors() >= 2, "writes fail on the full disk");
            disk.free();
            app.join(60);
            context.stop();
            disk.stopped();
            final WriterMetrics metrics = manager.metrics();
            System.out.println("fill and free, " + type + " writer: " + metrics);

            final long[] next = new long[THREADS];
            NumberedLines.visit(Files.readAllBytes(file), 0, (thread, seq, tag) ->
            {
                assertEquals(next[thread]++, seq, "t" + thread + ": each line once, in order, none missing");
                assertTrue(NumberedLines.wholeTag(seq, tag), "a whole line: t" + thread + " " + seq + " " + tag);
            }, type);
            for (int t = 0; t < THREADS; t++)
            {
                assertEquals(PER_THREAD, next[t], "every line of t" + t);
            }
            assertEquals(THREADS * PER_THREAD, metrics.written(), metrics.toString());
            assertEquals(0, metrics.failed() + metrics.dropped() + metrics.pending(), metrics.toString());
            assertFalse(metrics.fallbackToSync(), metrics.toString());
            assertTrue(metrics.errors() >= 2 && metrics.restarts() >= 2, "failed writes, each followed by a reopen: " +
                metrics);
            final List<String> errors = status.about("filling", Level.ERROR);
            assertTrue(errors.stream().allMatch((e) -> e.contains("writing failed")), errors.toString());
            assertTrue(errors.size() >= 2, errors.toString());
        }
    }

    private static Threads log(final Logger logger, final int from, final int to)
    {
        return Threads.start("app", THREADS, (id) ->
        {
            for (int i = from; i < to; i++)
            {
                logger.info(NumberedLines.message(id, i));
            }
        });
    }
}
