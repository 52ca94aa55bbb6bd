package io.github.unifiedwriter.core;

import java.nio.ByteBuffer;

/**
 * A run of records handed to one {@link BatchDestination}, in order. It is a view over ring slots, reused
 * from batch to batch: a destination reads it during {@link BatchDestination#write(RecordBatch)} only and
 * keeps no reference to it or to its buffers.
 *
 * <p>Only the writer thread (or, in synchronous mode, the producer holding the write lock) touches it.
 */
public interface RecordBatch
{
    /** The time of a record that carries none, such as one the writer's own thread logged. */
    long NO_TIME = Long.MIN_VALUE;

    /** {@return the number of records in this batch} */
    int size();

    /**
     * The record at {@code index}, from its position to its limit. The buffer is the slot's own: the
     * destination may move its position but must not write into it.
     *
     * @param index from 0 to {@code size() - 1}
     * @return the record's bytes
     */
    ByteBuffer record(int index);

    /**
     * The length of the record at {@code index}, for a destination that only needs to measure it: cheaper than
     * {@link #record(int)}, which resets the view.
     *
     * @param index from 0 to {@code size() - 1}
     * @return the record's length in bytes
     */
    default int length(final int index)
    {
        return record(index).remaining();
    }

    /**
     * Tells the writer that the first {@code count} records have fully reached the destination. A
     * destination that fails part-way through calls this first, so that the retry starts after them
     * and no record is written twice.
     *
     * @param count records of this batch, from the first, that are wholly written
     */
    void confirm(int count);

    /**
     * The time of the event the record at {@code index} came from, for a destination that files records by time
     * (a rolling file puts a record in the period of its event, not of its write).
     *
     * @param index from 0 to {@code size() - 1}
     * @return milliseconds since the epoch, or {@link #NO_TIME}
     */
    default long time(final int index)
    {
        return NO_TIME;
    }
}
