package io.github.unifiedwriter.log4j2;

import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.impl.Log4jLogEvent;
import org.apache.logging.log4j.core.layout.PatternLayout;
import org.apache.logging.log4j.core.util.Constants;
import org.apache.logging.log4j.message.SimpleMessage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

/**
 * For any text, the fast PatternLayout encoding writes exactly the bytes {@code PatternLayout.encode} writes,
 * in UTF-8, ISO-8859-1 and US-ASCII, and those of {@code toByteArray} wherever Log4j2's chunked encoder does not
 * drop a high surrogate.
 */
class PatternEncoderPropertyTest
{
    private static final List<String> PATTERNS = List.of("%m%n", "%m",
        "%d{yyyy-MM-dd HH:mm:ss.SSS} %-5level [%t] %c{1} - %m%n", "[%t] %-30.40c %m%throwable%n",
        "%m %replace{%m}{[a-z]}{ü}%n");

    /** One reused buffer, as on a producer thread: every record starts from what the last one left. */
    private final EncodeBuffer reused = new EncodeBuffer();

    @Property(tries = 1000)
    void writesTheBytesLog4j2Writes(@ForAll("events") final Tuple.Tuple4<String, String, Charset, Boolean> input)
    {
        final PatternLayout layout = PatternLayout.newBuilder().setPattern(input.get2()).setCharset(input.get3())
            .build();
        final LogEvent event = event(input.get1(), input.get4());

        final byte[] log4j = PatternEncoderTest.viaLayout(layout, event);
        reused.encode(layout, event);
        final byte[] fast = bytes(reused.record());
        reused.reset();

        assertArrayEquals(log4j, fast, () -> "pattern " + input.get2() + " in " + input.get3());
        if (!PatternEncoderTest.highSurrogateEndsAChunk(layout.toSerializable(event)))
        {
            assertArrayEquals(layout.toByteArray(event), fast);
        }
    }

    /** Surrogates and other chars right at Log4j2's chunk ends, where its encoder drops a high surrogate. */
    @Property(tries = 500)
    void writesTheBytesLog4j2WritesAtChunkEnds(@ForAll("chunkEnds") final Tuple.Tuple3<String, Charset, Boolean> input)
    {
        writesTheBytesLog4j2Writes(Tuple.of(input.get1(), "%m%n", input.get2(), input.get3()));
    }

    @Provide
    Arbitrary<Tuple.Tuple3<String, Charset, Boolean>> chunkEnds()
    {
        final Arbitrary<String> tail = Arbitraries.frequencyOf(
            Tuple.of(3, Arbitraries.integers().between(0x10000, 0x10FFFF).map(Character::toString)),
            Tuple.of(2, Arbitraries.chars().range('\ud800', '\udfff').map(String::valueOf)),
            Tuple.of(1, Arbitraries.strings().withCharRange('\u0000', '\uffff').ofMaxLength(3))).list().ofMaxSize(6)
            .map((parts) -> String.join("", parts));
        final Arbitrary<String> text = Combinators.combine(Arbitraries.integers().between(1, 2),
            Arbitraries.integers().between(-2, 1), tail)
            .as((chunks, offset, end) -> "y".repeat(chunks * Constants.ENCODER_CHAR_BUFFER_SIZE + offset) + end);
        return Combinators.combine(text, Arbitraries.of(StandardCharsets.UTF_8, StandardCharsets.ISO_8859_1,
            StandardCharsets.US_ASCII), Arbitraries.of(true, false)).as(Tuple::of);
    }

    @Provide
    Arbitrary<Tuple.Tuple4<String, String, Charset, Boolean>> events()
    {
        final Arbitrary<Charset> charsets =
            Arbitraries.of(StandardCharsets.UTF_8, StandardCharsets.ISO_8859_1, StandardCharsets.US_ASCII);
        return Combinators.combine(texts(), Arbitraries.of(PATTERNS), charsets, Arbitraries.of(true, false))
            .as(Tuple::of);
    }

    /** Text mixing every kind of char an encoder treats apart, short and across Log4j2's chunk size. */
    private static Arbitrary<String> texts()
    {
        final Arbitrary<String> piece = Arbitraries.frequencyOf(
            Tuple.of(30, Arbitraries.strings().ascii().ofMaxLength(40)),
            Tuple.of(5, Arbitraries.strings().withCharRange('\u0080', '\u00ff').ofMaxLength(8)),
            Tuple.of(5, Arbitraries.strings().withCharRange('\u0100', '\ud7ff').ofMaxLength(8)),
            Tuple.of(3, Arbitraries.strings().withCharRange('\ue000', '\uffff').ofMaxLength(4)),
            Tuple.of(5, Arbitraries.integers().between(0x10000, 0x10FFFF).map(Character::toString)),
            Tuple.of(3, Arbitraries.chars().range('\ud800', '\udfff').map(String::valueOf)),
            Tuple.of(3, Arbitraries.of("\n", "\r\n", "\t", "\u0000")),
            Tuple.of(1, Arbitraries.integers().between(1, 3 * Constants.ENCODER_CHAR_BUFFER_SIZE).map("x"::repeat)),
            Tuple.of(2, Arbitraries.integers().between(-2, 1).map((d) -> "y".repeat(Constants.ENCODER_CHAR_BUFFER_SIZE + d))));
        return piece.list().ofMaxSize(60).map((parts) -> String.join("", parts));
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
