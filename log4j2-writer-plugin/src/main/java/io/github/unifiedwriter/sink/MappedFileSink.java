package io.github.unifiedwriter.sink;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel.MapMode;
import java.nio.file.Path;
import java.util.Set;

import io.github.unifiedwriter.core.BatchDestination;
import io.github.unifiedwriter.core.BatchDestination.RecordBatch;

import static java.nio.file.StandardOpenOption.CREATE;
import static java.nio.file.StandardOpenOption.READ;
import static java.nio.file.StandardOpenOption.WRITE;

/**
 * Writes records by copying them into a memory-mapped region of the file. Regions of {@code regionSize}
 * bytes are mapped one after another, each starting where the data ends; the next is mapped before the
 * last is released, so a failed mapping leaves nothing pointing at unmapped memory. A record larger than a
 * region gets a region of its own size.
 *
 * <p>Each region is first filled with zeros through the channel, so the file system allocates its blocks
 * there and a full disk fails that write with an {@code IOException}. Once half of a region is used, the zeros of
 * the next are written on a thread of their own ({@link Reservation}), so that the writer does not wait for them
 * when it maps the next region, and a full disk fails the write that would cross into it, before any copy. Left sparse, the first copy into a page
 * without room raises SIGBUS, which the JVM turns into an {@code InternalError} only after skipping the copy,
 * possibly once the record has been confirmed. On a file system that copies on write the zeros reserve nothing,
 * so such a file system is refused ({@link CopyOnWrite}). A file the sink lets go (close, or a reopen that finds
 * another file at the path) is cut at its last record first; after a crash, opening in append mode cuts the
 * zeros and any torn record ({@link TornTail}), so the file never holds zero bytes between or after records.
 * For the same reason a record that ends with a NUL byte is refused: it could not be told from the zeros.
 *
 * <p>A file truncated behind the sink's back (copytruncate) leaves its mapping without pages, and a copy
 * into it faults with an {@code InternalError} that the JVM may raise only after the copy has returned. So
 * each write first compares the file's size with the mapping (one {@code fstat}) and fails with an
 * {@code IOException} before copying; an {@code InternalError} raised within the write is wrapped in one
 * too. A truncation that races with the copy itself can still surface later on the writer thread.
 *
 * <p>Threads: the writer thread calls {@link #write}, {@link #reopen}, {@link #idle} and {@link #close}
 * (in synchronous mode, the producer holding the write lock does); {@link #setFsync} may be called from
 * any thread.
 */
public final class MappedFileSink implements BatchDestination
{
    final MarkedFile file;
    private final byte[] footer;
    private final int regionSize;
    private MappedByteBuffer region;
    private long regionStart;
    /** The zeros of the region after this one, once half of this one is used; null before. */
    private Reservation ahead;
    /** The byte every record so far ends with, or -1 before the first: compared until they differ (see FileChannelSink). */
    private int ends = -1;
    private boolean checkEnds = true;
    /** Whether the fsync policy forces at all; set from any thread. */
    private volatile boolean forcing;

    private MappedFileSink(final MarkedFile file, final FileSinkOptions options)
    {
        this.file = file;
        footer = options.footer();
        forcing = file.forcing();
        regionSize = options.regionSize();
    }

    /**
     * Opens the regular file at {@code path}, creating it and its folders as needed.
     *
     * @param path    the file
     * @param options how to write it
     * @return the open sink
     * @throws IOException when the file cannot be opened or prepared; nothing is left open
     */
    public static MappedFileSink open(final Path path, final FileSinkOptions options) throws IOException
    {
        return open(path, options, ChannelOpener.FILES);
    }

    static MappedFileSink open(final Path path, final FileSinkOptions options, final ChannelOpener opener)
        throws IOException
    {
        final MarkedFile file = new MarkedFile(path, options, Set.of(CREATE, READ, WRITE), opener, true);
        final MappedFileSink sink = new MappedFileSink(file, options);
        try
        {
            sink.mapAt(file.open(options.append()));
        }
        catch (final IOException | RuntimeException ex)
        {
            file.closeQuietly();
            throw ex;
        }
        return sink;
    }

    /**
     * Replaces the fsync policy; takes effect from the next write or idle call. Any thread.
     *
     * @param fsync the new policy
     */
    public void setFsync(final FsyncPolicy fsync)
    {
        forcing = file.fsync(fsync);
    }

    /**
     * What opening had to say about the file's tail (see {@link FileChannelSink#openWarning}). Any thread.
     *
     * @return a sentence for a warning, or null when there is nothing to say
     */
    public String openWarning()
    {
        return file.openWarning();
    }

    @Override
    public void write(final RecordBatch batch) throws IOException
    {
        final boolean forced = forcing;
        int i = 0;
        try
        {
            requireIntact();
            final int n = batch.size();
            if (n > 0 && forced)
            {
                file.written();
            }
            for (; i < n; i++)
            {
                append(batch.record(i));
            }
        }
        catch (final InternalError fault)
        {
            batch.confirm(i);
            throw faulted(fault);
        }
        catch (final Throwable ex)
        {
            batch.confirm(i);
            throw ex;
        }
        batch.confirm(i);
        if (ahead == null && region.position() > region.capacity() / 2)
        {
            ahead = Reservation.begin(file.channel(), regionStart + region.capacity(), regionSize);
        }
        if (forced)
        {
            file.forceIfDue();
        }
    }

    /** Forces the file when the interval policy says it is due. Writer thread. */
    @Override
    public void idle() throws IOException
    {
        file.forceIfDue();
    }

    @Override
    public void reopen() throws IOException
    {
        settleAhead();
        release();
        mapAt(file.reopen(regionStart));
    }

    /** Writes the footer, then cuts the file to the bytes written. */
    @Override
    public void close() throws IOException
    {
        try
        {
            if (footer != null)
            {
                requireIntact();
                if (forcing)
                {
                    file.written();
                }
                append(ByteBuffer.wrap(footer));
            }
        }
        catch (final InternalError fault)
        {
            throw faulted(fault);
        }
        finally
        {
            settleAhead();
            release();
            file.close(regionStart);
        }
    }

    private void append(final ByteBuffer record) throws IOException
    {
        final int length = record.remaining();
        if (length > 0 && record.get(record.limit() - 1) == 0)
        {
            throw new IOException("The mmap writer cannot write a record that ends with a NUL byte to " + file +
                ": after a crash it could not be told from the zeros the writer reserves ahead; end records " +
                "with another byte, or use writerType block or line");
        }
        final int last = length > 0 ? record.get(record.limit() - 1) & 0xFF : ends;
        if (checkEnds && last != ends)
        {
            checkEnds = file.endsWith(last);
            ends = last;
        }
        if (length > region.remaining())
        {
            final long end = regionStart + region.position();
            final int size = Math.max(regionSize, length);
            final long reserved = ahead == null ? regionStart + region.capacity() : takeAhead();
            if (end + size > reserved)
            {
                Reservation.now(file.channel(), reserved, end + size - reserved);
            }
            final MappedByteBuffer next = file.channel().map(MapMode.READ_WRITE, end, size);
            Unmapper.unmap(region);
            region = next;
            regionStart = end;
        }
        final int at = region.position();
        region.put(at, record, record.position(), length).position(at + length);
    }

    private void mapAt(final long end) throws IOException
    {
        if (!file.regular())
        {
            throw new IOException(file + " is not a regular file and cannot be mapped");
        }
        Reservation.now(file.channel(), end, regionSize);
        region = file.channel().map(MapMode.READ_WRITE, end, regionSize);
        regionStart = end;
    }

    /** Waits for the zeros written ahead: the end of the reserved bytes, or why they could not be written. */
    private long takeAhead() throws IOException
    {
        final Reservation reservation = ahead;
        ahead = null;
        return reservation.await();
    }

    /** Before the file is cut or let go: no zeros are written behind the sink's back once it returns. */
    private void settleAhead()
    {
        if (ahead != null)
        {
            ahead.settle();
            ahead = null;
        }
    }

    /** Unmaps the current region; {@code regionStart} is left at the end of the data. */
    private void release()
    {
        if (region != null)
        {
            regionStart += region.position();
            Unmapper.unmap(region);
            region = null;
        }
    }

    /** Refuses to copy into a mapping that is gone, or whose pages the file no longer has. */
    private void requireIntact() throws IOException
    {
        if (region == null)
        {
            throw new IOException(file + " is not mapped: the last reopen failed or the sink is closed");
        }
        if (file.channel().size() < regionStart + region.capacity())
        {
            throw new IOException(file + " is shorter than its mapping: truncated by another process?");
        }
    }

    private IOException faulted(final InternalError fault)
    {
        return new IOException("Mapping of " + file + " faulted; was the file truncated by another process?", fault);
    }
}
