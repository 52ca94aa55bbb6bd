package io.github.unifiedwriter.sink;

import java.io.IOException;
import java.nio.file.Path;

import io.github.unifiedwriter.core.BatchDestination;

/** Opens each type of sink alike, so that one test can prove a behaviour of each. */
final class Sinks
{
    private Sinks()
    {
    }

    static BatchDestination open(final SinkType type, final Path path, final FileSinkOptions.Builder options)
        throws IOException
    {
        return open(type, path, options, ChannelOpener.FILES);
    }

    static BatchDestination open(final SinkType type, final Path path, final FileSinkOptions.Builder options,
        final ChannelOpener opener) throws IOException
    {
        return type == SinkType.MMAP ? MappedFileSink.open(path, options.type(type).build(), opener) :
            FileChannelSink.open(path, options.type(type).build(), opener);
    }

    static long forces(final BatchDestination sink)
    {
        return file(sink).forces();
    }

    static void setFsync(final BatchDestination sink, final FsyncPolicy fsync)
    {
        if (sink instanceof MappedFileSink)
        {
            ((MappedFileSink)sink).setFsync(fsync);
        }
        else
        {
            ((FileChannelSink)sink).setFsync(fsync);
        }
    }

    static MarkedFile file(final BatchDestination sink)
    {
        return sink instanceof MappedFileSink ? ((MappedFileSink)sink).file : ((FileChannelSink)sink).file;
    }

    static String openWarning(final BatchDestination sink)
    {
        return file(sink).openWarning();
    }
}
