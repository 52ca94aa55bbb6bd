package io.github.unifiedwriter.log4j2;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;

import io.github.unifiedwriter.core.BatchDestination;
import io.github.unifiedwriter.core.RecordBatch;

/**
 * A file sink that follows external rotation ({@code reopenOnRename}): at most once a second, before a batch and
 * while idle, it checks whether the file at {@code fileName} is still the one it has open (the file key, the
 * inode on Linux). When logrotate has renamed it away, the sink closes the old file between two batches and opens
 * a new one by name, with the layout's header. Nothing is lost, and no zeros appear, unlike {@code copytruncate}.
 *
 * <p>One writing thread at a time calls every method.
 */
final class ReopeningFile implements BatchDestination
{
    private static final long CHECK_EVERY_MILLIS = 1000;

    private final SinkFactory files;
    private SinkSettings settings;
    private BatchDestination sink;
    private Object key;
    private long lastCheck;

    private ReopeningFile(final SinkFactory files, final SinkSettings settings)
    {
        this.files = files;
        this.settings = settings;
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
        followRename(System.currentTimeMillis());
        if (sink == null)
        {
            openByName();
        }
        sink.write(batch);
    }

    @Override
    public void reopen() throws IOException
    {
        if (sink == null)
        {
            openByName();
        }
        else
        {
            sink.reopen();
        }
    }

    @Override
    public void idle() throws IOException
    {
        if (sink == null)
        {
            return;
        }
        followRename(System.currentTimeMillis());
        if (sink != null)
        {
            sink.idle();
        }
    }

    @Override
    public void close() throws IOException
    {
        final BatchDestination last = sink;
        sink = null;
        if (last != null)
        {
            last.close();
        }
    }

    void setFsync(final Fsync fsync)
    {
        final SinkSettings s = settings;
        settings = new SinkSettings(s.file(), s.type(), s.append(), s.bufferSize(), s.regionSize(), fsync,
            s.permissions(), s.header());
        final BatchDestination open = sink;
        if (open != null)
        {
            files.setFsync(open, fsync);
        }
    }

    private void followRename(final long now) throws IOException
    {
        if (now - lastCheck < CHECK_EVERY_MILLIS)
        {
            return;
        }
        lastCheck = now;
        if (!Objects.equals(key(settings.file()), key))
        {
            close();
            openByName();
        }
    }

    private void openByName() throws IOException
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
