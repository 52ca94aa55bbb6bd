package io.github.unifiedwriter.sink;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;

/** A real channel that fails or writes short as its {@link Faults} say. */
final class FaultyChannel extends FileChannel
{
    private final FileChannel real;
    private final Faults faults;

    FaultyChannel(final FileChannel real, final Faults faults)
    {
        this.real = real;
        this.faults = faults;
    }

    @Override
    public int write(final ByteBuffer source) throws IOException
    {
        return write(source, -1);
    }

    /** Writes at the channel's position when {@code at} is negative, else at {@code at}. */
    @Override
    public int write(final ByteBuffer source, final long at) throws IOException
    {
        synchronized (faults)
        {
            return take(source, at);
        }
    }

    private int take(final ByteBuffer source, final long at) throws IOException
    {
        if (faults.space <= 0 && source.hasRemaining())
        {
            throw new IOException("No space left on device");
        }
        final int length = (int)Math.min(Math.min(source.remaining(), faults.maxPerWrite), faults.space);
        final int limit = source.limit();
        source.limit(source.position() + length);
        final int written;
        try
        {
            written = at < 0 ? real.write(source) : real.write(source, at);
        }
        finally
        {
            source.limit(limit);
        }
        faults.space -= written;
        faults.writes.add(written);
        faults.writers.add(Thread.currentThread().getName());
        return written;
    }

    @Override
    public void force(final boolean metaData) throws IOException
    {
        if (faults.failForce)
        {
            throw new IOException("Input/output error");
        }
        real.force(metaData);
    }

    @Override
    public MappedByteBuffer map(final MapMode mode, final long position, final long size) throws IOException
    {
        if (faults.maps-- <= 0)
        {
            throw new IOException("Cannot allocate memory");
        }
        return real.map(mode, position, size);
    }

    @Override
    public int read(final ByteBuffer destination) throws IOException
    {
        return real.read(destination);
    }

    @Override
    public long read(final ByteBuffer[] destinations, final int offset, final int length) throws IOException
    {
        return real.read(destinations, offset, length);
    }

    @Override
    public long write(final ByteBuffer[] sources, final int offset, final int length)
    {
        throw new UnsupportedOperationException("sinks write one buffer at a time");
    }

    @Override
    public long position() throws IOException
    {
        return real.position();
    }

    @Override
    public FileChannel position(final long position) throws IOException
    {
        real.position(position);
        return this;
    }

    @Override
    public long size() throws IOException
    {
        return real.size();
    }

    @Override
    public FileChannel truncate(final long size) throws IOException
    {
        real.truncate(size);
        return this;
    }

    @Override
    public long transferTo(final long position, final long count, final WritableByteChannel target) throws IOException
    {
        return real.transferTo(position, count, target);
    }

    @Override
    public long transferFrom(final ReadableByteChannel source, final long position, final long count) throws IOException
    {
        return real.transferFrom(source, position, count);
    }

    @Override
    public int read(final ByteBuffer destination, final long position) throws IOException
    {
        return real.read(destination, position);
    }

    @Override
    public FileLock lock(final long position, final long size, final boolean shared) throws IOException
    {
        return real.lock(position, size, shared);
    }

    @Override
    public FileLock tryLock(final long position, final long size, final boolean shared) throws IOException
    {
        return real.tryLock(position, size, shared);
    }

    @Override
    protected void implCloseChannel() throws IOException
    {
        real.close();
    }
}
