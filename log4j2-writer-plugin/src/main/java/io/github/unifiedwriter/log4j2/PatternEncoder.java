package io.github.unifiedwriter.log4j2;

import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import org.apache.logging.log4j.core.Layout;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.layout.PatternLayout;
import org.apache.logging.log4j.core.util.Constants;

/**
 * One producing thread's encoder for {@link PatternLayout} in UTF-8, ISO-8859-1 or US-ASCII: the layout
 * serializes the event into a reused {@code StringBuilder}, and a plain loop writes the bytes into the thread's
 * {@link EncodeBuffer}. It skips what {@code PatternLayout.encode} adds around the same text: a thread-local
 * lookup for its {@code CharsetEncoder}, the encoder's call protocol and a copy out of Log4j2's 8 KiB buffer.
 *
 * <p>The bytes are those {@code PatternLayout.encode} writes, for every input. Like Log4j2's
 * {@code StringBuilderEncoder}, an unpaired surrogate, or a character the charset cannot map, becomes {@code '?'},
 * and a surrogate pair becomes one {@code '?'} in the single-byte charsets. Log4j2 encodes a text longer than
 * {@link Constants#ENCODER_CHAR_BUFFER_SIZE} chars in chunks of that size and drops a high surrogate that ends a
 * chunk before the last: this encoder drops it too, so the file does not depend on which path wrote it.
 *
 * <p>Other layouts and charsets go through {@code Layout.encode}. The builder and the scratch chars are bounded
 * like the encode buffer: a huge event's memory is let go once its bytes are out. Only its own thread calls it.
 */
final class PatternEncoder
{
    private static final int ASCII = 0x7F;
    private static final int LATIN1 = 0xFF;
    private static final int UTF8 = -1;
    private static final int SCRATCH = 1024;
    private static final int LOG4J_CHUNK = Constants.ENCODER_CHAR_BUFFER_SIZE;

    private final char[] scratch = new char[SCRATCH];
    private StringBuilder text = new StringBuilder(EncodeBuffer.INITIAL);

    /**
     * Encodes the event into {@code buffer} if the layout is a PatternLayout in a charset this class encodes.
     *
     * @return false if it did nothing: the caller uses {@code layout.encode}
     */
    boolean encode(final Layout<?> layout, final LogEvent event, final EncodeBuffer buffer)
    {
        if (!(layout instanceof PatternLayout))
        {
            return false;
        }
        final PatternLayout patterns = (PatternLayout)layout;
        final int highest = highest(patterns.getCharset());
        if (highest == 0)
        {
            return false;
        }
        final StringBuilder chars = text;
        chars.setLength(0);
        patterns.serialize(event, chars);
        final int length = chars.length();
        for (int start = 0; start < length; )
        {
            int end = Math.min(length, start + SCRATCH);
            chars.getChars(start, end, scratch, 0);
            if (end < length && Character.isHighSurrogate(scratch[end - start - 1]))
            {
                end--;
            }
            if (highest == UTF8)
            {
                utf8(buffer, start, end - start, length);
            }
            else
            {
                singleByte(buffer, highest, start, end - start, length);
            }
            start = end;
        }
        if (chars.capacity() > EncodeBuffer.RETAINED_MAX)
        {
            text = new StringBuilder(EncodeBuffer.INITIAL);
        }
        return true;
    }

    /** The chars the builder holds on to between events. */
    int retainedChars()
    {
        return text.capacity();
    }

    /** The highest char the charset takes as one byte, {@link #UTF8}, or 0 for a charset not encoded here. */
    private static int highest(final Charset charset)
    {
        if (charset == StandardCharsets.UTF_8 || charset.equals(StandardCharsets.UTF_8))
        {
            return UTF8;
        }
        if (charset == StandardCharsets.ISO_8859_1 || charset.equals(StandardCharsets.ISO_8859_1))
        {
            return LATIN1;
        }
        return charset == StandardCharsets.US_ASCII || charset.equals(StandardCharsets.US_ASCII) ? ASCII : 0;
    }

    /**
     * Appends {@code count} scratch chars, the text's chars from {@code first}, as UTF-8. It asks for a byte a
     * char, and for three once a char is not ASCII. A pair is never split across two scratch loads: the caller
     * ends a load before a high surrogate that is not the text's last char.
     */
    private void utf8(final EncodeBuffer buffer, final int first, final int count, final int length)
    {
        final char[] in = scratch;
        ByteBuffer bytes = buffer.room(count);
        byte[] out = bytes.array();
        int o = bytes.arrayOffset() + bytes.position();
        int i = 0;
        while (i < count && in[i] < 0x80)
        {
            out[o++] = (byte)in[i++];
        }
        if (i < count)
        {
            bytes.position(o - bytes.arrayOffset());
            bytes = buffer.room(3 * (count - i));
            out = bytes.array();
            o = bytes.arrayOffset() + bytes.position();
        }
        for (; i < count; i++)
        {
            final char c = in[i];
            if (c < 0x80)
            {
                out[o++] = (byte)c;
            }
            else if (c < 0x800)
            {
                out[o++] = (byte)(0xC0 | c >> 6);
                out[o++] = (byte)(0x80 | c & 0x3F);
            }
            else if (!Character.isSurrogate(c))
            {
                out[o++] = (byte)(0xE0 | c >> 12);
                out[o++] = (byte)(0x80 | c >> 6 & 0x3F);
                out[o++] = (byte)(0x80 | c & 0x3F);
            }
            else if (droppedByLog4j(c, first + i, length))
            {
                continue;
            }
            else if (Character.isHighSurrogate(c) && i + 1 < count && Character.isLowSurrogate(in[i + 1]))
            {
                final int cp = Character.toCodePoint(c, in[++i]);
                out[o++] = (byte)(0xF0 | cp >> 18);
                out[o++] = (byte)(0x80 | cp >> 12 & 0x3F);
                out[o++] = (byte)(0x80 | cp >> 6 & 0x3F);
                out[o++] = (byte)(0x80 | cp & 0x3F);
            }
            else
            {
                out[o++] = '?';
            }
        }
        bytes.position(o - bytes.arrayOffset());
    }

    /** As {@link #utf8}, for a charset that maps the chars up to {@code highest} to one byte each, others to '?'. */
    private void singleByte(final EncodeBuffer buffer, final int highest, final int first, final int count,
        final int length)
    {
        final char[] in = scratch;
        final ByteBuffer bytes = buffer.room(count);
        final byte[] out = bytes.array();
        int o = bytes.arrayOffset() + bytes.position();
        for (int i = 0; i < count; i++)
        {
            final char c = in[i];
            if (c <= highest)
            {
                out[o++] = (byte)c;
            }
            else if (Character.isSurrogate(c) && droppedByLog4j(c, first + i, length))
            {
                continue;
            }
            else
            {
                if (Character.isHighSurrogate(c) && i + 1 < count && Character.isLowSurrogate(in[i + 1]))
                {
                    i++;
                }
                out[o++] = '?';
            }
        }
        bytes.position(o - bytes.arrayOffset());
    }

    /** A high surrogate at the end of one of Log4j2's encoder chunks that is not the last: Log4j2 drops it. */
    private static boolean droppedByLog4j(final char c, final int index, final int length)
    {
        return Character.isHighSurrogate(c) && length > LOG4J_CHUNK && (index + 1) % LOG4J_CHUNK == 0 &&
            index + 1 < length;
    }
}
