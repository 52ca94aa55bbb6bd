package io.github.unifiedwriter.jmx;

import java.util.Objects;

/**
 * Maps the MXBean's attributes and operations onto a {@link MonitoredWriter}.
 *
 * <p>Threads: JMX connector threads call every method. Each counter reads its own snapshot, as each
 * attribute read is its own JMX call anyway.
 */
final class WriterView implements UnifiedWriterMXBean
{
    private final MonitoredWriter writer;

    WriterView(final MonitoredWriter writer)
    {
        this.writer = Objects.requireNonNull(writer, "writer");
    }

    @Override
    public long getOffered()
    {
        return writer.metrics().offered();
    }

    @Override
    public long getEnqueued()
    {
        return writer.metrics().enqueued();
    }

    @Override
    public long getWritten()
    {
        return writer.metrics().written();
    }

    @Override
    public long getDropped()
    {
        return writer.metrics().dropped();
    }

    @Override
    public long getFailed()
    {
        return writer.metrics().failed();
    }

    @Override
    public long getErrors()
    {
        return writer.metrics().errors();
    }

    @Override
    public long getRestarts()
    {
        return writer.metrics().restarts();
    }

    @Override
    public long getPending()
    {
        return writer.metrics().pending();
    }

    @Override
    public long getBatches()
    {
        return writer.metrics().batches();
    }

    @Override
    public long getBytesWritten()
    {
        return writer.metrics().bytesWritten();
    }

    @Override
    public long getRemainingCapacity()
    {
        return Math.max(0L, writer.remainingCapacity());
    }

    @Override
    public int getRingSize()
    {
        return writer.config().ringSize();
    }

    @Override
    public String getMode()
    {
        return writer.config().mode().name();
    }

    @Override
    public String getPolicy()
    {
        return writer.config().policy().name();
    }

    @Override
    public String getWriterType()
    {
        return writer.writerType();
    }

    @Override
    public String getFileName()
    {
        return writer.activeFile();
    }

    @Override
    public int getBatchSize()
    {
        return writer.config().batchSize();
    }

    @Override
    public long getFlushIntervalMillis()
    {
        return writer.config().flushInterval().toMillis();
    }

    @Override
    public boolean isFallbackToSync()
    {
        return writer.metrics().fallbackToSync();
    }

    @Override
    public String getLastError()
    {
        return writer.metrics().lastError();
    }

    @Override
    public void trigger()
    {
        try
        {
            writer.trigger();
        }
        catch (final RuntimeException ex)
        {
            throw forRemoteClient(ex);
        }
    }

    @Override
    public void flush()
    {
        try
        {
            writer.flush();
        }
        catch (final RuntimeException ex)
        {
            throw forRemoteClient(ex);
        }
    }

    @Override
    public void restart()
    {
        try
        {
            writer.restart();
        }
        catch (final RuntimeException ex)
        {
            throw forRemoteClient(ex);
        }
    }

    @Override
    public void reopen()
    {
        try
        {
            writer.reopen();
        }
        catch (final RuntimeException ex)
        {
            throw forRemoteClient(ex);
        }
    }

    @Override
    public long getRollovers()
    {
        return writer.rolling().rollovers();
    }

    @Override
    public long getLastRolloverTime()
    {
        return writer.rolling().lastRolloverTime();
    }

    @Override
    public int getCompressionsPending()
    {
        return writer.rolling().compressionsPending();
    }

    @Override
    public String getFilePattern()
    {
        return writer.rolling().filePattern();
    }

    @Override
    public void rollover()
    {
        try
        {
            writer.rolling().rollover();
        }
        catch (final RuntimeException ex)
        {
            throw forRemoteClient(ex);
        }
    }

    /**
     * A remote console has none of our classes: an exception of ours, or one carrying ours as its cause,
     * would reach it as an unreadable ClassNotFoundException. Only the text travels.
     */
    private static IllegalStateException forRemoteClient(final RuntimeException ex)
    {
        return new IllegalStateException(ex.toString());
    }
}
