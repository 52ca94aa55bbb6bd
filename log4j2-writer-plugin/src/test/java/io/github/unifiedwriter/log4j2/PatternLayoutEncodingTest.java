package io.github.unifiedwriter.log4j2;

import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.impl.Log4jLogEvent;
import org.apache.logging.log4j.core.layout.HtmlLayout;
import org.apache.logging.log4j.core.layout.PatternLayout;
import org.apache.logging.log4j.core.util.Constants;
import org.apache.logging.log4j.message.SimpleMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The fast PatternLayout encoding on the inputs where an encoder can go wrong, and where it steps aside. */
class PatternLayoutEncodingTest
{
    private static final int CHUNK = Constants.ENCODER_CHAR_BUFFER_SIZE;
    private static final String SMILE = "\ud83d\ude00";

    @ParameterizedTest
    @ValueSource(strings = {"UTF-8", "ISO-8859-1", "US-ASCII"})
    void encodesSurrogatesAsLog4j2Does(final String charset)
    {
        final PatternLayout layout = layout("%m%n", Charset.forName(charset));
        for (final String text : new String[] {SMILE, "a\ud83d", "\ud83da", "\ude00b", "\ude00\ud83d", "é€" + SMILE,
            "\ud83d\ud83d\ude00", "\ud83d"})
        {
            assertSame(layout, text);
        }
    }

    /**
     * Log4j2 encodes text longer than its char buffer in chunks and drops a high surrogate that ends a chunk:
     * the fast path writes the same bytes, which differ from {@code toByteArray} there.
     */
    @ParameterizedTest
    @ValueSource(strings = {"UTF-8", "ISO-8859-1", "US-ASCII"})
    void dropsAHighSurrogateThatEndsALog4j2Chunk(final String charset)
    {
        final PatternLayout layout = layout("%m%n", Charset.forName(charset));
        for (final String text : new String[] {"x".repeat(CHUNK - 1) + SMILE + "y", "x".repeat(CHUNK - 1) + "\ud83dz",
            "x".repeat(2 * CHUNK - 1) + SMILE, "x".repeat(CHUNK - 1) + SMILE})
        {
            assertSame(layout, text);
        }
        final LogEvent split = event("x".repeat(CHUNK - 1) + "\ud83dz");
        assertTrue(highSurrogateEndsAChunk(layout.toSerializable(split)));
        assertNotEquals(new String(layout.toByteArray(split), Charset.forName(charset)),
            new String(viaLayout(layout, split), Charset.forName(charset)), "Log4j2's encoder still drops it");
    }

    @ParameterizedTest
    @ValueSource(strings = {"UTF-8", "ISO-8859-1", "US-ASCII", "UTF-16"})
    void encodesMultiByteTextLongerThanLog4j2sBuffers(final String charset)
    {
        final PatternLayout layout = layout("%m%n", Charset.forName(charset));
        assertSame(layout, "\u20ac".repeat(5000));
        assertSame(layout, "ab\u00e9".repeat(4000) + SMILE.repeat(3000));
    }

    @Test
    void encodesAThrowableOverManyLines()
    {
        final PatternLayout layout = layout("%d{yyyy-MM-dd HH:mm:ss.SSS} %-5level [%t] %c{1} - %m%throwable%n",
            StandardCharsets.UTF_8);
        final LogEvent event = Log4jLogEvent.newBuilder().setLevel(Level.ERROR).setLoggerName("io.example.Thrower")
            .setThreadName("tråd").setMessage(new SimpleMessage("failed: ñ"))
            .setThrown(new IllegalStateException("outer ü", new RuntimeException("inner " + SMILE))).build();
        final byte[] fast = viaEncoder(layout, event);
        assertTrue(new String(fast, StandardCharsets.UTF_8).lines().count() > 5);
        assertArrayEquals(viaLayout(layout, event), fast);
    }

    @Test
    void encodesAHugeRecordAndLetsItsMemoryGo()
    {
        final PatternLayout layout = layout("%m%n", StandardCharsets.UTF_8);
        final String huge = "é".repeat(1024 * 1024) + SMILE + "x".repeat(3 * 1024 * 1024);
        final Encoder.Buffer buffer = new Encoder.Buffer();
        assertTrue(buffer.encodePattern(layout, event(huge)));
        final ByteBuffer record = buffer.record();
        final byte[] bytes = new byte[record.remaining()];
        record.get(bytes);
        assertArrayEquals(viaLayout(layout, event(huge)), bytes);

        buffer.reset();
        assertEquals(Encoder.Buffer.INITIAL, buffer.capacity(), "the record's bytes are not kept");
        assertTrue(buffer.retainedChars() <= Encoder.Buffer.RETAINED_MAX, buffer.retainedChars() + " chars kept");
    }

    @Test
    void keepsAModerateBuilderForTheNextEvent()
    {
        final PatternLayout layout = layout("%m%n", StandardCharsets.UTF_8);
        final Encoder.Buffer buffer = new Encoder.Buffer();
        buffer.encodePattern(layout, event("y".repeat(Encoder.Buffer.RETAINED_MAX / 2)));
        final int grown = buffer.retainedChars();
        buffer.reset();
        assertTrue(buffer.encodePattern(layout, event("short")));
        assertEquals(6, buffer.record().remaining());
        assertEquals(grown, buffer.retainedChars());
    }

    @Test
    void leavesOtherCharsetsAndLayoutsToTheLayout()
    {
        final Encoder.Buffer buffer = new Encoder.Buffer();
        assertFalse(buffer.encodePattern(layout("%m%n", StandardCharsets.UTF_16), event("a")));
        assertFalse(buffer.encodePattern(layout("%m%n", Charset.forName("windows-1252")), event("a")));
        assertEquals(0, buffer.getByteBuffer().position(), "nothing written");
        assertEquals(0, buffer.retainedChars(), "no chars kept for a charset encoded by the layout");

        final HtmlLayout html = HtmlLayout.createDefaultLayout();
        final LogEvent event = event("a");
        buffer.encode(html, event);
        assertEquals(0, buffer.retainedChars(), "nor for another layout");
        assertArrayEquals(html.toByteArray(event), bytes(buffer.record()));

        final PatternLayout utf16 = layout("%m%n", StandardCharsets.UTF_16);
        assertArrayEquals(viaLayout(utf16, event("a" + SMILE)), viaEncoder(utf16, event("a" + SMILE)));
    }

    private static void assertSame(final PatternLayout layout, final String text)
    {
        final LogEvent event = event(text);
        assertArrayEquals(viaLayout(layout, event), viaEncoder(layout, event),
            () -> layout.getCharset() + ": " + text.length() + " chars");
    }

    /** What the appender wrote before the fast path: {@code PatternLayout.encode} into the thread's buffer. */
    static byte[] viaLayout(final PatternLayout layout, final LogEvent event)
    {
        final Encoder.Buffer buffer = new Encoder.Buffer();
        layout.encode(event, buffer);
        return bytes(buffer.record());
    }

    /** What the appender writes now. */
    private static byte[] viaEncoder(final PatternLayout layout, final LogEvent event)
    {
        final Encoder.Buffer buffer = new Encoder.Buffer();
        buffer.encode(layout, event);
        return bytes(buffer.record());
    }

    /** Whether Log4j2's chunked encoder drops a high surrogate of this text. */
    static boolean highSurrogateEndsAChunk(final String text)
    {
        for (int end = CHUNK; end < text.length(); end += CHUNK)
        {
            if (Character.isHighSurrogate(text.charAt(end - 1)))
            {
                return true;
            }
        }
        return false;
    }

    private static PatternLayout layout(final String pattern, final Charset charset)
    {
        return PatternLayout.newBuilder().setPattern(pattern).setCharset(charset).build();
    }

    private static LogEvent event(final String message)
    {
        return Log4jLogEvent.newBuilder().setLevel(Level.INFO).setLoggerName("io.example.Encode")
            .setThreadName("producer-0").setMessage(new SimpleMessage(message)).build();
    }

    private static byte[] bytes(final ByteBuffer record)
    {
        final byte[] out = new byte[record.remaining()];
        record.get(out);
        return out;
    }
}
