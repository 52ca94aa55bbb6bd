package io.github.unifiedwriter.testing;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * The numbered lines the suite logs, {@code t<thread> <seq>} and an optional tag, read back from the raw bytes
 * of a file. Parsing the bytes rather than decoded text is what lets a check see a NUL byte, a torn line or a
 * line glued to another.
 */
public final class NumberedLines
{
    /** Receives each line of a file in order. */
    public interface Visitor
    {
        /**
         * @param tag what follows the sequence number after one space, or null if nothing does
         */
        void line(int thread, long seq, String tag);
    }

    private NumberedLines()
    {
    }

    /** The message of line {@code seq} of {@code thread}, with a tag that tells a whole line from a torn one. */
    public static String message(final int thread, final long seq)
    {
        return "t" + thread + " " + seq + " " + "x".repeat((int)(seq % 23)) + "|";
    }

    /** Whether {@code tag} is the one {@link #message} gives line {@code seq}. */
    public static boolean wholeTag(final long seq, final String tag)
    {
        return tag != null && tag.length() == seq % 23 + 1 && tag.endsWith("|") &&
            tag.chars().limit(seq % 23).allMatch((c) -> c == 'x');
    }

    /**
     * Visits the lines of {@code content} from {@code from}: fails on a NUL byte, on a last line without its
     * newline, and on any line that is not {@code t<thread> <seq>[ <tag>]}.
     *
     * @return the offset just past the last line visited
     */
    public static int visit(final byte[] content, final int from, final Visitor visitor, final String context)
    {
        int at = from;
        while (at < content.length)
        {
            final int start = at;
            if (content[at++] != 't')
            {
                reject(context, start, content);
            }
            int thread = 0;
            int digits = 0;
            while (at < content.length && isDigit(content[at]))
            {
                thread = thread * 10 + content[at++] - '0';
                digits++;
            }
            if (digits == 0 || at >= content.length || content[at++] != ' ')
            {
                reject(context, start, content);
            }
            long seq = 0;
            digits = 0;
            while (at < content.length && isDigit(content[at]))
            {
                seq = seq * 10 + content[at++] - '0';
                digits++;
            }
            if (digits == 0 || at >= content.length)
            {
                reject(context, start, content);
            }
            String tag = null;
            if (content[at] == ' ')
            {
                final int tagStart = ++at;
                while (at < content.length && content[at] != '\n' && content[at] != 0)
                {
                    at++;
                }
                tag = new String(content, tagStart, at - tagStart, StandardCharsets.UTF_8);
            }
            if (at >= content.length || content[at] != '\n')
            {
                reject(context, start, content);
            }
            at++;
            visitor.line(thread, seq, tag);
        }
        return at;
    }

    private static boolean isDigit(final byte b)
    {
        return b >= '0' && b <= '9';
    }

    private static void reject(final String context, final int start, final byte[] content)
    {
        int end = start;
        while (end < content.length && end - start < 200 && content[end] != '\n')
        {
            end++;
        }
        final StringBuilder shown = new StringBuilder();
        for (int i = start; i < end; i++)
        {
            shown.append(content[i] == 0 ? "\\0" : String.valueOf((char)(content[i] & 0xff)));
        }
        fail("not a whole numbered line at offset " + start + " of " +
            content.length + ": '" + shown + "'" + (end == content.length ? " (no newline)" : "") + "; " + context);
    }
}
