package io.github.unifiedwriter.sink;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;

import static java.nio.file.StandardOpenOption.READ;
import static java.nio.file.StandardOpenOption.WRITE;

/**
 * Cuts a torn end off a log file before appending to it. A crash can leave the last record half-written
 * (Linux cuts a write short when SIGKILL is pending; an mmap copy can stop mid-record), and a mapped file
 * ends in the zeros of a region it had reserved. So: remove trailing zero bytes, then whatever follows the
 * last delimiter. New records then never join a torn one.
 *
 * <p>Scans backwards in fixed chunks, so memory use does not grow with the file.
 */
final class TornTail
{
    private static final int CHUNK = 64 * 1024;

    private TornTail()
    {
    }

    /** Trims the regular file at {@code path}; returns its new length. */
    static long trim(final Path path, final byte delimiter) throws IOException
    {
        try (FileChannel channel = FileChannel.open(path, READ, WRITE))
        {
            final ByteBuffer chunk = ByteBuffer.allocate(CHUNK);
            final long size = channel.size();
            final long data = endOfLast(channel, chunk, size, (byte)0, false);
            final long end = endOfLast(channel, chunk, data, delimiter, true);
            if (end < size)
            {
                channel.truncate(end);
            }
            return end;
        }
    }

    /**
     * The offset just past the last byte before {@code from} that is {@code value} (or, when
     * {@code equal} is false, that is not); 0 if there is none.
     */
    private static long endOfLast(
        final FileChannel channel, final ByteBuffer chunk, final long from, final byte value, final boolean equal)
        throws IOException
    {
        long to = from;
        while (to > 0)
        {
            final int length = (int)Math.min(CHUNK, to);
            final long start = to - length;
            chunk.clear().limit(length);
            while (chunk.hasRemaining())
            {
                if (channel.read(chunk, start + chunk.position()) < 0)
                {
                    throw new EOFException("File shrank while its tail was being trimmed");
                }
            }
            for (int i = length - 1; i >= 0; i--)
            {
                if ((chunk.get(i) == value) == equal)
                {
                    return start + i + 1;
                }
            }
            to = start;
        }
        return 0;
    }
}
