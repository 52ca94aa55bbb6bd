package io.github.unifiedwriter.log4j2;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.impl.Log4jLogEvent;
import org.apache.logging.log4j.core.layout.PatternLayout;
import org.apache.logging.log4j.message.SimpleMessage;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The per-thread encode buffer grows to the largest event and gives the memory back after a huge one. */
class EncoderBufferTest
{
    private final PatternLayout layout = PatternLayout.newBuilder().setPattern("%m%n").build();

    @Test
    void holdsAWholeEventOfAnySize()
    {
        final Encoder.Buffer buffer = new Encoder.Buffer();
        final String huge = "x".repeat(4 * 1024 * 1024) + "é";
        layout.encode(event(huge), buffer);
        final ByteBuffer record = buffer.record();
        final byte[] bytes = new byte[record.remaining()];
        record.get(bytes);
        assertEquals(huge + "\n", new String(bytes, StandardCharsets.UTF_8));

        buffer.reset();
        assertEquals(Encoder.Buffer.INITIAL, buffer.capacity(), "a huge event's memory is not kept");
    }

    @Test
    void keepsAModerateBuffer()
    {
        final Encoder.Buffer buffer = new Encoder.Buffer();
        layout.encode(event("y".repeat(Encoder.Buffer.RETAINED_MAX / 2)), buffer);
        buffer.record();
        final int grown = buffer.capacity();
        buffer.reset();
        assertEquals(grown, buffer.capacity(), "reused for the next event");
        layout.encode(event("short"), buffer);
        assertEquals(6, buffer.record().remaining());
    }

    @Test
    void takesBytesWrittenDirectly()
    {
        final Encoder.Buffer buffer = new Encoder.Buffer();
        final byte[] chunk = new byte[Encoder.Buffer.INITIAL + 1];
        buffer.writeBytes(chunk, 0, chunk.length);
        buffer.writeBytes(ByteBuffer.wrap(chunk));
        assertEquals(2 * chunk.length, buffer.record().remaining());
    }

    /**
     * Log4j2's chunked encoder drains when a char of several bytes does not fit, with bytes still left: the buffer
     * must grow then, or the encoder asks again forever.
     */
    @Test
    void drainMakesRoomWhenAFewBytesAreLeft()
    {
        final Encoder.Buffer buffer = new Encoder.Buffer();
        buffer.writeBytes(new byte[Encoder.Buffer.INITIAL - 2], 0, Encoder.Buffer.INITIAL - 2);
        final ByteBuffer drained = buffer.drain(buffer.getByteBuffer());
        assertTrue(drained.remaining() > 2, drained.remaining() + " bytes of room");
        assertEquals(Encoder.Buffer.INITIAL - 2, drained.position(), "nothing lost");
    }

    @Test
    void holdsAMultiByteTextLongerThanLog4j2sBuffers()
    {
        final Encoder.Buffer buffer = new Encoder.Buffer();
        final String euros = "\u20ac".repeat(5000);
        layout.encode(event(euros), buffer);
        final ByteBuffer record = buffer.record();
        final byte[] bytes = new byte[record.remaining()];
        record.get(bytes);
        assertEquals(euros + "\n", new String(bytes, StandardCharsets.UTF_8));
    }

    @Test
    void onlyAThreadsOwnBufferKeepsCharsAndOnlyForAPatternLayout()
    {
        final Encoder.Buffer own = new Encoder.Buffer();
        own.encode(org.apache.logging.log4j.core.layout.HtmlLayout.createDefaultLayout(), event("html"));
        assertEquals(0, own.retainedChars(), "another layout needs none");
        own.reset();
        own.encode(layout, event("pattern"));
        assertTrue(own.retainedChars() > 0, "a thread's own buffer keeps them for its PatternLayout");

        final Encoder.Buffer nested = new Encoder.Buffer(false);
        nested.encode(layout, event("nested"));
        assertEquals(0, nested.retainedChars(), "a nested call's buffer, used once, keeps none");
        final ByteBuffer record = nested.record();
        final byte[] bytes = new byte[record.remaining()];
        record.get(bytes);
        assertEquals("nested\n", new String(bytes, StandardCharsets.UTF_8));
    }

    private static LogEvent event(final String message)
    {
        return Log4jLogEvent.newBuilder().setLevel(Level.INFO).setMessage(new SimpleMessage(message)).build();
    }
}
