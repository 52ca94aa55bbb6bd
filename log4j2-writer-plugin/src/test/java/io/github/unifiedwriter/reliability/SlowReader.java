package io.github.unifiedwriter.reliability;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * A named pipe as the log file, read by a consumer the test can pause: a real destination that stops taking
 * bytes, so the writer thread blocks inside its write call as it would on a hung network mount, and the ring
 * behind it fills.
 */
final class SlowReader
{
    private final Path pipe;
    private final ByteArrayOutputStream read = new ByteArrayOutputStream();
    private final Thread thread;
    private volatile boolean paused = true;

    private SlowReader(final Path pipe)
    {
        this.pipe = pipe;
        this.thread = new Thread(this::readAll, "pipe-reader");
        thread.setDaemon(true);
        thread.start();
    }

    /** Makes a named pipe at {@code pipe} and a reader for it, paused. */
    static SlowReader open(final Path pipe)
    {
        assertEquals(0, SmallDisk.run("mkfifo", pipe.toString()), "mkfifo " + pipe);
        return new SlowReader(pipe);
    }

    Path path()
    {
        return pipe;
    }

    void resume()
    {
        paused = false;
    }

    /** Waits, at most 60 s, for the writer to close the pipe; returns every byte read. */
    byte[] awaitEnd()
    {
        resume();
        try
        {
            thread.join(60_000);
        }
        catch (final InterruptedException ex)
        {
            throw new AssertionError(ex);
        }
        assertFalse(thread.isAlive(), "the writer never closed the pipe");
        synchronized (read)
        {
            return read.toByteArray();
        }
    }

    private void readAll()
    {
        try (InputStream in = Files.newInputStream(pipe))
        {
            final byte[] chunk = new byte[8192];
            while (true)
            {
                while (paused)
                {
                    Thread.sleep(1);
                }
                final int n = in.read(chunk);
                if (n < 0)
                {
                    return;
                }
                synchronized (read)
                {
                    read.write(chunk, 0, n);
                }
            }
        }
        catch (final IOException | InterruptedException ex)
        {
            throw new AssertionError(ex);
        }
    }
}
