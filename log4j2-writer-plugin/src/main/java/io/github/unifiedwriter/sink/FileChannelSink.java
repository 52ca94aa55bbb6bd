package io.github.unifiedwriter.sink;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.Set;

import io.github.unifiedwriter.core.BatchDestination;
import io.github.unifiedwriter.core.BatchDestination.RecordBatch;

import static java.nio.file.StandardOpenOption.APPEND;
import static java.nio.file.StandardOpenOption.CREATE;
import static java.nio.file.StandardOpenOption.WRITE;

/**
 * Writes records to a file through a {@code FileChannel} opened in append mode, so that a file truncated
 * behind its back (copytruncate) is written from its new end rather than after a hole of zeros.
 *
 * <p>{@link SinkType#BLOCK} gathers a batch into one preallocated direct buffer and writes it with one
 * call per batch, or per full buffer. {@link SinkType#LINE} writes each record with a call of its own and
 * buffers nothing. A record never spans two calls, except where the system writes short and the rest of
 * it follows at once, or where a heap record larger than {@code bufferSize} is written alone in calls of at
 * most {@code bufferSize} bytes (see {@link #drainInChunks}).
 *
 * <p>A write reads its own fields only: the channel, the byte records end with, and whether the fsync policy
 * forces. The file ({@link MarkedFile}) is called when it must act: a marker to change, a force that is due.
 *
 * <p>Threads: the writer thread calls {@link #write}, {@link #reopen}, {@link #idle} and {@link #close}
 * (in synchronous mode, the producer holding the write lock does); {@link #setFsync} may be called from
 * any thread.
 */
public final class FileChannelSink implements BatchDestination
{
    final MarkedFile file;
    private final byte[] footer;
    private final ByteBuffer buffer;
    /** The most a heap record hands to one write call: {@code bufferSize}. */
    private final int chunk;
    /** Offset just past the last record that fully reached the file: where a reopen cuts back to. */
    private long end;
    /** Records of the current batch that fully reached the file: what a failed write confirms. */
    private int reached;
    /** The file's channel, taken from it again at each open and reopen. */
    private FileChannel channel;
    /** The byte every record so far ends with, or -1 before the first: compared while {@link #checkEnds}. */
    private int ends = -1;
    /** False once records end with different bytes: the open marker then has nothing more to learn. */
    private boolean checkEnds = true;
    /** Whether the fsync policy forces at all: set with the policy, from any thread; never costs a write nothing. */
    private volatile boolean forcing;

    private FileChannelSink(final MarkedFile file, final FileSinkOptions options)
    {
        this.file = file;
        footer = options.footer();
        forcing = file.forcing();
        buffer = options.type() == SinkType.BLOCK ? ByteBuffer.allocateDirect(options.bufferSize()) : null;
        chunk = options.bufferSize();
    }

    /**
     * Opens the file at {@code path}, creating it and its folders as needed.
     *
     * @param path    the file
     * @param options how to write it
     * @return the open sink
     * @throws IOException when the file cannot be opened or prepared; nothing is left open
     */
    public static FileChannelSink open(final Path path, final FileSinkOptions options) throws IOException
    {
        return open(path, options, ChannelOpener.FILES);
    }

    static FileChannelSink open(final Path path, final FileSinkOptions options, final ChannelOpener opener)
        throws IOException
    {
        final MarkedFile file = new MarkedFile(path, options, Set.of(CREATE, WRITE, APPEND), opener, false);
        final FileChannelSink sink = new FileChannelSink(file, options);
        sink.end = file.open(options.append());
        sink.channel = file.channel();
        return sink;
    }

    @Override
    public void write(final RecordBatch batch) throws IOException
    {
        reached = 0;
        final boolean forced = forcing;
        if (forced && batch.size() > 0)
        {
            file.written();
        }
        try
        {
            if (buffer == null)
            {
                for (int i = 0, n = batch.size(); i < n; i++)
                {
                    final ByteBuffer record = batch.record(i);
                    see(record);
                    writeAlone(record);
                }
            }
            else
            {
                writeGathered(batch);
            }
        }
        catch (final Throwable ex)
        {
            batch.confirm(reached);
            throw ex;
        }
        batch.confirm(reached);
        if (forced)
        {
            file.forceIfDue();
        }
    }

    @Override
    public void reopen() throws IOException
    {
        end = file.reopen(end);
        channel = file.channel();
    }

    /** Forces the file when the interval policy says it is due. Writer thread. */
    @Override
    public void idle() throws IOException
    {
        file.forceIfDue();
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
     * What opening had to say about the file's tail: what it cut after an unclean end, why it left such a tail as
     * it is, or that no open marker could be written beside the file. Any thread, once opened.
     *
     * @return a sentence for a warning, or null when there is nothing to say
     */
    public String openWarning()
    {
        return file.openWarning();
    }

    /** Writes the footer, then lets the file go at the end of the last whole record. */
    @Override
    public void close() throws IOException
    {
        try
        {
            if (footer != null)
            {
                final ByteBuffer record = ByteBuffer.wrap(footer);
                see(record);
                if (forcing)
                {
                    file.written();
                }
                writeAlone(record);
            }
        }
        finally
        {
            file.close(end);
        }
    }

    private void writeGathered(final RecordBatch batch) throws IOException
    {
        buffer.clear();
        for (int i = 0, n = batch.size(); i < n; i++)
        {
            final ByteBuffer record = batch.record(i);
            see(record);
            final int length = record.remaining();
            if (length > buffer.remaining())
            {
                flush(batch, i);
                if (length > buffer.capacity())
                {
                    writeAlone(record);
                    continue;
                }
            }
            final int at = buffer.position();
            buffer.put(at, record, record.position(), length).position(at + length);
        }
        flush(batch, batch.size());
    }

    /** Writes the gathered records, those before {@code upTo}; on failure, counts the ones that got through whole. */
    private void flush(final RecordBatch batch, final int upTo) throws IOException
    {
        buffer.flip();
        try
        {
            drain(buffer);
        }
        catch (final IOException ex)
        {
            for (int written = buffer.position(); reached < upTo; reached++)
            {
                final int length = batch.record(reached).remaining();
                if (length > written)
                {
                    break;
                }
                written -= length;
                end += length;
            }
            throw ex;
        }
        end += buffer.limit();
        reached = upTo;
        buffer.clear();
    }

    private void writeAlone(final ByteBuffer record) throws IOException
    {
        final int length = record.remaining();
        if (record.isDirect() || length <= chunk)
        {
            drain(record);
        }
        else
        {
            drainInChunks(record);
        }
        end += length;
        reached++;
    }

    /**
     * Writes a heap record larger than {@link #chunk} a chunk at a time: a channel copies a heap buffer
     * into a direct one of the same size and caches that on the calling thread for good, so one huge record
     * would keep its size in direct memory. Block sinks copy through their own buffer (empty here), line
     * sinks hand over slices. The record reaches the file whole; a failure part way leaves a torn tail past
     * {@link #end}, which a reopen cuts back as for any other failed write.
     */
    private void drainInChunks(final ByteBuffer record) throws IOException
    {
        final int limit = record.limit();
        try
        {
            while (record.hasRemaining())
            {
                final int n = Math.min(chunk, limit - record.position());
                if (buffer != null)
                {
                    buffer.clear();
                    buffer.put(0, record, record.position(), n).limit(n);
                    drain(buffer);
                    record.position(record.position() + n);
                }
                else
                {
                    record.limit(record.position() + n);
                    drain(record);
                    record.limit(limit);
                }
            }
        }
        finally
        {
            record.limit(limit);
            if (buffer != null)
            {
                buffer.clear();
            }
        }
    }

    /**
     * Before a record is written: tells the file, for its open marker, when the record ends with another byte than
     * those before it. At most twice per file; otherwise one byte compare. Noted only once the file has it, so a
     * marker that could not be changed is tried again with the next such record.
     */
    private void see(final ByteBuffer record) throws IOException
    {
        if (checkEnds && record.hasRemaining())
        {
            final int last = record.get(record.limit() - 1) & 0xFF;
            if (last != ends)
            {
                checkEnds = file.endsWith(last);
                ends = last;
            }
        }
    }

    private void drain(final ByteBuffer source) throws IOException
    {
        while (source.hasRemaining())
        {
            channel.write(source);
        }
    }
}
