package io.github.unifiedwriter.log4j2;

import java.io.IOException;

import io.github.unifiedwriter.core.BatchDestination;
import io.github.unifiedwriter.sink.FsyncPolicy;

/**
 * Opens the destination of one file. The manager calls it on the thread that builds or reloads the
 * configuration, never while a writer writes to the same file.
 */
interface SinkFactory
{
    /**
     * Opens the file, writing the header when the file is new or empty.
     *
     * @throws IOException when the file cannot be opened
     */
    BatchDestination open(SinkSettings settings) throws IOException;

    /** Changes when an open sink forces the file to storage. Any thread. */
    default void setFsync(final BatchDestination sink, final FsyncPolicy fsync)
    {
    }
}
