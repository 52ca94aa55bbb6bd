package io.github.unifiedwriter.reliability;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.TimeUnit;

import io.github.unifiedwriter.log4j2.FullDiskSinks;

/**
 * A disk that fills up and frees room again. Where the test may mount file systems (CI runs as root), it is
 * a real tmpfs of a few hundred KiB filled by a ballast file, so writes fail with the kernel's own ENOSPC,
 * part-way through a record; elsewhere the real file sinks are made to fail as a full disk would.
 */
abstract class SmallDisk implements AutoCloseable
{
    /** Where the log file goes. */
    abstract Path file(String name);

    /** Called once the file's appender is configured: takes the room away. */
    abstract void fill();

    abstract void free();

    abstract String kind();

    /** Called once the configuration has stopped: lets go of whatever still holds the file open. */
    void stopped()
    {
    }

    @Override
    public abstract void close();

    /** A tmpfs at {@code folder} if mounting is allowed, otherwise sinks that fail on purpose. */
    static SmallDisk at(final Path folder, final String appender, final long bytes)
    {
        if (!"fault".equals(System.getProperty("uw.disk")) && mount(folder, bytes))
        {
            return new Tmpfs(folder);
        }
        return new Faulty(folder, appender);
    }

    private static boolean mount(final Path folder, final long bytes)
    {
        try
        {
            Files.createDirectories(folder);
            return run("mount", "-t", "tmpfs", "-o", "size=" + bytes, "tmpfs", folder.toString()) == 0;
        }
        catch (final IOException ex)
        {
            return false;
        }
    }

    static int run(final String... command)
    {
        try
        {
            final Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!process.waitFor(30, TimeUnit.SECONDS))
            {
                process.destroyForcibly();
                return -1;
            }
            return process.exitValue();
        }
        catch (final IOException ex)
        {
            return -1;
        }
        catch (final InterruptedException ex)
        {
            throw new AssertionError(ex);
        }
    }

    /** A real tmpfs, filled by a ballast file up to the last byte. */
    private static final class Tmpfs extends SmallDisk
    {
        private final Path folder;
        private final Path ballast;

        Tmpfs(final Path folder)
        {
            this.folder = folder;
            this.ballast = folder.resolve("ballast");
        }

        @Override
        Path file(final String name)
        {
            return folder.resolve(name);
        }

        @Override
        void fill()
        {
            final byte[] chunk = new byte[4096];
            try (OutputStream out = Files.newOutputStream(ballast))
            {
                while (true)
                {
                    out.write(chunk);
                    out.flush();
                }
            }
            catch (final IOException full)
            {
                if (!String.valueOf(full.getMessage()).contains("No space left"))
                {
                    throw new UncheckedIOException(full);
                }
            }
            try (OutputStream out = Files.newOutputStream(ballast, StandardOpenOption.APPEND))
            {
                while (true)
                {
                    out.write(1);
                    out.flush();
                }
            }
            catch (final IOException full)
            {
                // not a byte left
            }
        }

        @Override
        void free()
        {
            try
            {
                Files.delete(ballast);
            }
            catch (final IOException ex)
            {
                throw new UncheckedIOException(ex);
            }
        }

        @Override
        String kind()
        {
            return "a tmpfs mounted by the test";
        }

        @Override
        public void close()
        {
            run("umount", "-l", folder.toString());
        }
    }

    /** The real sinks on the real file, failing while "full". */
    private static final class Faulty extends SmallDisk
    {
        private final Path folder;
        private final String appender;
        private FullDiskSinks sinks;

        Faulty(final Path folder, final String appender)
        {
            this.folder = folder;
            this.appender = appender;
        }

        @Override
        Path file(final String name)
        {
            final Path file = folder.resolve(name);
            sinks = FullDiskSinks.register(appender, file);
            return file;
        }

        @Override
        void fill()
        {
            sinks.fill();
        }

        @Override
        void free()
        {
            sinks.free();
        }

        @Override
        String kind()
        {
            return "a fault-injecting sink (no tmpfs could be mounted here, or -Duw.disk=fault)";
        }

        @Override
        void stopped()
        {
            sinks.release();
        }

        @Override
        public void close()
        {
        }
    }
}
