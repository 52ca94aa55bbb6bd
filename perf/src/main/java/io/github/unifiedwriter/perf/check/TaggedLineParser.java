package io.github.unifiedwriter.perf.check;

import java.nio.charset.StandardCharsets;

/**
 * Parses lines whose message carries its own identity, {@code ... run=7f3a t=2 seq=1234 ...}, whatever
 * the layout around it: the demo and the soak run on configurations they do not control. Lines of other
 * runs appended to the same file are skipped.
 */
public final class TaggedLineParser implements LineParser
{
    private static final byte[] THREAD = " t=".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SEQ = " seq=".getBytes(StandardCharsets.US_ASCII);

    private final byte[] run;

    /** @param runId identifies one run; only lines that carry it are counted */
    public TaggedLineParser(final String runId)
    {
        this.run = ("run=" + runId + " ").getBytes(StandardCharsets.US_ASCII);
    }

    /** The message pattern producers log with: run id, producer index, sequence number. */
    public static String messagePattern()
    {
        return "run={} t={} seq={} payload={}";
    }

    @Override
    public boolean parse(final byte[] line, final int from, final int to, final long[] out)
    {
        final int at = LineParser.indexOf(line, from, to, run);
        if (at < 0)
        {
            return false;
        }
        final int thread = LineParser.indexOf(line, at + run.length - 1, to, THREAD);
        final int seq = thread < 0 ? -1 : LineParser.indexOf(line, thread + THREAD.length, to, SEQ);
        if (seq < 0)
        {
            return false;
        }
        out[0] = LineParser.number(line, thread + THREAD.length, to);
        out[1] = LineParser.number(line, seq + SEQ.length, to);
        return out[0] >= 0 && out[1] >= 0;
    }
}
