package io.github.unifiedwriter.perf.jmh;

import java.nio.ByteBuffer;

import org.apache.logging.log4j.core.layout.ByteBufferDestination;
import org.apache.logging.log4j.core.layout.ByteBufferDestinationHelper;

/**
 * A layout's destination that forgets what it is given: lets a benchmark time encoding alone. One
 * thread only. Counts bytes so the work cannot be optimised away.
 */
final class DiscardingDestination implements ByteBufferDestination
{
    private final ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
    long bytes;

    @Override
    public ByteBuffer getByteBuffer()
    {
        return buffer;
    }

    @Override
    public ByteBuffer drain(final ByteBuffer buf)
    {
        bytes += buf.position();
        buf.clear();
        return buf;
    }

    @Override
    public void writeBytes(final ByteBuffer data)
    {
        ByteBufferDestinationHelper.writeToUnsynchronized(data, this);
    }

    @Override
    public void writeBytes(final byte[] data, final int offset, final int length)
    {
        ByteBufferDestinationHelper.writeToUnsynchronized(data, offset, length, this);
    }

    /** Ends one record: forgets it. */
    void reset()
    {
        bytes += buffer.position();
        buffer.clear();
    }
}
