package io.github.unifiedwriter.perf.stall;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A small ext4 image in a temporary folder, attached to a loop device and mounted there: the only file
 * system {@code stall} ever freezes. Before each freeze it checks, in {@code /proc/self/mountinfo}, that the
 * mount point still holds the very device it mounted: freezing the root file system would hang the
 * machine. {@link #close()} always tries to thaw, then unmounts, detaches and deletes.
 *
 * <p>Threads: the freezer thread calls {@link #freeze} and {@link #thaw}; the command's thread or the
 * shutdown hook calls {@link #close}. All are synchronized: a close waits for a freeze under way.
 */
final class LoopMount implements AutoCloseable
{
    private static final String LOOP_PREFIX = "/dev/loop";

    private final Tools tools;
    private Marker marker;
    /** The mount as seen right after mounting; every freeze requires the same. */
    private MountInfo mounted;
    private boolean frozen;
    private boolean closed;

    private LoopMount(final Tools tools, final Marker marker)
    {
        this.tools = tools;
        this.marker = marker;
    }

    /** Makes an image of {@code bytes} (sparse), attaches, formats and mounts it. Undoes it all if a step fails. */
    static LoopMount create(final Tools tools, final long bytes) throws IOException
    {
        final Path dir = Files.createTempDirectory("uw-stall-");
        final Path image = dir.resolve("fs.img");
        final Path mountPoint = Files.createDirectory(dir.resolve("mnt"));
        final LoopMount mount = new LoopMount(tools, Marker.write(dir, image, mountPoint));
        try
        {
            try (RandomAccessFile file = new RandomAccessFile(image.toFile(), "rw"))
            {
                file.setLength(bytes);
            }
            tools.mkfs(image);
            final Path device = tools.attach(image);
            mount.marker = mount.marker.withDevice(device);
            if (!device.toString().startsWith(LOOP_PREFIX))
            {
                throw new IOException("losetup attached " + image + " to " + device + ", not a loop device");
            }
            tools.mount(device, mountPoint);
            final Optional<MountInfo> info = MountInfo.at(mountPoint);
            if (info.isEmpty() || !info.get().source().equals(device.toString()) || !"ext4".equals(info.get().type()))
            {
                throw new IOException("after mounting " + device + " at " + mountPoint + ", mountinfo shows " + info);
            }
            mount.mounted = info.get();
            return mount;
        }
        catch (final IOException | RuntimeException ex)
        {
            mount.close();
            throw ex;
        }
    }

    /** For {@code stall --cleanup}: what a killed run left behind, as its marker names it. */
    static LoopMount leftBehind(final Tools tools, final Marker marker)
    {
        return new LoopMount(tools, marker);
    }

    /** The mounted folder, where the stacks write. */
    Path folder()
    {
        return marker.mountPoint();
    }

    String describe()
    {
        return marker.device() + " (" + marker.image() + ") at " + marker.mountPoint();
    }

    /** Freezes the file system, after checking that it is still the loop mount made here. */
    synchronized void freeze() throws IOException
    {
        if (closed || mounted == null)
        {
            throw new IOException("not mounted");
        }
        final Optional<MountInfo> now = MountInfo.at(marker.mountPoint());
        if (now.isEmpty() || !now.get().equals(mounted) || marker.mountPoint().getNameCount() == 0)
        {
            throw new IOException("refusing to freeze " + marker.mountPoint() + ": mountinfo shows " + now
                + ", not the loop mount " + mounted + " made here");
        }
        tools.freeze(marker.mountPoint());
        frozen = true;
    }

    synchronized void thaw() throws IOException
    {
        if (frozen)
        {
            tools.thaw(marker.mountPoint());
            frozen = false;
        }
    }

    /**
     * Thaws (whether or not a freeze is known to be in force), unmounts if the loop device is still
     * mounted here, detaches the device if it still holds this image, deletes the image and the marker.
     * Safe to call more than once; reports what it could not undo.
     */
    @Override
    public synchronized void close() throws IOException
    {
        if (closed)
        {
            return;
        }
        closed = true;
        final IOException failures = new IOException("could not clean up all of " + describe());
        final Path device = marker.device();
        final Optional<MountInfo> info = MountInfo.at(marker.mountPoint());
        final boolean ours = device != null && info.isPresent() && info.get().source().equals(device.toString());
        if (ours)
        {
            try
            {
                tools.thaw(marker.mountPoint());
            }
            catch (final IOException notFrozen)
            {
                if (frozen)
                {
                    failures.addSuppressed(notFrozen);
                }
            }
            frozen = false;
            attempt(failures, () -> tools.unmount(marker.mountPoint()));
        }
        if (device != null && marker.image().toString().equals(backingFile(device)))
        {
            attempt(failures, () -> tools.detach(device));
        }
        attempt(failures, () ->
        {
            Files.deleteIfExists(marker.image());
            Files.deleteIfExists(marker.mountPoint());
            Files.deleteIfExists(marker.dir());
            marker.delete();
            return "";
        });
        if (failures.getSuppressed().length > 0)
        {
            throw failures;
        }
    }

    /** The image a loop device is attached to, from sysfs; null if it is free or unknown. */
    private static String backingFile(final Path device)
    {
        try
        {
            return Files.readString(Path.of("/sys/block", device.getFileName().toString(), "loop", "backing_file"),
                StandardCharsets.UTF_8).trim();
        }
        catch (final IOException ex)
        {
            return null;
        }
    }

    private interface Step
    {
        String run() throws IOException;
    }

    private static void attempt(final IOException failures, final Step step)
    {
        try
        {
            step.run();
        }
        catch (final IOException ex)
        {
            failures.addSuppressed(ex);
        }
    }
}
