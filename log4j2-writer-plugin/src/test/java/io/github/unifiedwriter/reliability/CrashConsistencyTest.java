package io.github.unifiedwriter.reliability;

import io.github.unifiedwriter.log4j2.TestConfigs;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;

import io.github.unifiedwriter.core.WriterMetrics;
import io.github.unifiedwriter.log4j2.UnifiedWriterAppender;
import io.github.unifiedwriter.testing.NumberedLines;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.core.LoggerContext;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A crash leaves only whole lines behind, and logging resumes right after the last of them: whatever the
 * writer type, and whether the tail was torn by a cut-short write, left as zeros by a mapped region, or both.
 */
class CrashConsistencyTest
{
    private static final int RUNS = 5;
    private static final int APPENDED = 100;
    private static final int RESTART_THREAD = 9;
    private static final String[] TYPES = {"block", "line", "mmap"};

    @TempDir
    Path dir;

    /** Files made by hand the way a crash leaves them, opened through the plugin in append mode. */
    @ParameterizedTest(name = "{0} writer, {1}")
    @CsvSource({
        "block, torn record", "block, zero tail", "block, torn record and zero tail",
        "line, torn record", "line, zero tail", "line, torn record and zero tail",
        "mmap, torn record", "mmap, zero tail", "mmap, torn record and zero tail"})
    void appendingAfterACrashCutsTheTornTailAndContinuesRightAfterTheLastWholeLine(
        final String type, final String tail) throws Exception
    {
        final byte[] whole = lines(0, 0, 50);
        final ByteArrayOutputStream crashed = new ByteArrayOutputStream();
        crashed.writeBytes(whole);
        if (tail.contains("torn"))
        {
            final byte[] next = NumberedLines.message(0, 50).getBytes(StandardCharsets.UTF_8);
            crashed.write(next, 0, next.length / 2);
        }
        if (tail.contains("zero"))
        {
            crashed.writeBytes(new byte[70_000]);
        }
        final Path file = dir.resolve(type + "-" + tail.replace(' ', '-') + ".log");
        Files.write(file, crashed.toByteArray());

        appendThroughThePlugin(file, type);

        final ByteArrayOutputStream expected = new ByteArrayOutputStream();
        expected.writeBytes(whole);
        expected.writeBytes(lines(RESTART_THREAD, 0, APPENDED));
        assertArrayEquals(expected.toByteArray(), Files.readAllBytes(file), "the whole old lines, then the new ones");
    }

    /**
     * A child JVM logs from four threads through Log4j2 and is killed with SIGKILL at a random moment; the file
     * is then opened again in append mode and more lines are logged.
     */
    @ParameterizedTest(name = "{0} writer")
    @ValueSource(strings = {"block", "line", "mmap"})
    void aKilledProcessLeavesEachThreadsLinesAsAGapFreePrefixAndAppendingContinuesAfterThem(final String type)
        throws Exception
    {
        final long seed = Long.getLong("uw.crash.seed", System.nanoTime());
        final Random random = new Random(seed);
        System.out.println("crash " + type + ": seed " + seed + " (repeat with -Duw.crash.seed=" + seed + ")");
        for (int run = 0; run < RUNS; run++)
        {
            final Path file = dir.resolve(type + "-" + run + ".log");
            final String context = type + " run " + run + " seed " + seed;
            final Path config = Configs.write(dir, TestConfigs.config(Configs.writer("child", file,
                "writerType=\"" + type + "\" regionSize=\"64KB\""), "child"));
            final long delay = random.nextInt(300);
            try (LoggingChildJvm child = LoggingChildJvm.start(config, "until-killed"))
            {
                child.awaitLine("ready");
                Thread.sleep(delay);
                child.kill();
            }
            final long[] survived = survivors(Files.readAllBytes(file), context);

            appendThroughThePlugin(file, type);

            final byte[] content = Files.readAllBytes(file);
            final long[] after = new long[LoggingChild.THREADS];
            final long[] appended = new long[1];
            NumberedLines.visit(content, 0, (thread, seq, tag) ->
            {
                assertTrue(NumberedLines.wholeTag(seq, tag), "a whole line: t" + thread + " " + seq + " " + tag);
                if (thread == RESTART_THREAD)
                {
                    assertEquals(appended[0]++, seq, "the new lines, in order: " + context);
                    return;
                }
                assertEquals(0, appended[0], "an old line after a new one: " + context);
                assertEquals(after[thread]++, seq, "t" + thread + " without a gap: " + context);
            }, context);
            assertEquals(APPENDED, appended[0], context);
            long total = 0;
            for (int t = 0; t < LoggingChild.THREADS; t++)
            {
                assertEquals(survived[t], after[t], "t" + t + ": the whole lines the kill left, no more, no less: " +
                    context);
                total += after[t];
            }
            assertTrue(total >= LoggingChild.READY_AFTER, "what the writer wrote before the kill survives it: " +
                total + " lines, " + context);
            System.out.println("crash " + type + " run " + run + ": killed " + delay + " ms after ready, " +
                total + " whole lines kept of " + Arrays.toString(after));
        }
    }

    /** Per thread, the number of whole lines at the start of the file the kill left, before anything trims it. */
    private static long[] survivors(final byte[] content, final String context)
    {
        final long[] whole = new long[LoggingChild.THREADS];
        int at = 0;
        while (at < content.length)
        {
            final int end = indexOf(content, at, (byte)'\n');
            if (end < 0)
            {
                break;
            }
            final String line = new String(content, at, end - at, StandardCharsets.UTF_8);
            final String[] parts = line.split(" ", 3);
            if (parts.length < 3 || !line.startsWith("t"))
            {
                break;
            }
            final int thread = Integer.parseInt(parts[0].substring(1));
            assertEquals(whole[thread]++, Long.parseLong(parts[1]), "t" + thread + " without a gap: " + context);
            at = end + 1;
        }
        return whole;
    }

    private static int indexOf(final byte[] content, final int from, final byte b)
    {
        for (int i = from; i < content.length; i++)
        {
            if (content[i] == b)
            {
                return i;
            }
        }
        return -1;
    }

    /** Opens the file as a restarted application would, in append mode, and logs the new lines. */
    private void appendThroughThePlugin(final Path file, final String type)
    {
        final LoggerContext context = TestConfigs.start(dir, TestConfigs.config(Configs.writer("restart", file,
            "writerType=\"" + type + "\" regionSize=\"64KB\" append=\"true\""), "restart"));
        final UnifiedWriterAppender appender = TestConfigs.appender(context, "restart");
        final Logger logger = context.getLogger("restart");
        for (int i = 0; i < APPENDED; i++)
        {
            logger.info(NumberedLines.message(RESTART_THREAD, i));
        }
        context.stop();
        final WriterMetrics metrics = appender.getManager().metrics();
        assertEquals(APPENDED, metrics.written(), metrics.toString());
    }

    private static byte[] lines(final int thread, final int from, final int to)
    {
        final StringBuilder text = new StringBuilder();
        for (int i = from; i < to; i++)
        {
            text.append(NumberedLines.message(thread, i)).append('\n');
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }
}
