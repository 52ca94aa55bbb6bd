package io.github.unifiedwriter.log4j2;

import java.nio.ByteBuffer;

import org.apache.logging.log4j.core.Layout;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.layout.ByteBufferDestination;

/**
 * One producing thread's buffer: the layout encodes a whole event into it before any ring slot is claimed, so
 * layout code never runs while the writer waits on a slot.
 *
 * <p>It grows to hold the largest event, then falls back to a small buffer once a record beyond
 * {@link #RETAINED_MAX} has been handed over, so one huge event does not pin memory on every thread.
 * Only its own thread touches it.
 */
final class EncodeBuffer implements ByteBufferDestination
{
    static final int INITIAL = 512;
    static final int RETAINED_MAX = 32 * 1024;

    private ByteBuffer buffer = ByteBuffer.allocate(INITIAL);
    private PatternEncoder pattern;

    /** Encodes the event: straight into this buffer for a PatternLayout in a common charset, else by the layout. */
    void encode(final Layout<?> layout, final LogEvent event)
    {
        if (pattern == null)
        {
            pattern = new PatternEncoder();
        }
        if (!pattern.encode(layout, event, this))
        {
            layout.encode(event, this);
        }
    }

    /** Room for {@code bytes} more bytes after the position, for {@link PatternEncoder}. */
    ByteBuffer room(final int bytes)
    {
        grow(bytes);
        return buffer;
    }

    @Override
    public ByteBuffer getByteBuffer()
    {
        return buffer;
    }

    /**
     * Called by the layout when the next bytes do not fit: grow instead of writing out half an event. It grows
     * even when a few bytes are left, since a char of several bytes may not fit in them.
     */
    @Override
    public ByteBuffer drain(final ByteBuffer full)
    {
        grow(buffer.remaining() + 1);
        return buffer;
    }

    @Override
    public void writeBytes(final ByteBuffer data)
    {
        grow(data.remaining());
        buffer.put(data);
    }

    @Override
    public void writeBytes(final byte[] data, final int offset, final int length)
    {
        grow(length);
        buffer.put(data, offset, length);
    }

    /** The encoded record, from position to limit. */
    ByteBuffer record()
    {
        return buffer.flip();
    }

    /** Ready for the next event. */
    void reset()
    {
        if (buffer.capacity() > RETAINED_MAX)
        {
            buffer = ByteBuffer.allocate(INITIAL);
        }
        else
        {
            buffer.clear();
        }
    }

    int capacity()
    {
        return buffer.capacity();
    }

    private void grow(final int needed)
    {
        if (buffer.remaining() >= needed)
        {
            return;
        }
        final long wanted = Math.max((long)buffer.capacity() << 1, (long)buffer.position() + needed);
        final ByteBuffer larger = ByteBuffer.allocate((int)Math.min(wanted, Integer.MAX_VALUE - 16));
        buffer.flip();
        larger.put(buffer);
        buffer = larger;
    }
}
