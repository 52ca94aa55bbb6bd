package io.github.unifiedwriter.perf.check;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Reads a log file once, front to back, and hands each of its records to a {@link SequenceTracker}.
 * Memory-mapped files may end in a run of zeros (the pre-extended region); the scan stops at the first
 * NUL byte and reports how many bytes follow it.
 */
public final class FileScan
{
    private static final int CHUNK = 4 << 20;

    private long lines;
    private long counted;
    private long tornTailBytes;
    private long zeroTailBytes;

    private FileScan()
    {
    }

    /** Scans {@code file}; a missing file scans as empty. */
    public static FileScan scan(final Path file, final LineParser parser, final SequenceTracker tracker)
        throws IOException
    {
        final FileScan scan = new FileScan();
        if (Files.exists(file))
        {
            scan.read(file, parser, tracker);
        }
        return scan;
    }

    private void read(final Path file, final LineParser parser, final SequenceTracker tracker) throws IOException
    {
        final byte[] bytes = new byte[CHUNK];
        final ByteBuffer buffer = ByteBuffer.wrap(bytes);
        final long[] parsed = new long[2];
        long offset = 0;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ))
        {
            final long size = channel.size();
            int filled = 0;
            while (true)
            {
                buffer.limit(bytes.length).position(filled);
                final int n = channel.read(buffer);
                if (n <= 0)
                {
                    tornTailBytes = filled;
                    return;
                }
                filled += n;
                int start = 0;
                for (int i = 0; i < filled; i++)
                {
                    final byte b = bytes[i];
                    if (b == '\n')
                    {
                        lines++;
                        if (parser.parse(bytes, start, i, parsed))
                        {
                            counted++;
                            tracker.accept(parsed[0], parsed[1]);
                        }
                        start = i + 1;
                    }
                    else if (b == 0)
                    {
                        tornTailBytes = i - start;
                        zeroTailBytes = size - (offset + i);
                        return;
                    }
                }
                if (start == 0 && filled == bytes.length)
                {
                    throw new IOException(file + ": a line longer than " + CHUNK + " bytes at offset " + offset);
                }
                System.arraycopy(bytes, start, bytes, 0, filled - start);
                offset += start;
                filled -= start;
            }
        }
    }

    /** Every line ending in {@code '\n'} before the first NUL byte. */
    public long lines()
    {
        return lines;
    }

    /** Lines the parser recognised as records. */
    public long counted()
    {
        return counted;
    }

    /** Bytes after the last {@code '\n'} that do not end a line. */
    public long tornTailBytes()
    {
        return tornTailBytes;
    }

    /** Bytes from the first NUL to the end of the file. */
    public long zeroTailBytes()
    {
        return zeroTailBytes;
    }
}
