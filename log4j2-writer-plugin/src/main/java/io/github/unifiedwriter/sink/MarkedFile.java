package io.github.unifiedwriter.sink;

import java.io.IOException;
import java.io.SyncFailedException;
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
 * The file under a sink: opening it, its open marker, the cut of a torn tail, and forcing it to storage as the
 * {@link FsyncPolicy} says. Opens it as the options say: folders created, permissions applied to a new file,
 * header written into an empty file. A regular file gets an {@link OpenMarker} before the first byte is
 * written, and loses it at a clean close; opening in append mode a file whose marker survived an unclean end
 * cuts its torn tail ({@link TornTail}). A file without a marker is never cut.
 *
 * <p>After a failed write it cuts the file back to the end of the last confirmed record, by offset: records may
 * hold their last byte inside them too. A file it lets go, at close or when a reopen finds another file at the
 * path, is cut to the end of its last record first. Only regular files are truncated or marked; a device such
 * as {@code /dev/full} is just opened.
 *
 * <p>The fsync policy is the one setting a sink takes live, so that a reload can change durability without
 * reopening the file: {@link #fsync} may be called from any thread. The sink tells the file of its writes only while
 * the policy forces, so the default, never, costs a write nothing here. Everything else is the writer thread's.
 */
final class MarkedFile
{
    private final Path path;
    private final FileSinkOptions options;
    private final Set<OpenOption> openOptions;
    private final ChannelOpener opener;
    private final FileAttribute<?>[] attributes;
    private final boolean mapped;
    private final OpenMarker marker;
    private volatile FsyncPolicy policy;
    /** Set by a change away from never, under which writes were not told: what they wrote may be unforced. */
    private volatile boolean unforcedSinceNever;
    /** Whether data written since the last force may be unforced. */
    private boolean unforced;
    private long lastForceNanos = System.nanoTime();
    private long forces;
    private FileChannel channel;
    private Object fileKey;
    private boolean regular;
    /** What the marker says now; null until this sink has written one. */
    private OpenMarker.State state;
    /** The byte every record so far ended with, or a marker constant: carried over to a file opened anew. */
    private int ends = OpenMarker.NO_RECORD;
    private String warning;

    MarkedFile(final Path path, final FileSinkOptions options, final Set<OpenOption> openOptions,
        final ChannelOpener opener, final boolean mapped)
    {
        this.path = Objects.requireNonNull(path, "path");
        this.options = options;
        this.openOptions = openOptions;
        this.opener = opener;
        this.mapped = mapped;
        this.marker = new OpenMarker(path, options.filePermissions());
        this.policy = Objects.requireNonNull(options.fsync(), "fsync");
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
     * After a failed write, or to follow a rotation: reopens the file and cuts away whatever follows {@code end},
     * the offset just past the last confirmed record. If the file at the path is no longer the one written
     * (rotated away, or shorter than {@code end} because something truncated it), the one written is cut at
     * {@code end} and let go, and the path is opened as at start, appending.
     */
    long reopen(final long end) throws IOException
    {
        cutQuietly(end);
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

    /**
     * Before a record that ends with byte {@code last} is written, when the records before it all ended with another
     * byte, or none was written: the marker says so before the bytes it describes are written. The sink calls it at
     * most twice per file, and compares one byte per record itself.
     *
     * @return whether the records written so far still all end with the same byte; once not, there is no more to say
     */
    boolean endsWith(final int last) throws IOException
    {
        final int next = ends == OpenMarker.NO_RECORD ? last : OpenMarker.MIXED;
        if (state != null)
        {
            final OpenMarker.State changed = state.withEnds(next);
            marker.write(changed, forcing());
            state = changed;
        }
        ends = next;
        return next != OpenMarker.MIXED;
    }

    /**
     * Any thread: replaces the fsync policy, from the next write or idle call on.
     *
     * @return whether the policy forces at all: never does not
     */
    boolean fsync(final FsyncPolicy next)
    {
        final FsyncPolicy previous = policy;
        policy = Objects.requireNonNull(next, "fsync");
        if (previous.isNever() && !next.isNever())
        {
            unforcedSinceNever = true;
        }
        return forcing();
    }

    /** {@return whether the policy forces at all} Never is the one that does not. */
    boolean forcing()
    {
        return !policy.isNever();
    }

    /** Before the sink writes data, while the policy forces: the data is not yet forced. */
    void written()
    {
        unforced = true;
    }

    /** Forces unforced data once the policy's interval has passed since the last force (at once for batch). */
    void forceIfDue() throws SyncFailedException
    {
        if ((unforced || unforcedSinceNever) && System.nanoTime() - lastForceNanos >= policy.intervalNanos())
        {
            force();
        }
    }

    /** Forces done so far: lets the policy be checked by counting rather than by timing. */
    long forces()
    {
        return forces;
    }

    FileChannel channel()
    {
        return channel;
    }

    boolean regular()
    {
        return regular;
    }

    /** {@return what opening had to do or give up about the file's tail, for a warning; null if nothing} */
    String openWarning()
    {
        return warning;
    }

    /**
     * Lets the file go cleanly: cuts it at {@code end}, forces it unless the policy is never, closes it, and only
     * then removes the marker. A failure leaves the marker, so the next open treats the end as unclean.
     */
    void close(final long end) throws IOException
    {
        try
        {
            if (regular)
            {
                channel.truncate(end);
                if ((unforced || unforcedSinceNever) && forcing())
                {
                    force();
                }
            }
        }
        finally
        {
            channel.close();
        }
        if (state != null)
        {
            marker.remove();
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
        if (mapped)
        {
            CopyOnWrite.refuseMapping(path);
        }
        if (append && state == null && Files.isRegularFile(path))
        {
            warning = recover();
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
        final long size = channel.size();
        final byte[] header = size == 0 ? options.header() : null;
        final long start = size + (header == null ? 0 : header.length);
        mark(new OpenMarker.State(String.valueOf(fileKey), start, mapped, ends));
        if (header != null)
        {
            final ByteBuffer source = ByteBuffer.wrap(header);
            while (source.hasRemaining())
            {
                channel.write(source);
            }
        }
        return start;
    }

    /**
     * Writes the marker before the first byte. Where it cannot be written (a folder the process may not write,
     * as logrotate's {@code create} leaves it), the file is written without one, and a crash will leave its torn
     * tail in place: opening says so. An earlier marker that can be neither replaced nor removed would no longer
     * be true once records are written, so then the file is not opened.
     */
    private void mark(final OpenMarker.State opening) throws IOException
    {
        try
        {
            marker.write(opening, forcing());
            state = opening;
        }
        catch (final IOException ex)
        {
            state = null;
            try
            {
                marker.remove();
            }
            catch (final IOException stale)
            {
                ex.addSuppressed(stale);
                throw new IOException("Cannot replace or remove the open marker " + marker.path() + " beside " +
                    path + ", which would no longer be true once records are written", ex);
            }
            final String unmarked = "Cannot write the open marker " + marker.path() + " (" + ex + "), so a crash " +
                "would leave a torn record at the end of " + path + ": it will not be cut";
            warning = warning == null ? unmarked : warning + ". " + unmarked;
        }
    }

    /** Cuts the tail an unclean end left, if the marker says there was one and it is about this file. */
    private String recover() throws IOException
    {
        final OpenMarker.State left;
        try
        {
            left = marker.read();
        }
        catch (final IOException unreadable)
        {
            return "Cannot tell whether " + path + " was closed cleanly, so its tail is left as it is: " +
                unreadable.getMessage();
        }
        if (left == null)
        {
            return null;
        }
        final String key = String.valueOf(Files.readAttributes(path, BasicFileAttributes.class).fileKey());
        if (!key.equals(left.fileKey()))
        {
            return marker.path() + " says a file that is no longer at " + path + " was not closed cleanly; " +
                "the file there now is left as it is";
        }
        return TornTail.cut(path, left);
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

    /** Forces data to storage. On Linux this also covers pages written through a mapping of the file. */
    private void force() throws SyncFailedException
    {
        unforcedSinceNever = false;
        try
        {
            if (regular)
            {
                channel.force(false);
            }
        }
        catch (final IOException ex)
        {
            unforced = true;
            final SyncFailedException failed =
                new SyncFailedException("Could not force " + path + " to storage: " + ex.getMessage());
            failed.initCause(ex);
            throw failed;
        }
        unforced = false;
        lastForceNanos = System.nanoTime();
        forces++;
    }

    /** Cuts the file written at {@code end} before letting it go; a broken channel is being replaced anyway. */
    private void cutQuietly(final long end)
    {
        try
        {
            if (regular && channel != null && channel.isOpen() && channel.size() > end)
            {
                channel.truncate(end);
            }
        }
        catch (final IOException ignored)
        {
            // the reopen that follows cuts the file at the path again, when it is still this one
        }
    }

    /** Closes the channel and leaves the marker: for a sink that fails to open, or a channel being replaced. */
    void closeQuietly()
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
