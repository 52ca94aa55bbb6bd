package io.github.unifiedwriter.reliability;

import io.github.unifiedwriter.log4j2.TestConfigs;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.github.unifiedwriter.core.RingMemory;
import io.github.unifiedwriter.core.UnifiedWriter;
import io.github.unifiedwriter.core.WriterMetrics;
import io.github.unifiedwriter.log4j2.ManagerInternals;
import io.github.unifiedwriter.log4j2.UnifiedWriterAppender;
import io.github.unifiedwriter.log4j2.UnifiedWriterManager;
import io.github.unifiedwriter.testing.NumberedLines;
import io.github.unifiedwriter.testing.Threads;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.core.Layout;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.impl.Log4jLogEvent;
import org.apache.logging.log4j.message.SimpleMessage;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Records that are not the usual short line: empty, 4 MiB, several lines in one, multi-byte and malformed
 * text, sizes right at the write buffer's edge, and a trickle of lone events before a burst. Each reaches the
 * file byte for byte as the layout encoded it, and a huge one leaves the ring no larger than before.
 */
class OddRecordsTest
{
    private static final String PATTERN = "%-5level [%t] %c - %m%n";
    private static final int BUFFER = 4096;
    private static final int TRICKLE = Integer.getInteger("uw.trickle.seconds", 3);

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0} writer")
    @ValueSource(strings = {"block", "line", "mmap"})
    void eachOddRecordIsWrittenExactlyAsTheLayoutEncodedItAndTheRingShrinksBack(final String type)
        throws IOException
    {
        final Path file = dir.resolve(type + ".log");
        final LoggerContext context = TestConfigs.start(dir, TestConfigs.config(Configs.writer("odd", file.toString(),
            "writerType=\"" + type + "\" bufferSize=\"" + BUFFER + "\" regionSize=\"64KB\" ringSize=\"256\"",
            PATTERN), "odd"));
        final UnifiedWriterAppender appender = TestConfigs.appender(context, "odd");
        final UnifiedWriterManager manager = appender.getManager();
        final Logger logger = context.getLogger("odd");
        final ByteArrayOutputStream expected = new ByteArrayOutputStream();
        final List<String> messages = oddMessages(appender.getLayout());

        for (int i = 0; i < messages.size(); i++)
        {
            final Level level = i % 3 == 0 ? Level.ERROR : Level.INFO;
            logger.log(level, messages.get(i));
            expected.writeBytes(encoded(appender.getLayout(), level, messages.get(i)));
        }
        assertTrue(manager.flush(Duration.ofSeconds(30)));
        final UnifiedWriter writer = ManagerInternals.writer(manager);
        assertTrue(RingMemory.retained(writer) <= RingMemory.bound(writer), "the ring holds " +
            RingMemory.retained(writer) + " bytes after the huge records, bound " + RingMemory.bound(writer));
        for (int i = 0; i < 1000; i++)
        {
            logger.info("after {}", i);
            expected.writeBytes(encoded(appender.getLayout(), Level.INFO, "after " + i));
        }
        context.stop();

        assertArrayEquals(expected.toByteArray(), Files.readAllBytes(file), "byte for byte as encoded");
        final WriterMetrics metrics = manager.metrics();
        assertEquals(messages.size() + 1000, metrics.written(), metrics.toString());
        assertEquals(expected.size(), metrics.bytesWritten(), metrics.toString());
    }

    /**
     * One event a second, each reaching the file on its own without a follow-up to push it, then a burst from
     * four threads.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"mode=\"trigger\"", "mode=\"loop\" tick=\"10ms\" flushInterval=\"100ms\""})
    void aTrickleOfLoneEventsThenABurstIsWrittenAsEncoded(final String mode) throws IOException
    {
        final Path file = dir.resolve("trickle.log");
        final LoggerContext context = TestConfigs.start(dir, TestConfigs.config(Configs.writer("trickle", file,
            mode + " ringSize=\"256\""), "trickle"));
        final UnifiedWriterAppender appender = TestConfigs.appender(context, "trickle");
        final Logger logger = context.getLogger("trickle");
        final ByteArrayOutputStream expected = new ByteArrayOutputStream();
        for (int i = 0; i < TRICKLE; i++)
        {
            Threads.sleep(1000);
            final String message = NumberedLines.message(9, i);
            logger.info(message);
            expected.writeBytes(encoded(appender.getLayout(), Level.INFO, message));
            final byte[] written = expected.toByteArray();
            Threads.await(() -> startsWith(read(file), written), "the lone event " + i + " reaches the file");
        }
        final int threads = 4;
        final int burst = 10_000;
        Threads.start("burst", threads, (id) ->
        {
            for (int i = 0; i < burst; i++)
            {
                logger.info(NumberedLines.message(id, i));
            }
        }).join(60);
        context.stop();

        final byte[] content = Files.readAllBytes(file);
        final byte[] trickle = expected.toByteArray();
        assertArrayEquals(trickle, Arrays.copyOf(content, trickle.length), "the trickle, as encoded");
        final long[] next = new long[threads];
        NumberedLines.visit(content, trickle.length, (thread, seq, tag) ->
        {
            assertEquals(next[thread]++, seq, "t" + thread + " in order, once");
            assertTrue(NumberedLines.wholeTag(seq, tag), "a whole line");
        }, mode);
        for (int t = 0; t < threads; t++)
        {
            assertEquals(burst, next[t], "the whole burst of t" + t);
        }
        assertEquals(TRICKLE + threads * burst, appender.getManager().metrics().written());
    }

    /** Empty, huge, multi-line, multi-byte, malformed, and sized to the byte around the write buffer. */
    private static List<String> oddMessages(final Layout<?> layout)
    {
        final List<String> messages = new ArrayList<>();
        messages.add("");
        messages.add("first line\nsecond line\r\n\tthird line\n");
        messages.add("\n");
        messages.add("naïve café — 日本語のログ — 😀🎉 — ±∞ — ελληνικά");
        messages.add("a lone surrogate \uD800 and a reversed pair \uDC00\uD800");
        final StringBuilder huge = new StringBuilder(4 * 1024 * 1024);
        while (huge.length() < 4 * 1024 * 1024)
        {
            huge.append("4 MiB of text, with € and 😀 and a newline now and then\n");
        }
        messages.add(huge.toString());
        messages.add("x".repeat(4 * 1024 * 1024));
        final int frame = encoded(layout, Level.INFO, "").length;
        for (int size = BUFFER - 2; size <= BUFFER + 2; size++)
        {
            messages.add("b".repeat(size - frame));
            messages.add("small after " + size);
        }
        messages.add("");
        return messages;
    }

    private static byte[] encoded(final Layout<?> layout, final Level level, final String message)
    {
        return layout.toByteArray(Log4jLogEvent.newBuilder().setLoggerName("odd")
            .setLevel(level).setMessage(new SimpleMessage(message)).setThreadName(Thread.currentThread().getName())
            .build());
    }

    private static byte[] read(final Path file)
    {
        try
        {
            return Files.exists(file) ? Files.readAllBytes(file) : new byte[0];
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    private static boolean startsWith(final byte[] content, final byte[] prefix)
    {
        return content.length >= prefix.length && Arrays.equals(content, 0, prefix.length, prefix, 0, prefix.length);
    }
}
