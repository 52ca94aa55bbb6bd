package io.github.unifiedwriter.sink;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;

import static java.nio.file.StandardOpenOption.READ;
import static java.nio.file.StandardOpenOption.WRITE;

/**
 * Cuts what an unclean end left after the last whole record, as the file's {@link OpenMarker} describes it. A
 * crash can leave the last record half-written (Linux cuts a write short when SIGKILL is pending; a copy into a
 * mapping can stop mid-record), and the mmap writer leaves the zeros of the region it had reserved. Only bytes
 * the sink wrote, from the marker's start, are ever cut:
 * <ul>
 *   <li>zeros at the end, when the marker says a mapped region may have left them;</li>
 *   <li>then, when every record ends with the same byte, whatever follows the last such byte;</li>
 *   <li>when no record was written yet, everything from the start;</li>
 *   <li>when the records end with different bytes, nothing more: a torn record cannot be told from a whole one.</li>
 * </ul>
 * Cutting twice with the same marker cuts nothing more, so a crash during recovery is harmless.
 *
 * <p>Scans backwards in fixed chunks, so memory use does not grow with the file. Called by the thread that
 * opens the sink.
 */
final class TornTail
{
    private static final int CHUNK = 64 * 1024;

    private TornTail()
    {
    }

    /**
     * Cuts the tail of the regular file at {@code path}.
     *
     * @return what was done, for a warning, or null when the file already ended at a whole record
     */
    static String cut(final Path path, final OpenMarker.State left) throws IOException
    {
        try (FileChannel channel = FileChannel.open(path, READ, WRITE))
        {
            final ByteBuffer chunk = ByteBuffer.allocate(CHUNK);
            final long size = channel.size();
            final long start = left.start();
            if (size <= start)
            {
                return null;
            }
            final long data = left.mapped() ? endOfLast(channel, chunk, size, start, (byte)0, false) : size;
            final long end;
            if (left.ends() == OpenMarker.NO_RECORD)
            {
                end = start;
            }
            else if (left.ends() == OpenMarker.MIXED)
            {
                end = data;
            }
            else
            {
                end = endOfLast(channel, chunk, data, start, (byte)left.ends(), true);
            }
            if (end < size)
            {
                channel.truncate(end);
                channel.force(false);
            }
            return report(path, left, size, data, end);
        }
    }

    private static String report(final Path path, final OpenMarker.State left, final long size, final long data,
        final long end)
    {
        final String unclean = path + " was not closed cleanly";
        if (left.ends() == OpenMarker.MIXED)
        {
            return unclean + (data < size ? " (" + (size - data) + " zero bytes of the mmap writer cut)" : "") +
                "; its records do not all end with the same byte, so a torn last record cannot be told from a " +
                "whole one: the tail after offset " + left.start() + " is left as it is";
        }
        if (end == size)
        {
            return null;
        }
        return unclean + "; cut " + (size - end) + " bytes after its last whole record (" +
            (data < size ? (size - data) + " of them zeros of the mmap writer, " : "") +
            (left.ends() == OpenMarker.NO_RECORD ? "no record was written" :
                "records end with byte " + left.ends()) + "); it now ends at offset " + end;
    }

    /**
     * The offset just past the last byte in [{@code floor}, {@code from}) that is {@code value} (or, when
     * {@code equal} is false, that is not); {@code floor} if there is none.
     */
    private static long endOfLast(final FileChannel channel, final ByteBuffer chunk, final long from,
        final long floor, final byte value, final boolean equal) throws IOException
    {
        long to = from;
        while (to > floor)
        {
            final int length = (int)Math.min(CHUNK, to - floor);
            final long start = to - length;
            chunk.clear().limit(length);
            while (chunk.hasRemaining())
            {
                if (channel.read(chunk, start + chunk.position()) < 0)
                {
                    throw new EOFException("File shrank while its tail was being cut");
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
        return floor;
    }
}
