package io.github.unifiedwriter.log4j2;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;

import io.github.unifiedwriter.core.BatchDestination;
import io.github.unifiedwriter.core.BatchDestination.RecordBatch;

/**
 * A file sink that follows external rotation ({@code reopenOnRename}): at most once a second, before a batch and
 * while idle, it checks whether the file at {@code fileName} is still the one it has open (the file key, the
 * inode on Linux). When logrotate has renamed it away, the sink closes the old file between two batches and opens
 * a new one by name, with the layout's header. Nothing is lost, and no zeros appear, unlike {@code copytruncate}.
 *
 * <p>One writing thread at a time calls every method.
 */
final class ReopeningFile extends SwitchingFile
{
    private static final long CHECK_EVERY_MILLIS = 1000;

    private Object key;
    private long lastCheck;

    private ReopeningFile(final SinkFactory files, final SinkSettings settings)
    {
        super(files, settings);
    }

    static ReopeningFile open(final SinkFactory files, final SinkSettings settings) throws IOException
    {
        final ReopeningFile file = new ReopeningFile(files, settings);
        file.sink = files.open(settings);
        file.key = key(settings.file());
        file.lastCheck = System.currentTimeMillis();
        return file;
    }

    @Override
    public void write(final RecordBatch batch) throws IOException
    {
        switchIfDue(System.currentTimeMillis());
        if (sink == null)
        {
            openNext();
        }
        sink.write(batch);
    }

    /** At most once a second: when the file at the name is no longer the open one, opens the new one by name. */
    @Override
    void switchIfDue(final long now) throws IOException
    {
        if (now - lastCheck < CHECK_EVERY_MILLIS)
        {
            return;
        }
        lastCheck = now;
        if (!Objects.equals(key(settings.file()), key))
        {
            close();
            openNext();
        }
    }

    /** Opens the file at the name, never truncating it. */
    @Override
    void openNext() throws IOException
    {
        sink = files.open(settings.forReopen());
        key = key(settings.file());
    }

    private static Object key(final Path path)
    {
        try
        {
            return Files.readAttributes(path, BasicFileAttributes.class).fileKey();
        }
        catch (final IOException gone)
        {
            return null;
        }
    }
}
