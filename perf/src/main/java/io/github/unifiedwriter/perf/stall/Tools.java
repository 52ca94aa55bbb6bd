package io.github.unifiedwriter.perf.stall;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The system commands {@code stall} needs, found once, and run with a bound on their time. Called by the
 * command's thread, the freezer thread and the shutdown hook; holds no state but the paths it found.
 */
final class Tools
{
    /** Overrides the folders searched for the commands (a path list); for tests and unusual systems. */
    static final String PATH_PROPERTY = "uw.perf.stall.path";

    private static final List<String> NEEDED = List.of("fsfreeze", "mkfs.ext4", "losetup", "mount", "umount");
    private static final long TIMEOUT_SECONDS = 60;

    private final Path fsfreeze;
    private final Path mkfs;
    private final Path losetup;
    private final Path mount;
    private final Path umount;

    private Tools(final List<Path> found)
    {
        fsfreeze = found.get(0);
        mkfs = found.get(1);
        losetup = found.get(2);
        mount = found.get(3);
        umount = found.get(4);
    }

    /**
     * Finds the commands and checks that this process may use them.
     *
     * @return the tools, or throws {@link CannotRun} saying in one line why this machine cannot run it
     */
    static Tools find() throws CannotRun
    {
        final String uid = uid();
        if (uid == null)
        {
            throw new CannotRun("no /proc/self/status: it needs Linux");
        }
        if (!"0".equals(uid))
        {
            throw new CannotRun("not root (uid " + uid + "); it mounts a loop device and freezes it");
        }
        if (!Files.exists(Path.of("/dev/loop-control")))
        {
            throw new CannotRun("no loop device (/dev/loop-control is missing)");
        }
        final String path = System.getProperty(PATH_PROPERTY,
            System.getenv().getOrDefault("PATH", "") + File.pathSeparator + "/sbin:/usr/sbin:/bin:/usr/bin");
        final List<Path> found = new ArrayList<>();
        for (final String name : NEEDED)
        {
            found.add(search(path, name));
        }
        return new Tools(found);
    }

    private static Path search(final String path, final String name) throws CannotRun
    {
        for (final String folder : path.split(File.pathSeparator))
        {
            if (!folder.isEmpty() && Files.isExecutable(Path.of(folder, name)))
            {
                return Path.of(folder, name);
            }
        }
        throw new CannotRun("no " + name + " on the path (" + path + ")");
    }

    private static String uid()
    {
        try
        {
            for (final String line : Files.readAllLines(Path.of("/proc/self/status"), StandardCharsets.US_ASCII))
            {
                if (line.startsWith("Uid:"))
                {
                    return line.substring(4).trim().split("\\s+")[0];
                }
            }
            return null;
        }
        catch (final IOException ex)
        {
            return null;
        }
    }

    String freeze(final Path mountPoint) throws IOException
    {
        return run(fsfreeze.toString(), "-f", mountPoint.toString());
    }

    String thaw(final Path mountPoint) throws IOException
    {
        return run(fsfreeze.toString(), "-u", mountPoint.toString());
    }

    String mkfs(final Path image) throws IOException
    {
        return run(mkfs.toString(), "-q", "-F", image.toString());
    }

    /** Attaches {@code image} to a free loop device; returns the device. */
    Path attach(final Path image) throws IOException
    {
        return Path.of(run(losetup.toString(), "--find", "--show", image.toString()).trim());
    }

    String detach(final Path device) throws IOException
    {
        return run(losetup.toString(), "--detach", device.toString());
    }

    String mount(final Path device, final Path mountPoint) throws IOException
    {
        return run(mount.toString(), "-t", "ext4", device.toString(), mountPoint.toString());
    }

    /** Unmounts; lazily if the mount is still busy (a child that outlived its run), so it never stays. */
    String unmount(final Path mountPoint) throws IOException
    {
        try
        {
            return run(umount.toString(), mountPoint.toString());
        }
        catch (final IOException busy)
        {
            return run(umount.toString(), "--lazy", mountPoint.toString());
        }
    }

    /** Runs a command; returns what it printed, or throws with it if it failed or ran over a minute. */
    static String run(final String... command) throws IOException
    {
        final Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try
        {
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS))
            {
                process.destroyForcibly();
                throw new IOException(String.join(" ", command) + " ran over " + TIMEOUT_SECONDS + " s");
            }
            final String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (process.exitValue() != 0)
            {
                throw new IOException(String.join(" ", command) + " failed (exit " + process.exitValue() + "): " + output);
            }
            return output;
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running " + String.join(" ", command), ex);
        }
    }

    /** Why this machine cannot run {@code stall}, in one line. */
    static final class CannotRun extends Exception
    {
        private static final long serialVersionUID = 1L;

        CannotRun(final String reason)
        {
            super(reason);
        }
    }
}
