package io.github.unifiedwriter.sink;

import java.io.IOException;
import java.nio.file.Path;

import io.github.unifiedwriter.core.BatchDestination;

/** The three sinks, opened alike so that one test can prove a behaviour of each. */
enum SinkType
{
    BLOCK, LINE, MMAP;

    BatchDestination open(final Path path, final FileSinkOptions.Builder options) throws IOException
    {
        return open(path, options, ChannelOpener.FILES);
    }

    BatchDestination open(final Path path, final FileSinkOptions.Builder options, final ChannelOpener opener)
        throws IOException
    {
        switch (this)
        {
            case BLOCK:
                return FileChannelSink.open(path, options.kind(SinkKind.BLOCK).build(), opener);
            case LINE:
                return FileChannelSink.open(path, options.kind(SinkKind.LINE).build(), opener);
            default:
                return MappedFileSink.open(path, options.build(), opener);
        }
    }

    static long forces(final BatchDestination sink)
    {
        return ((FileSink)sink).forces();
    }

    static void setFsync(final BatchDestination sink, final FsyncPolicy fsync)
    {
        ((FileSink)sink).setFsync(fsync);
    }
}
