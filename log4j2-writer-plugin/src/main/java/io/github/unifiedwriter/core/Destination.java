package io.github.unifiedwriter.core;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * Where records go, one at a time: for destinations with nothing to gain from batching. Wrap it with
 * {@link BatchDestination#of(Destination)}. Threads as for {@link BatchDestination}.
 */
@FunctionalInterface
public interface Destination extends AutoCloseable
{
    /**
     * Writes one whole record, or throws having written none of it.
     *
     * @param record the record, from its position to its limit
     * @throws IOException when the record could not be written
     */
    void write(ByteBuffer record) throws IOException;

    /**
     * Called after {@link #write} threw, before the retry.
     *
     * @throws IOException when the destination cannot be reopened; the writer retries later
     */
    default void reopen() throws IOException
    {
    }

    @Override
    default void close() throws IOException
    {
    }
}
