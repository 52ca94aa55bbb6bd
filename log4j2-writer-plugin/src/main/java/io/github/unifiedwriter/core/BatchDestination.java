package io.github.unifiedwriter.core;

import java.io.IOException;

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
}
