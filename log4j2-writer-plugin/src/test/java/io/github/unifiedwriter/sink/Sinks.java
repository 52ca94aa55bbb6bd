package io.github.unifiedwriter.sink;

import java.io.IOException;
import java.nio.file.Path;

import io.github.unifiedwriter.core.BatchDestination;

/** Opens each kind of sink alike, so that one test can prove a behaviour of each. */
final class Sinks
{
    private Sinks()
    {
    }

    static BatchDestination open(final SinkKind kind, final Path path, final FileSinkOptions.Builder options)
        throws IOException
    {
        return open(kind, path, options, ChannelOpener.FILES);
    }

    static BatchDestination open(final SinkKind kind, final Path path, final FileSinkOptions.Builder options,
        final ChannelOpener opener) throws IOException
    {
        return kind == SinkKind.MMAP ? MappedFileSink.open(path, options.kind(kind).build(), opener) :
            FileChannelSink.open(path, options.kind(kind).build(), opener);
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
