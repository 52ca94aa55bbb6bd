package io.github.unifiedwriter.log4j2;

import java.io.IOException;

import io.github.unifiedwriter.core.BatchDestination;
import io.github.unifiedwriter.sink.FsyncPolicy;

/**
 * Opens a {@link ReopeningFile} where the manager would open a plain file sink: the factory of an appender with
 * {@code reopenOnRename="true"}. Called on the thread that builds or reloads the configuration.
 */
final class ReopeningSinks implements SinkFactory
{
    private final SinkFactory files;

    ReopeningSinks(final SinkFactory files)
    {
        this.files = files;
    }

    @Override
    public BatchDestination open(final SinkSettings settings) throws IOException
    {
        return ReopeningFile.open(files, settings);
    }

    @Override
    public void setFsync(final BatchDestination sink, final FsyncPolicy fsync)
    {
        if (sink instanceof ReopeningFile)
        {
            ((ReopeningFile)sink).setFsync(fsync);
        }
    }
}
