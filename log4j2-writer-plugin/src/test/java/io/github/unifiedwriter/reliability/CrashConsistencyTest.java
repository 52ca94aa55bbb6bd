package io.github.unifiedwriter.reliability;

import io.github.unifiedwriter.log4j2.TestConfigs;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Random;

import io.github.unifiedwriter.core.WriterMetrics;
import io.github.unifiedwriter.log4j2.StatusCapture;
import io.github.unifiedwriter.log4j2.UnifiedWriterAppender;
import io.github.unifiedwriter.testing.NumberedLines;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.core.LoggerContext;
import org.junit.jupiter.api.Test;
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
 * The kill leaves the file's open marker behind, which is what lets the next open cut the tail.
 */
class CrashConsistencyTest
{
    private static final int APPENDED = 100;
    private static final int RESTART_THREAD = 9;
    private static final String[] TYPES = {"block", "line", "mmap"};

    @TempDir
    Path dir;

    /**
     * A child JVM is killed, and the tail it left is torn further by hand: half a line where its data ends (over
     * the mmap writer's zeros), then, for the channel writers, zeros after it. Opening the file through the plugin
     * in append mode cuts all of it, and nothing before.
     */
    @ParameterizedTest(name = "{0} writer")
    @ValueSource(strings = {"block", "line", "mmap"})
    void appendingAfterACrashCutsTheTornTailAndContinuesRightAfterTheLastWholeLine(final String type)
        throws Exception
    {
        final Path file = dir.resolve(type + "-torn.log");
        killChild(file, type, TestConfigs.PATTERN, 0);
        final byte[] killed = Files.readAllBytes(file);
        final int whole = lastNewline(killed) + 1;
        final byte[] torn = NumberedLines.message(0, 1_000_000_000L).getBytes(StandardCharsets.UTF_8);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE))
        {
            channel.write(ByteBuffer.wrap(torn, 0, torn.length / 2), whole);
            if (!"mmap".equals(type))
            {
                channel.write(ByteBuffer.allocate(70_000), whole + torn.length / 2);
            }
        }

        try (StatusCapture status = new StatusCapture())
        {
            appendThroughThePlugin(file, type, TestConfigs.PATTERN);
            assertTrue(status.warnings().stream().anyMatch((w) -> w.contains("was not closed cleanly; cut")),
                "the cut is reported: " + status.warnings());
        }

        final ByteArrayOutputStream expected = new ByteArrayOutputStream();
        expected.write(killed, 0, whole);
        expected.writeBytes(lines(RESTART_THREAD, 0, APPENDED));
        assertArrayEquals(expected.toByteArray(), Files.readAllBytes(file), "the whole old lines, then the new ones");
    }

    /**
     * With {@code %m%sn} the records end with the last digit of a sequence number, so no byte ends them all and a
     * torn record cannot be told from a whole one: the tail the kill left is kept byte for byte, and a WARN says so.
     */
    @Test
    void afterACrashALayoutWithoutADelimiterKeepsTheTailAsItIsAndWarns() throws Exception
    {
        final Path file = dir.resolve("no-delimiter.log");
        killChild(file, "block", "%m%sn", 0);
        final byte[] killed = Files.readAllBytes(file);

        try (StatusCapture status = new StatusCapture())
        {
            appendThroughThePlugin(file, "block", "%m%sn");
            assertTrue(status.warnings().stream().anyMatch((w) -> w.contains(file.toString()) &&
                w.contains("do not all end with the same byte") && w.contains("left as it is")),
                "the kept tail is reported: " + status.warnings());
        }

        final byte[] after = Files.readAllBytes(file);
        assertArrayEquals(killed, Arrays.copyOf(after, killed.length), "nothing the kill left is cut");
        final String appended = new String(after, killed.length, after.length - killed.length, StandardCharsets.UTF_8);
        assertTrue(appended.startsWith(NumberedLines.message(RESTART_THREAD, 0)), appended);
        assertEquals(APPENDED, appended.split("t" + RESTART_THREAD + " ", -1).length - 1, appended);
    }

    /**
     * A child JVM logs from four threads through Log4j2 and is killed with SIGKILL at a random moment; the file
     * is then opened again in append mode and more lines are logged. With {@code %m;} the records end with ';',
     * which the writer learns from them: the check reads each ';' as the end of a line.
     */
    @ParameterizedTest(name = "{0} writer, {1}")
    @CsvSource({"block, %m%n, 5", "line, %m%n, 5", "mmap, %m%n, 5", "block, %m;, 1", "line, %m;, 1", "mmap, %m;, 1"})
    void aKilledProcessLeavesEachThreadsLinesAsAGapFreePrefixAndAppendingContinuesAfterThem(final String type,
        final String pattern, final int runs) throws Exception
    {
        final long seed = Long.getLong("uw.crash.seed", System.nanoTime());
        final Random random = new Random(seed);
        System.out.println("crash " + type + " " + pattern + ": seed " + seed + " (repeat with -Duw.crash.seed=" +
            seed + ")");
        for (int run = 0; run < runs; run++)
        {
            final Path file = dir.resolve(type + "-" + run + ".log");
            final String context = type + " " + pattern + " run " + run + " seed " + seed;
            final long delay = random.nextInt(300);
            killChild(file, type, pattern, delay);
            final long[] survived = survivors(asLines(Files.readAllBytes(file), pattern), context);

            appendThroughThePlugin(file, type, pattern);

            final byte[] content = asLines(Files.readAllBytes(file), pattern);
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

    /** Starts a child JVM logging to {@code file} and kills it {@code delay} ms after it has written 1000 lines. */
    private void killChild(final Path file, final String type, final String pattern, final long delay)
        throws Exception
    {
        final Path config = Configs.write(dir, TestConfigs.config(Configs.writer("child", file.toString(),
            "writerType=\"" + type + "\"" + ("mmap".equals(type) ? " regionSize=\"64KB\"" : ""), pattern), "child"));
        try (LoggingChildJvm child = LoggingChildJvm.start(config, "until-killed"))
        {
            child.awaitLine("ready");
            Thread.sleep(delay);
            child.kill();
        }
    }

    /** The content with each ';' read as the end of a line, when the records end with ';'. */
    private static byte[] asLines(final byte[] content, final String pattern)
    {
        if (pattern.endsWith(";"))
        {
            for (int i = 0; i < content.length; i++)
            {
                if (content[i] == ';')
                {
                    content[i] = '\n';
                }
                else if (content[i] == '\n')
                {
                    content[i] = '?';
                }
            }
        }
        return content;
    }

    private static int lastNewline(final byte[] content)
    {
        for (int i = content.length - 1; i >= 0; i--)
        {
            if (content[i] == '\n')
            {
                return i;
            }
        }
        return -1;
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
    private void appendThroughThePlugin(final Path file, final String type, final String pattern)
    {
        final LoggerContext context = TestConfigs.start(dir, TestConfigs.config(Configs.writer("restart",
            file.toString(), "writerType=\"" + type + "\" append=\"true\"" +
            ("mmap".equals(type) ? " regionSize=\"64KB\"" : ""), pattern), "restart"));
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
