package io.github.unifiedwriter.log4j2;

import java.io.IOException;

import io.github.unifiedwriter.core.BatchDestination;
import io.github.unifiedwriter.sink.FileChannelSink;
import io.github.unifiedwriter.sink.FileSinkOptions;
import io.github.unifiedwriter.sink.FsyncPolicy;
import io.github.unifiedwriter.sink.MappedFileSink;
import io.github.unifiedwriter.sink.SinkType;
import org.apache.logging.log4j.status.StatusLogger;

/**
 * Opens a plain file sink, one that neither rolls nor follows a rename: the one place that knows the API of the
 * {@code sink} package. The sinks create missing folders, cut the torn tail of a file they had not closed cleanly
 * when appending, and write the header into a new or empty file. What such a cut did, or why a tail was left as
 * it is, becomes a status WARN.
 *
 * <p>No footer is given to a sink: the manager closes a sink when a reload changes the writer type too, and a
 * footer there would land in the middle of the file. The manager writes the footer itself, once, when the last
 * appender lets go.
 */
final class PlainSinks implements SinkFactory
{
    static final SinkFactory INSTANCE = new PlainSinks();

    private PlainSinks()
    {
    }

    @Override
    public BatchDestination open(final SinkSettings settings) throws IOException
    {
        final FileSinkOptions options = FileSinkOptions.builder()
            .append(settings.append())
            .type(settings.type())
            .bufferSize(settings.bufferSize())
            .regionSize((int)settings.regionSize())
            .fsync(settings.fsync())
            .filePermissions(settings.permissions())
            .header(settings.header())
            .build();
        final BatchDestination sink;
        final String warning;
        if (settings.type() == SinkType.MMAP)
        {
            final MappedFileSink mapped = MappedFileSink.open(settings.file(), options);
            warning = mapped.openWarning();
            sink = mapped;
        }
        else
        {
            final FileChannelSink channel = FileChannelSink.open(settings.file(), options);
            warning = channel.openWarning();
            sink = channel;
        }
        if (warning != null)
        {
            StatusLogger.getLogger().warn("UnifiedWriter: {}", warning);
        }
        return sink;
    }

    @Override
    public void setFsync(final BatchDestination sink, final FsyncPolicy fsync)
    {
        if (sink instanceof FileChannelSink)
        {
            ((FileChannelSink)sink).setFsync(fsync);
        }
        else if (sink instanceof MappedFileSink)
        {
            ((MappedFileSink)sink).setFsync(fsync);
        }
    }
}
