package io.github.unifiedwriter.sink;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.concurrent.CountDownLatch;

/**
 * Zeros written over the next region of a mapped file, on a thread of their own, while the writer still copies
 * into the current one. Writing zeros is what makes the file system allocate the blocks (so a full disk fails a
 * write instead of raising SIGBUS in a copy), and under writeback throttling it can take hundreds of
 * milliseconds: done ahead, the writer maps the region at once and the ring does not fill behind it.
 *
 * <p>The reserving thread writes through positional writes only and is never interrupted, so it cannot move or
 * close the writer's channel. The writer thread (or whoever closes the sink) calls {@link #await} before it
 * maps the region, cuts or closes the file: a reservation never runs past the sink's use of the channel.
 */
final class Reservation implements Runnable
{
    private static final ByteBuffer ZEROS = ByteBuffer.allocateDirect(64 * 1024).asReadOnlyBuffer();

    private final FileChannel channel;
    private final long start;
    private final long length;
    private final CountDownLatch done = new CountDownLatch(1);
    /** Written by the reserving thread before {@code done} opens; read after it. */
    private IOException failure;

    private Reservation(final FileChannel channel, final long start, final long length)
    {
        this.channel = channel;
        this.start = start;
        this.length = length;
    }

    /** Writer thread: starts writing zeros over {@code length} bytes from {@code start} on a new thread. */
    static Reservation begin(final FileChannel channel, final long start, final long length)
    {
        final Reservation reservation = new Reservation(channel, start, length);
        final Thread thread = new Thread(reservation, "unifiedwriter-reserve");
        thread.setDaemon(true);
        thread.start();
        return reservation;
    }

    /** Writer thread: writes zeros over {@code length} bytes from {@code start} now. */
    static void now(final FileChannel channel, final long start, final long length) throws IOException
    {
        final ByteBuffer zeros = ZEROS.duplicate();
        for (long at = start, end = start + length; at < end; )
        {
            zeros.clear().limit((int)Math.min(zeros.capacity(), end - at));
            at += channel.write(zeros, at);
        }
    }

    @Override
    public void run()
    {
        try
        {
            now(channel, start, length);
        }
        catch (final IOException ex)
        {
            failure = ex;
        }
        catch (final RuntimeException ex)
        {
            failure = new IOException("Reserving " + length + " bytes at " + start + " failed", ex);
        }
        finally
        {
            done.countDown();
        }
    }

    /**
     * Waits, through interrupts, until the zeros are written.
     *
     * @return the offset just past the reserved bytes
     * @throws IOException why they could not be written, such as a full disk
     */
    long await() throws IOException
    {
        boolean interrupted = false;
        while (true)
        {
            try
            {
                done.await();
                break;
            }
            catch (final InterruptedException ex)
            {
                interrupted = true;
            }
        }
        if (interrupted)
        {
            Thread.currentThread().interrupt();
        }
        if (failure != null)
        {
            throw failure;
        }
        return start + length;
    }

    /** Waits as {@link #await} does, for a sink that lets the file go and no longer needs the bytes. */
    void settle()
    {
        try
        {
            await();
        }
        catch (final IOException ignored)
        {
            // the region is not used: its failure concerns no record
        }
    }
}
