package io.github.unifiedwriter.log4j2;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import org.apache.logging.log4j.core.Layout;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.layout.PatternLayout;
import org.apache.logging.log4j.core.util.Constants;

/**
 * One producing thread's encoder for {@link PatternLayout} in UTF-8, ISO-8859-1 or US-ASCII: the layout
 * serializes the event into a reused {@code StringBuilder}, and the charset's encoder writes the bytes straight
 * into the thread's {@link Encoder.Buffer}. It skips what {@code PatternLayout.encode} adds around the same text: a
 * thread-local lookup for Log4j2's encoder state and a copy out of Log4j2's 8 KiB byte buffer.
 *
 * <p>The bytes are those {@code PatternLayout.encode} writes, for every input, because the encoding is Log4j2's
 * own: the same {@code CharsetEncoder} settings (an unmappable char or an unpaired surrogate becomes the
 * replacement, {@code '?'}), the same chunks of {@link Constants#ENCODER_CHAR_BUFFER_SIZE} chars, each encoded as
 * the last one only when it is. Log4j2 drops a high surrogate that ends a chunk before the last; so does this.
 * The three charsets are those whose bytes have been compared with Log4j2's; others take {@code Layout.encode}.
 *
 * <p>The builder is bounded like the encode buffer: a huge event's chars are let go once its bytes are out. Only
 * its own thread calls it.
 */
final class PatternEncoder
{
    private static final int CHUNK = Constants.ENCODER_CHAR_BUFFER_SIZE;

    private final CharBuffer chunk = CharBuffer.allocate(CHUNK);
    private StringBuilder text = new StringBuilder(Encoder.Buffer.INITIAL);
    private CharsetEncoder encoder;

    /**
     * Encodes the event into {@code buffer} if the layout is a PatternLayout in a charset this class encodes.
     *
     * @return false if it did nothing: the caller uses {@code layout.encode}
     */
    boolean encode(final Layout<?> layout, final LogEvent event, final Encoder.Buffer buffer)
    {
        if (!(layout instanceof PatternLayout))
        {
            return false;
        }
        final PatternLayout patterns = (PatternLayout)layout;
        final CharsetEncoder bytes = encoderFor(patterns.getCharset());
        if (bytes == null)
        {
            return false;
        }
        final StringBuilder chars = text;
        chars.setLength(0);
        patterns.serialize(event, chars);
        bytes.reset();
        final int length = chars.length();
        int start = 0;
        do
        {
            final int end = Math.min(length, start + CHUNK);
            chunk.clear();
            chars.getChars(start, end, chunk.array(), chunk.arrayOffset());
            chunk.limit(end - start);
            ByteBuffer out = buffer.room(end - start);
            while (bytes.encode(chunk, out, end == length).isOverflow())
            {
                out = buffer.room(3 * chunk.remaining() + 4);
            }
            start = end;
        }
        while (start < length);
        ByteBuffer out = buffer.room(0);
        while (bytes.flush(out).isOverflow())
        {
            out = buffer.room(out.remaining() + 8);
        }
        if (chars.capacity() > Encoder.Buffer.RETAINED_MAX)
        {
            text = new StringBuilder(Encoder.Buffer.INITIAL);
        }
        return true;
    }

    /** The chars the builder holds on to between events. */
    int retainedChars()
    {
        return text.capacity();
    }

    /** This thread's encoder for the charset, set up as Log4j2's, or null for a charset not encoded here. */
    private CharsetEncoder encoderFor(final Charset charset)
    {
        final CharsetEncoder last = encoder;
        if (last != null && last.charset() == charset)
        {
            return last;
        }
        if (!charset.equals(StandardCharsets.UTF_8) && !charset.equals(StandardCharsets.ISO_8859_1) &&
            !charset.equals(StandardCharsets.US_ASCII))
        {
            return null;
        }
        encoder = charset.newEncoder().onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE);
        return encoder;
    }
}
