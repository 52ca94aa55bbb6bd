package io.github.unifiedwriter.perf.latency;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.locks.LockSupport;

import org.HdrHistogram.Histogram;

import io.github.unifiedwriter.perf.check.BenchLineParser;
import io.github.unifiedwriter.perf.check.LineParser;
import io.github.unifiedwriter.perf.check.SequenceTracker;

/**
 * Follows the log file as the stack writes it, on its own thread, and records for each line the time
 * from its intended send (stamped in the message) until this thread read it back from the OS: the
 * call-to-file latency. Reads through the page cache, so it sees a memory-mapped file's bytes as soon as
 * they are copied; the zeros of a pre-extended file end the readable part. Polls every
 * {@value #POLL_NANOS} ns, which bounds the resolution of what it measures.
 */
final class FileTailer implements Runnable
{
    static final long POLL_NANOS = 20_000;
    private static final byte[] SENT = " sent ".getBytes(StandardCharsets.US_ASCII);

    private final Path file;
    private final long origin;
    private final long measureFrom;
    private final Histogram histogram = new Histogram(3_600_000_000_000L, 3);
    private final SequenceTracker tracker;
    private final LineParser parser = new BenchLineParser();
    private volatile long expectedLines = Long.MAX_VALUE;
    private volatile long deadline = Long.MAX_VALUE;
    private volatile long lines;
    private volatile String failure;

    /**
     * @param origin      the {@link System#nanoTime()} that send times in the lines are counted from
     * @param measureFrom lines sent earlier than this, from {@code origin} (the warm-up), are checked but
     *                    not recorded
     */
    FileTailer(final Path file, final long origin, final long measureFrom, final int producers)
    {
        this.file = file;
        this.origin = origin;
        this.measureFrom = measureFrom;
        this.tracker = new SequenceTracker(producers);
    }

    /** Tells the tailer how many lines to wait for, and until when; it returns then. */
    void finish(final long expected, final long deadlineNanos)
    {
        this.deadline = deadlineNanos;
        this.expectedLines = expected;
    }

    @Override
    public void run()
    {
        try (FileChannel channel = open())
        {
            if (channel != null)
            {
                follow(channel);
            }
        }
        catch (final IOException | RuntimeException ex)
        {
            failure = ex.toString();
        }
    }

    private FileChannel open() throws IOException
    {
        while (System.nanoTime() - deadline < 0)
        {
            try
            {
                return FileChannel.open(file, StandardOpenOption.READ);
            }
            catch (final NoSuchFileException ex)
            {
                LockSupport.parkNanos(POLL_NANOS);
            }
        }
        return null;
    }

    private void follow(final FileChannel channel) throws IOException
    {
        final byte[] bytes = new byte[1 << 20];
        final ByteBuffer buffer = ByteBuffer.wrap(bytes);
        final long[] parsed = new long[2];
        long position = 0;
        while (lines < expectedLines && System.nanoTime() - deadline < 0)
        {
            buffer.clear();
            final int n = channel.read(buffer, position);
            final long now = System.nanoTime();
            int start = 0;
            for (int i = 0; i < Math.max(n, 0); i++)
            {
                final byte b = bytes[i];
                if (b == 0)
                {
                    break;
                }
                if (b == '\n')
                {
                    line(bytes, start, i, now, parsed);
                    start = i + 1;
                }
            }
            position += start;
            if (start == 0)
            {
                LockSupport.parkNanos(POLL_NANOS);
            }
        }
    }

    private void line(final byte[] bytes, final int from, final int to, final long now, final long[] parsed)
    {
        lines++;
        if (parser.parse(bytes, from, to, parsed))
        {
            tracker.accept(parsed[0], parsed[1]);
        }
        final int at = LineParser.indexOf(bytes, from, to, SENT);
        final long sent = at < 0 ? -1 : LineParser.number(bytes, at + SENT.length, to);
        if (sent >= measureFrom)
        {
            histogram.recordValue(Math.max(0, now - (origin + sent)));
        }
    }

    long lines()
    {
        return lines;
    }

    Histogram histogram()
    {
        return histogram;
    }

    SequenceTracker tracker()
    {
        return tracker;
    }

    String failure()
    {
        return failure;
    }
}
