package io.github.unifiedwriter.core;

import java.nio.ByteBuffer;

/**
 * One preallocated ring entry holding a copy of a record's bytes. A producer fills it between claim and
 * publish; the writer thread reads it after publish and shrinks it once the record is resolved, so a
 * huge record does not keep its memory for the life of the ring.
 */
final class Slot
{
    /** Initial capacity of every slot. */
    static final int INITIAL_BYTES = 128;
    /** A slot grown beyond this is shrunk back after its record is resolved: bounds retained ring memory. */
    static final int RETAINED_BYTES = 2048;

    private byte[] bytes = new byte[INITIAL_BYTES];
    private ByteBuffer view = ByteBuffer.wrap(bytes);
    private int length;
    private long time;
    private boolean droppable;
    private boolean valid;

    /** Producer thread, while it holds the claimed slot. Allocates only when the record outgrows the slot. */
    void fill(final ByteBuffer record, final boolean droppable, final long time)
    {
        this.time = time;
        valid = false;
        final int n = record.remaining();
        if (n > bytes.length)
        {
            bytes = new byte[Math.max(n, bytes.length * 2)];
            view = ByteBuffer.wrap(bytes);
        }
        record.get(record.position(), bytes, 0, n);
        length = n;
        this.droppable = droppable;
        valid = true;
    }

    /** Producer thread: the copy failed; the writer counts the record as failed. */
    void invalidate()
    {
        valid = false;
        length = 0;
    }

    /** Writer thread: the record's bytes, from position 0 to its length. */
    ByteBuffer view()
    {
        view.limit(length).position(0);
        return view;
    }

    /** Writer thread: the event's time, or {@link RecordBatch#NO_TIME}. */
    long time()
    {
        return time;
    }

    int length()
    {
        return length;
    }

    boolean droppable()
    {
        return droppable;
    }

    boolean valid()
    {
        return valid;
    }

    /** Writer thread, after the record is written, failed or discarded. */
    void release()
    {
        if (bytes.length > RETAINED_BYTES)
        {
            bytes = new byte[INITIAL_BYTES];
            view = ByteBuffer.wrap(bytes);
        }
    }

    /** Bytes this slot holds on to. */
    int capacity()
    {
        return bytes.length;
    }
}
