package io.github.unifiedwriter.log4j2;

import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.impl.Log4jLogEvent;
import org.apache.logging.log4j.core.layout.PatternLayout;
import org.apache.logging.log4j.core.util.Constants;
import org.apache.logging.log4j.message.SimpleMessage;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

/**
 * For any text, the fast PatternLayout encoding writes exactly the bytes {@code PatternLayout.encode} writes,
 * in UTF-8, ISO-8859-1 and US-ASCII, and those of {@code toByteArray} wherever Log4j2's chunked encoder does not
 * drop a high surrogate. Random cases from fixed seeds: a failure names its seed, and reruns the same.
 */
class PatternLayoutEncodingPropertyTest
{
    private static final List<String> PATTERNS = List.of("%m%n", "%m",
        "%d{yyyy-MM-dd HH:mm:ss.SSS} %-5level [%t] %c{1} - %m%n", "[%t] %-30.40c %m%throwable%n",
        "%m %replace{%m}{[a-z]}{ü}%n");
    private static final List<Charset> CHARSETS =
        List.of(StandardCharsets.UTF_8, StandardCharsets.ISO_8859_1, StandardCharsets.US_ASCII);
    private static final int CHUNK = Constants.ENCODER_CHAR_BUFFER_SIZE;

    /** One reused buffer, as on a producer thread: every record starts from what the last one left. */
    private final Encoder.Buffer reused = new Encoder.Buffer();

    @Test
    void writesTheBytesLog4j2WritesForRandomText()
    {
        for (int seed = 0; seed < 1000; seed++)
        {
            final Random random = new Random(seed);
            check(seed, text(random), PATTERNS.get(random.nextInt(PATTERNS.size())),
                CHARSETS.get(random.nextInt(CHARSETS.size())), random.nextBoolean());
        }
    }

    /** Surrogates and other chars right at Log4j2's chunk ends, where its encoder drops a high surrogate. */
    @Test
    void writesTheBytesLog4j2WritesAtChunkEnds()
    {
        for (int seed = 0; seed < 500; seed++)
        {
            final Random random = new Random(seed);
            final StringBuilder text = new StringBuilder("y".repeat((1 + random.nextInt(2)) * CHUNK - 2 + random.nextInt(4)));
            for (int parts = random.nextInt(7); parts > 0; parts--)
            {
                final int kind = random.nextInt(6);
                text.append(kind < 3 ? Character.toString(between(random, 0x10000, 0x10FFFF)) :
                    kind < 5 ? String.valueOf((char)between(random, 0xD800, 0xDFFF)) : chars(random, 0, 0xFFFF, 3));
            }
            check(seed, text.toString(), "%m%n", CHARSETS.get(random.nextInt(CHARSETS.size())), random.nextBoolean());
        }
    }

    private void check(final int seed, final String text, final String pattern, final Charset charset,
        final boolean thrown)
    {
        final PatternLayout layout = PatternLayout.newBuilder().setPattern(pattern).setCharset(charset).build();
        final LogEvent event = event(text, thrown);

        final byte[] log4j = PatternLayoutEncodingTest.viaLayout(layout, event);
        reused.encode(layout, event);
        final byte[] fast = bytes(reused.record());
        reused.reset();

        assertArrayEquals(log4j, fast, () -> "seed " + seed + ", pattern " + pattern + " in " + charset);
        if (!PatternLayoutEncodingTest.highSurrogateEndsAChunk(layout.toSerializable(event)))
        {
            assertArrayEquals(layout.toByteArray(event), fast, () -> "seed " + seed);
        }
    }

    /** Text mixing every kind of char an encoder treats apart, short and across Log4j2's chunk size. */
    private static String text(final Random random)
    {
        final StringBuilder text = new StringBuilder();
        for (int parts = random.nextInt(61); parts > 0; parts--)
        {
            final int kind = random.nextInt(57);
            if (kind < 30)
            {
                text.append(chars(random, 0x20, 0x7E, 40));
            }
            else if (kind < 35)
            {
                text.append(chars(random, 0x80, 0xFF, 8));
            }
            else if (kind < 40)
            {
                text.append(chars(random, 0x100, 0xD7FF, 8));
            }
            else if (kind < 43)
            {
                text.append(chars(random, 0xE000, 0xFFFF, 4));
            }
            else if (kind < 48)
            {
                text.append(Character.toString(between(random, 0x10000, 0x10FFFF)));
            }
            else if (kind < 51)
            {
                text.append((char)between(random, 0xD800, 0xDFFF));
            }
            else if (kind < 54)
            {
                text.append(List.of("\n", "\r\n", "\t", "\u0000").get(random.nextInt(4)));
            }
            else if (kind < 55)
            {
                text.append("x".repeat(between(random, 1, 3 * CHUNK)));
            }
            else
            {
                text.append("y".repeat(CHUNK - 2 + random.nextInt(4)));
            }
        }
        return text.toString();
    }

    /** Up to {@code max} chars from {@code low} to {@code high}. */
    private static String chars(final Random random, final int low, final int high, final int max)
    {
        final StringBuilder chars = new StringBuilder();
        for (int n = random.nextInt(max + 1); n > 0; n--)
        {
            chars.append((char)between(random, low, high));
        }
        return chars.toString();
    }

    private static int between(final Random random, final int low, final int high)
    {
        return low + random.nextInt(high - low + 1);
    }

    private static LogEvent event(final String message, final boolean thrown)
    {
        return Log4jLogEvent.newBuilder().setLevel(Level.WARN).setLoggerName("io.example.Property")
            .setThreadName("producer-é-\ud83d\ude00").setTimeMillis(1_700_000_000_123L)
            .setMessage(new SimpleMessage(message))
            .setThrown(thrown ? new IllegalStateException("bad: " + message) : null).build();
    }

    private static byte[] bytes(final ByteBuffer record)
    {
        final byte[] out = new byte[record.remaining()];
        record.get(out);
        return out;
    }
}
