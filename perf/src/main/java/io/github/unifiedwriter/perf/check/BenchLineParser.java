package io.github.unifiedwriter.perf.check;

import java.nio.charset.StandardCharsets;

/**
 * Parses the comparison's lines, {@code ... [producer-3] Bench - Order 1234 filled at 123.45 for client ACME}:
 * the producer from the thread name, the sequence from the message.
 */
public final class BenchLineParser implements LineParser
{
    /** Prefix of the producer threads' names; the parser depends on it. */
    public static final String THREAD_PREFIX = "producer-";

    private static final byte[] THREAD = ("[" + THREAD_PREFIX).getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ORDER = "Order ".getBytes(StandardCharsets.US_ASCII);

    @Override
    public boolean parse(final byte[] line, final int from, final int to, final long[] out)
    {
        final int thread = LineParser.indexOf(line, from, to, THREAD);
        if (thread < 0)
        {
            return false;
        }
        final int order = LineParser.indexOf(line, thread + THREAD.length, to, ORDER);
        if (order < 0)
        {
            return false;
        }
        out[0] = LineParser.number(line, thread + THREAD.length, to);
        out[1] = LineParser.number(line, order + ORDER.length, to);
        return out[0] >= 0 && out[1] >= 0;
    }
}
