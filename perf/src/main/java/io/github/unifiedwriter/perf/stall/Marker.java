package io.github.unifiedwriter.perf.stall;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * What a {@code stall} run set up, written down before it sets it up: if the run is killed, {@code stall
 * --cleanup} reads it to thaw, unmount, detach and delete exactly that, and nothing else. One file per run,
 * named after the run's process id, in {@code <java.io.tmpdir>/unifiedwriter-stall}.
 *
 * @param file       the marker itself
 * @param pid        the process that wrote it
 * @param dir        the folder holding the image and the mount point
 * @param image      the file system image
 * @param mountPoint where the image is mounted
 * @param device     the loop device, or null until it is attached
 */
record Marker(Path file, long pid, Path dir, Path image, Path mountPoint, Path device)
{
    static Path folder()
    {
        return Path.of(System.getProperty("java.io.tmpdir"), "unifiedwriter-stall");
    }

    /** Writes this run's marker, for a mount not yet made. */
    static Marker write(final Path dir, final Path image, final Path mountPoint) throws IOException
    {
        final long pid = ProcessHandle.current().pid();
        final Marker marker = new Marker(Files.createDirectories(folder()).resolve(pid + ".mount"), pid, dir, image,
            mountPoint, null);
        marker.save();
        return marker;
    }

    /** The same marker, now naming the loop device the image is attached to. */
    Marker withDevice(final Path attached) throws IOException
    {
        final Marker marker = new Marker(file, pid, dir, image, mountPoint, attached);
        marker.save();
        return marker;
    }

    /** The markers of runs whose process is gone. */
    static List<Marker> leftBehind() throws IOException
    {
        final List<Marker> markers = new ArrayList<>();
        if (!Files.isDirectory(folder()))
        {
            return markers;
        }
        try (Stream<Path> files = Files.list(folder()))
        {
            for (final Path file : files.filter(f -> f.toString().endsWith(".mount")).sorted().toList())
            {
                final Marker marker = read(file);
                if (ProcessHandle.of(marker.pid).map(ProcessHandle::isAlive).orElse(false))
                {
                    continue;
                }
                markers.add(marker);
            }
        }
        return markers;
    }

    void delete() throws IOException
    {
        Files.deleteIfExists(file);
    }

    private void save() throws IOException
    {
        final Properties p = new Properties();
        p.setProperty("pid", Long.toString(pid));
        p.setProperty("dir", dir.toString());
        p.setProperty("image", image.toString());
        p.setProperty("mountPoint", mountPoint.toString());
        if (device != null)
        {
            p.setProperty("device", device.toString());
        }
        final Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        try (Writer out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8))
        {
            p.store(out, "made by unifiedwriter-perf stall; removed when the run cleans up");
        }
        Files.move(temp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
            java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    private static Marker read(final Path file) throws IOException
    {
        final Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8))
        {
            p.load(in);
        }
        final String device = p.getProperty("device");
        return new Marker(file, Long.parseLong(p.getProperty("pid")), Path.of(p.getProperty("dir")),
            Path.of(p.getProperty("image")), Path.of(p.getProperty("mountPoint")), device == null ? null : Path.of(device));
    }
}
