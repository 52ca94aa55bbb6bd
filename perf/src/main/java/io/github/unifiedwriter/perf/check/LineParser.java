package io.github.unifiedwriter.perf.check;

/**
 * Finds which producer wrote a line and its number in that producer's sequence. Works on raw bytes: the
 * files checked hold millions of lines, and decoding each into a String would cost more than the run.
 */
@FunctionalInterface
public interface LineParser
{
    /**
     * @param line bytes of the file
     * @param from first byte of the line
     * @param to   index of the line's {@code '\n'}
     * @param out  receives the producer index in {@code [0]} and its sequence number in {@code [1]}
     * @return false if the line is not one of the counted records (a header, another logger's line)
     */
    boolean parse(byte[] line, int from, int to, long[] out);

    /** Index of {@code token} in {@code line[from, to)}, or -1. */
    static int indexOf(final byte[] line, final int from, final int to, final byte[] token)
    {
        final int last = to - token.length;
        outer:
        for (int i = from; i <= last; i++)
        {
            for (int j = 0; j < token.length; j++)
            {
                if (line[i + j] != token[j])
                {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** The unsigned decimal number starting at {@code at}, or -1 if there is no digit there. */
    static long number(final byte[] line, final int at, final int to)
    {
        long value = 0;
        int i = at;
        while (i < to && line[i] >= '0' && line[i] <= '9')
        {
            value = value * 10 + (line[i] - '0');
            i++;
        }
        return i == at ? -1 : value;
    }
}
