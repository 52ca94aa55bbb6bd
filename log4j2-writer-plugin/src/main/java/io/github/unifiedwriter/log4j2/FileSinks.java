package io.github.unifiedwriter.log4j2;

import java.io.IOException;

import io.github.unifiedwriter.core.BatchDestination;
import io.github.unifiedwriter.sink.FileChannelSink;
import io.github.unifiedwriter.sink.FileSink;
import io.github.unifiedwriter.sink.FileSinkOptions;
import io.github.unifiedwriter.sink.FsyncPolicy;
import io.github.unifiedwriter.sink.MappedFileSink;
import io.github.unifiedwriter.sink.SinkKind;

/**
 * Opens the file sinks: the one place that knows their API. The sinks create missing folders, trim a torn tail
 * when appending, and write the header into a new or empty file.
 *
 * <p>No footer is given to a sink: the manager closes a sink when a reload changes the writer type too, and a
 * footer there would land in the middle of the file. The manager writes the footer itself, once, when the last
 * appender lets go.
 */
final class FileSinks implements SinkFactory
{
    static final SinkFactory INSTANCE = new FileSinks();

    private FileSinks()
    {
    }

    @Override
    public BatchDestination open(final SinkSettings settings) throws IOException
    {
        final FileSinkOptions options = FileSinkOptions.builder()
            .append(settings.append())
            .kind(settings.type() == WriterType.LINE ? SinkKind.LINE : SinkKind.BLOCK)
            .bufferSize(settings.bufferSize())
            .regionSize((int)settings.regionSize())
            .fsync(policy(settings.fsync()))
            .filePermissions(settings.permissions())
            .header(settings.header())
            .build();
        return settings.type() == WriterType.MMAP ?
            MappedFileSink.open(settings.file(), options) : FileChannelSink.open(settings.file(), options);
    }

    @Override
    public void setFsync(final BatchDestination sink, final Fsync fsync)
    {
        if (sink instanceof FileSink)
        {
            ((FileSink)sink).setFsync(policy(fsync));
        }
    }

    private static FsyncPolicy policy(final Fsync fsync)
    {
        return fsync.everyBatch() ? FsyncPolicy.batch() :
            fsync.interval() == null ? FsyncPolicy.never() : FsyncPolicy.every(fsync.interval());
    }
}
