package io.github.unifiedwriter.log4j2;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;

import io.github.unifiedwriter.core.Setting;
import io.github.unifiedwriter.core.WriterConfig;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.ManagerFactory;
import org.apache.logging.log4j.status.StatusLogger;

/**
 * Opens the file for the first appender that names it and starts its writer. Log4j2 calls it under its manager
 * lock, on the thread that builds the configuration; a failure is reported and no manager is made, even when
 * the heap runs out while the ring is allocated, which the limit on {@code ringSize} makes rare but cannot rule
 * out when the heap is already full.
 */
final class WriterManagerFactory implements ManagerFactory<UnifiedWriterManager, UnifiedWriterManager.Data>
{
    static final WriterManagerFactory INSTANCE = new WriterManagerFactory();

    private WriterManagerFactory()
    {
    }

    @Override
    public UnifiedWriterManager createManager(final String key, final UnifiedWriterManager.Data data)
    {
        final SinkSettings sink = data.settings().sink().withHeader(data.layout().getHeader());
        warnIfPermissionsCannotApply(data.settings().name(), sink);
        ManagedFile file = null;
        try
        {
            file = new ManagedFile(data.sinks(), sink);
            final LoggerContext context = data.configuration() == null ?
                null : data.configuration().getLoggerContext();
            return new UnifiedWriterManager(context, key, data, file);
        }
        catch (final IOException | RuntimeException ex)
        {
            StatusLogger.getLogger().error("UnifiedWriter appender \"{}\": cannot open {}: {}",
                data.settings().name(), key, ex.toString(), ex);
            closeQuietly(file);
            return null;
        }
        catch (final OutOfMemoryError ex)
        {
            final int ring = data.settings().writer().async() ? data.settings().writer().ringSize() : 0;
            StatusLogger.getLogger().error("UnifiedWriter appender \"{}\": not enough memory for ringSize=\"{}\" " +
                "(about {} of heap) and bufferSize=\"{}\": {}. The appender is not created.", data.settings().name(),
                ring, Sizes.about(WriterConfig.ringBytes(Math.max(ring, WriterConfig.MIN_RING_SIZE))),
                Setting.Form.SIZE.text(sink.bufferSize()), ex.getMessage());
            closeQuietly(file);
            return null;
        }
    }

    /** The mode is set only on a file the sink creates, and only where the file system has POSIX modes. */
    private static void warnIfPermissionsCannotApply(final String appender, final SinkSettings sink)
    {
        if (sink.permissions() == null)
        {
            return;
        }
        final String mode = PosixFilePermissions.toString(sink.permissions());
        if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix"))
        {
            StatusLogger.getLogger().warn("UnifiedWriter appender \"{}\": filePermissions=\"{}\" has no effect " +
                "on a file system without POSIX modes.", appender, mode);
        }
        else if (Files.exists(sink.file()))
        {
            StatusLogger.getLogger().warn("UnifiedWriter appender \"{}\": filePermissions=\"{}\" has no effect " +
                "on the existing file {}, which keeps its mode.", appender, mode, sink.file());
        }
    }

    private static void closeQuietly(final ManagedFile file)
    {
        if (file != null)
        {
            try
            {
                file.close(null, System.nanoTime());
            }
            catch (final IOException ignore)
            {
                // The open already failed; that is what the user is told.
            }
        }
    }
}
