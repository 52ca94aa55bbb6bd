package io.github.unifiedwriter.sink;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Objects;
import java.util.Set;

/**
 * The file under a sink. Opens it as the options say: folders created, permissions applied to a new file,
 * torn tail trimmed when appending, header written into an empty file. After a failed write it cuts the
 * file back to the end of the last confirmed record, by offset: records may hold the delimiter themselves.
 * Only regular files are truncated; a device such as {@code /dev/full} is just opened.
 *
 * <p>Writer thread only.
 */
final class SinkFile
{
    private final Path path;
    private final FileSinkOptions options;
    private final Set<OpenOption> openOptions;
    private final ChannelOpener opener;
    private final FileAttribute<?>[] attributes;
    private FileChannel channel;
    private Object fileKey;
    private boolean regular;

    SinkFile(final Path path, final FileSinkOptions options, final Set<OpenOption> openOptions, final ChannelOpener opener)
    {
        this.path = Objects.requireNonNull(path, "path");
        this.options = options;
        this.openOptions = openOptions;
        this.opener = opener;
        final Set<PosixFilePermission> permissions = options.filePermissions();
        attributes = permissions == null ?
            new FileAttribute<?>[0] : new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(permissions)};
    }

    /** Opens the file as at start; returns the offset where the next record goes. */
    long open(final boolean append) throws IOException
    {
        try
        {
            return start(append);
        }
        catch (final IOException | RuntimeException ex)
        {
            closeQuietly();
            throw ex;
        }
    }

    /**
     * After a failed write: reopens the file and cuts away whatever follows {@code end}, the offset just past
     * the last confirmed record. If the file at the path is no longer the one written (rotated away, or
     * shorter than {@code end} because something truncated it), it is opened as at start, appending.
     */
    long reopen(final long end) throws IOException
    {
        closeQuietly();
        final BasicFileAttributes now = attributes();
        if (now == null || !now.isRegularFile() || !Objects.equals(now.fileKey(), fileKey) || now.size() < end)
        {
            return open(true);
        }
        channel = opener.open(path, openOptions);
        channel.truncate(end);
        return end;
    }

    FileChannel channel()
    {
        return channel;
    }

    boolean regular()
    {
        return regular;
    }

    /** Forces data to storage. On Linux this also covers pages written through a mapping of the file. */
    void force() throws IOException
    {
        if (regular)
        {
            channel.force(false);
        }
    }

    void close() throws IOException
    {
        if (channel != null)
        {
            channel.close();
        }
    }

    @Override
    public String toString()
    {
        return path.toString();
    }

    private long start(final boolean append) throws IOException
    {
        ParentFolders.create(path, options.filePermissions());
        if (append && Files.isRegularFile(path))
        {
            TornTail.trim(path, options.delimiter());
        }
        final boolean created = Files.notExists(path);
        channel = opener.open(path, openOptions, attributes);
        if (created && options.filePermissions() != null)
        {
            Files.setPosixFilePermissions(path, options.filePermissions());
        }
        final BasicFileAttributes opened = Files.readAttributes(path, BasicFileAttributes.class);
        fileKey = opened.fileKey();
        regular = opened.isRegularFile();
        if (!regular)
        {
            return 0;
        }
        if (!append)
        {
            channel.truncate(0);
        }
        return channel.size() == 0 ? writeHeader() : channel.size();
    }

    private long writeHeader() throws IOException
    {
        final byte[] header = options.header();
        if (header == null)
        {
            return 0;
        }
        final ByteBuffer source = ByteBuffer.wrap(header);
        while (source.hasRemaining())
        {
            channel.write(source);
        }
        return header.length;
    }

    private BasicFileAttributes attributes() throws IOException
    {
        try
        {
            return Files.readAttributes(path, BasicFileAttributes.class);
        }
        catch (final NoSuchFileException gone)
        {
            return null;
        }
    }

    private void closeQuietly()
    {
        try
        {
            if (channel != null)
            {
                channel.close();
            }
        }
        catch (final IOException ignored)
        {
            // the channel is being replaced; what matters is the reopen that follows
        }
    }
}
