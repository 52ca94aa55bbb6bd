package io.github.unifiedwriter.core;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * Where records go, a batch at a time. The file sinks implement this.
 *
 * <p>The writer thread calls every method; in synchronous mode, the producer that holds the write lock
 * does. Calls never overlap.
 */
public interface BatchDestination extends AutoCloseable
{
    /**
     * Writes every record of the batch in order, or throws. Before throwing, it confirms the records that
     * fully reached the destination ({@link RecordBatch#confirm(int)}).
     *
     * <p>Throw {@link java.io.SyncFailedException} when the records were written but could not be forced
     * to storage: the writer then counts them as failed and does not write them again.
     *
     * @param batch the records, valid during this call only
     * @throws IOException when not every record reached the destination
     */
    void write(RecordBatch batch) throws IOException;

    /**
     * Called after {@link #write} threw, before the retry. Reopens the resource and removes whatever part
     * of a record the failed write left behind after the last confirmed record.
     *
     * @throws IOException when the resource cannot be reopened; the writer retries later
     */
    default void reopen() throws IOException
    {
    }

    /**
     * Called when the writer has nothing to write, at least every flush interval: lets a destination do
     * timed work such as an interval fsync.
     *
     * @throws IOException when the timed work fails; counted as an error
     */
    default void idle() throws IOException
    {
    }

    /** Releases the resource. Called once, after the last write. */
    @Override
    void close() throws IOException;

    /**
     * Adapts a one-record-at-a-time destination.
     *
     * @param destination the destination to write one record at a time
     * @return a batch destination that hands it each record of a batch in turn
     */
    static BatchDestination of(final Destination destination)
    {
        return new RecordAtATime(destination);
    }

    /**
     * A run of records handed to one {@link BatchDestination}, in order. It is a view over ring slots, reused
     * from batch to batch: a destination reads it during {@link BatchDestination#write(RecordBatch)} only and
     * keeps no reference to it or to its buffers.
     *
     * <p>Only the writer thread (or, in synchronous mode, the producer holding the write lock) touches it.
     */
    interface RecordBatch
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

        /**
         * A batch of one record, for writing a destination outside the writer's loop, such as a footer at close.
         *
         * @param record the record, from its position to its limit
         * @return a new batch that holds it, with no time
         */
        static RecordBatch of(final ByteBuffer record)
        {
            return new OneRecordBatch().reset(record, NO_TIME);
        }
    }
}
