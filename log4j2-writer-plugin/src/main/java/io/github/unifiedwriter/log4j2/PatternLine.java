package io.github.unifiedwriter.log4j2;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.layout.PatternLayout;
import org.apache.logging.log4j.core.pattern.PatternFormatter;
import org.apache.logging.log4j.core.util.Constants;

import static io.github.unifiedwriter.log4j2.PatternPlan.EACH;
import static io.github.unifiedwriter.log4j2.PatternPlan.LEVEL;
import static io.github.unifiedwriter.log4j2.PatternPlan.LOGGER;
import static io.github.unifiedwriter.log4j2.PatternPlan.MILLIS;
import static io.github.unifiedwriter.log4j2.PatternPlan.THREAD;

/**
 * One calling thread's encoder for a {@link PatternLayout} in UTF-8, ISO-8859-1 or US-ASCII: the bytes
 * {@code PatternLayout.encode} writes, for less work. With a {@link PatternPlan}, the parts between two parts formatted
 * for each event form a run, such as {@code "2026-12-02 13:45:07.123 INFO  [main] Orders - "}, whose bytes are kept
 * for the last level, thread name, logger name and millisecond it was formatted for. Under load most events share those
 * with the event before, so a line is one copy of the run's bytes and the formatted message. A layout without a plan
 * is serialized whole. Every formatter runs once per event.
 *
 * <p>Why the bytes are the same. Without surrogates, these charsets encode each char on its own, so the bytes of the
 * parts, joined, are the bytes of the line, and ASCII text, or Latin-1 text under ISO-8859-1, is one byte per char. A
 * line with a surrogate anywhere is encoded as Log4j2 encodes it: the charset's encoder, with Log4j2's settings (an
 * unmappable char or unpaired surrogate becomes {@code '?'}), on chunks of {@link Constants#ENCODER_CHAR_BUFFER_SIZE}
 * chars, each encoded as the last only when it is, so a high surrogate that ends a chunk before the last is dropped, as
 * Log4j2 drops it. A run with a surrogate is never kept.
 *
 * <p>Only its own thread touches it, from {@link Encoder.Buffer}.
 */
final class PatternLine
{
    private static final int CHUNK = Constants.ENCODER_CHAR_BUFFER_SIZE;
    /** A run longer than this is formatted for each event rather than kept. */
    private static final int KEPT_MAX = 512;

    private final PatternLayout layout;
    private final CharsetEncoder encoder;
    /**
     * Encodes a char to one byte, as {@link #encoder} does for these chars. Only ever in its coding state: it is never
     * flushed, and a char it cannot take ends {@link #writeSingle}.
     */
    private final CharsetEncoder single;
    /**
     * Whether to try {@link #writeSingle} first: false after a line that was not one byte a char, so a thread whose
     * lines are not ASCII does not pay for a try that fails on each.
     */
    private boolean singleFirst = true;
    /** The layout's formatters, or null to serialize the layout whole. */
    private final PatternFormatter[] formatters;
    /** Element e covers the formatters from {@code first[e]} to {@code last[e]}: a run, or one formatted each time. */
    private final int[] first;
    private final int[] last;
    private final boolean[] run;
    /** Per element: which fields its text shows, as bits {@code 1 << kind}, and the values it was kept for. */
    private final int[] shows;
    private final Object[] level;
    private final Object[] thread;
    private final Object[] logger;
    private final long[] millis;
    /** Per element: its kept bytes and chars, whether this event reuses them, or where its text is in {@link #text}. */
    private final byte[][] bytes;
    private final int[] byteLengths;
    private final char[][] chars;
    private final int[] charLengths;
    private final boolean[] valid;
    private final boolean[] hit;
    private final int[] starts;
    private final int[] ends;
    private StringBuilder text = new StringBuilder(Encoder.Buffer.INITIAL);
    private char[] scratch = new char[Encoder.Buffer.INITIAL];
    private CharBuffer view = CharBuffer.wrap(scratch);
    /** A line with a surrogate, whole, and the chunk of it being encoded: null until the first such line. */
    private StringBuilder whole;
    private CharBuffer chunk;

    PatternLine(final PatternLayout layout, final CharsetEncoder encoder)
    {
        this.layout = layout;
        this.encoder = encoder;
        this.single = (StandardCharsets.ISO_8859_1.equals(encoder.charset()) ? StandardCharsets.ISO_8859_1 :
            StandardCharsets.US_ASCII).newEncoder();
        final PatternPlan plan = PatternPlan.of(layout);
        formatters = plan == null ? null : plan.formatters;
        final int[] kinds = plan == null ? new int[] {EACH} : plan.kinds;
        final int parts = kinds.length;
        final int[] firsts = new int[parts];
        final int[] lasts = new int[parts];
        final boolean[] runs = new boolean[parts];
        int elements = 0;
        for (int i = 0; i < parts; i++)
        {
            final boolean kept = kinds[i] != EACH;
            if (kept && elements > 0 && runs[elements - 1])
            {
                lasts[elements - 1] = i;
                continue;
            }
            firsts[elements] = i;
            lasts[elements] = i;
            runs[elements++] = kept;
        }
        first = Arrays.copyOf(firsts, elements);
        last = Arrays.copyOf(lasts, elements);
        run = Arrays.copyOf(runs, elements);
        shows = new int[elements];
        for (int e = 0; e < elements; e++)
        {
            for (int i = first[e]; i <= last[e]; i++)
            {
                shows[e] |= 1 << kinds[i];
            }
        }
        level = new Object[elements];
        thread = new Object[elements];
        logger = new Object[elements];
        millis = new long[elements];
        bytes = new byte[elements][];
        byteLengths = new int[elements];
        chars = new char[elements][];
        charLengths = new int[elements];
        valid = new boolean[elements];
        hit = new boolean[elements];
        starts = new int[elements];
        ends = new int[elements];
    }

    PatternLayout layout()
    {
        return layout;
    }

    /** Whether the line is written by parts, or the layout serialized whole. */
    boolean byParts()
    {
        return formatters != null;
    }

    /** Writes the event's line into {@code out}. */
    void write(final LogEvent event, final Encoder.Buffer out)
    {
        final StringBuilder text = this.text;
        text.setLength(0);
        int keptBytes = 0;
        for (int e = 0; e < first.length; e++)
        {
            hit[e] = run[e] && kept(e, event);
            if (hit[e])
            {
                keptBytes += byteLengths[e];
                continue;
            }
            starts[e] = text.length();
            if (formatters == null)
            {
                layout.serialize(event, text);
            }
            for (int i = first[e]; formatters != null && i <= last[e]; i++)
            {
                formatters[i].format(event, text);
            }
            ends[e] = text.length();
        }
        final int length = text.length();
        if (scratch.length < length)
        {
            scratch = new char[Math.max(length, scratch.length << 1)];
            view = CharBuffer.wrap(scratch);
        }
        text.getChars(0, length, scratch, 0);
        if (!(singleFirst && writeSingle(event, out, keptBytes + length)))
        {
            final int from = out.getByteBuffer().position();
            if (!writeEncoded(event, out))
            {
                writeChunked(out);
            }
            singleFirst = out.getByteBuffer().position() - from == keptBytes + length;
        }
        release();
    }

    /** The chars this line keeps between events. */
    int retainedChars()
    {
        return text.capacity() + scratch.length + (whole == null ? 0 : whole.capacity() + CHUNK);
    }

    /**
     * The line when every char formatted for this event is one byte: ASCII, or Latin-1 under ISO-8859-1. The JDK's
     * encoder for that charset copies a part's chars for less CPU than a loop of ours over them, measured on the
     * caller's clock. Returns false, the buffer's position unchanged, at the first char that is not one byte.
     */
    private boolean writeSingle(final LogEvent event, final Encoder.Buffer out, final int total)
    {
        final ByteBuffer buffer = out.room(total);
        final int start = buffer.position();
        for (int e = 0; e < first.length; e++)
        {
            if (hit[e])
            {
                buffer.put(bytes[e], 0, byteLengths[e]);
                continue;
            }
            final int at = buffer.position();
            view.limit(ends[e]).position(starts[e]);
            single.encode(view, buffer, false);
            if (view.hasRemaining())
            {
                buffer.position(start);
                return false;
            }
            if (run[e])
            {
                keep(e, event, buffer.array(), buffer.arrayOffset() + at, buffer.position() - at);
            }
        }
        return true;
    }

    /** The line through the charset's encoder, part by part; false, writing nothing, if it holds a surrogate. */
    private boolean writeEncoded(final LogEvent event, final Encoder.Buffer out)
    {
        for (int j = 0, length = text.length(); j < length; j++)
        {
            if (Character.isSurrogate(scratch[j]))
            {
                return false;
            }
        }
        for (int e = 0; e < first.length; e++)
        {
            if (hit[e])
            {
                out.writeBytes(bytes[e], 0, byteLengths[e]);
                continue;
            }
            final int from = out.getByteBuffer().position();
            view.limit(ends[e]).position(starts[e]);
            out.encodeWhole(encoder, view);
            if (run[e])
            {
                final ByteBuffer buffer = out.getByteBuffer();
                keep(e, event, buffer.array(), buffer.arrayOffset() + from, buffer.position() - from);
            }
        }
        return true;
    }

    /** A line with a surrogate, encoded whole on Log4j2's chunks. */
    private void writeChunked(final Encoder.Buffer out)
    {
        if (whole == null)
        {
            whole = new StringBuilder(Encoder.Buffer.INITIAL);
            chunk = CharBuffer.allocate(CHUNK);
        }
        whole.setLength(0);
        for (int e = 0; e < first.length; e++)
        {
            if (hit[e])
            {
                whole.append(chars[e], 0, charLengths[e]);
            }
            else
            {
                whole.append(text, starts[e], ends[e]);
            }
        }
        encoder.reset();
        final int length = whole.length();
        int start = 0;
        do
        {
            final int end = Math.min(length, start + CHUNK);
            chunk.clear();
            whole.getChars(start, end, chunk.array(), chunk.arrayOffset());
            chunk.limit(end - start);
            out.encode(encoder, chunk, end == length);
            start = end;
        }
        while (start < length);
        out.flush(encoder);
    }

    /** After an event: lets go of the text of a line beyond {@link Encoder.Buffer#RETAINED_MAX} chars. */
    private void release()
    {
        if (text.capacity() > Encoder.Buffer.RETAINED_MAX)
        {
            text = new StringBuilder(Encoder.Buffer.INITIAL);
        }
        if (scratch.length > Encoder.Buffer.RETAINED_MAX)
        {
            scratch = new char[Encoder.Buffer.INITIAL];
            view = CharBuffer.wrap(scratch);
        }
        if (whole != null && whole.capacity() > Encoder.Buffer.RETAINED_MAX)
        {
            whole = new StringBuilder(Encoder.Buffer.INITIAL);
        }
    }

    /** Whether run {@code e} was kept for this event's level, thread, logger and millisecond, as far as it shows them. */
    private boolean kept(final int e, final LogEvent event)
    {
        final int shown = shows[e];
        return valid[e] && ((shown & (1 << LEVEL)) == 0 || level[e] == event.getLevel()) &&
            ((shown & (1 << THREAD)) == 0 || thread[e] == event.getThreadName()) &&
            ((shown & (1 << LOGGER)) == 0 || logger[e] == event.getLoggerName()) &&
            ((shown & (1 << MILLIS)) == 0 || millis[e] == event.getTimeMillis());
    }

    /** Keeps run {@code e}'s bytes, just written to {@code array} at {@code at}, and its chars, for this event. */
    private void keep(final int e, final LogEvent event, final byte[] array, final int at, final int byteLength)
    {
        final int charLength = ends[e] - starts[e];
        valid[e] = byteLength <= KEPT_MAX && charLength <= KEPT_MAX;
        if (!valid[e])
        {
            return;
        }
        if (bytes[e] == null)
        {
            bytes[e] = new byte[KEPT_MAX];
            chars[e] = new char[KEPT_MAX];
        }
        System.arraycopy(array, at, bytes[e], 0, byteLength);
        System.arraycopy(scratch, starts[e], chars[e], 0, charLength);
        byteLengths[e] = byteLength;
        charLengths[e] = charLength;
        level[e] = event.getLevel();
        thread[e] = event.getThreadName();
        logger[e] = event.getLoggerName();
        millis[e] = event.getTimeMillis();
    }
}
