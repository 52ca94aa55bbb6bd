package io.github.unifiedwriter.perf.stall;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The control run's stand-in for a stack on the frozen mount: it appends about as many bytes per second as the stack
 * wrote there, so every {@code fsfreeze -f} has about as much to sync as in the stack's own run. Its writes block
 * through each freeze, on its own thread in this JVM, never in the measured child's; it does not catch up after a
 * thaw, so it writes somewhat less than the stack did.
 */
final class Dirt implements Runnable
{
    private static final long TICK_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

    private final Path file;
    private final double bytesPerSecond;
    private final CountDownLatch cancelled = new CountDownLatch(1);
    private volatile String failure;

    Dirt(final Path file, final double bytesPerSecond)
    {
        this.file = file;
        this.bytesPerSecond = bytesPerSecond;
    }

    @Override
    public void run()
    {
        final int bytes = (int)Math.max(1, Math.min(1 << 20, bytesPerSecond * TICK_NANOS / 1e9));
        final ByteBuffer chunk = ByteBuffer.allocate(bytes);
        try (FileChannel out = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND))
        {
            while (!cancelled.await(TICK_NANOS, TimeUnit.NANOSECONDS))
            {
                chunk.clear();
                while (chunk.hasRemaining())
                {
                    out.write(chunk);
                }
            }
        }
        catch (final IOException ex)
        {
            failure = "dirt: " + ex.getMessage();
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
        finally
        {
            try
            {
                Files.deleteIfExists(file);
            }
            catch (final IOException ignored)
            {
                // The mount is removed with everything on it.
            }
        }
    }

    /** Any thread: stops after the write under way, which a freeze may hold until its thaw. */
    void cancel()
    {
        cancelled.countDown();
    }

    /** Why it stopped early, or null. */
    String failure()
    {
        return failure;
    }
}
