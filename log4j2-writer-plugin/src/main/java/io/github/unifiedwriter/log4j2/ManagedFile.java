package io.github.unifiedwriter.log4j2;

import java.io.IOException;
import java.util.concurrent.CountDownLatch;

import io.github.unifiedwriter.core.BatchDestination;
import io.github.unifiedwriter.core.BatchDestination.RecordBatch;
import io.github.unifiedwriter.jmx.RollingMonitor;
import io.github.unifiedwriter.sink.FsyncPolicy;

/**
 * The manager's file: one open sink, kept across reloads, and each writer's {@link Turn} at it. Writers come and
 * go; the sink stays open, so the header is written once and the footer only when the last appender lets go.
 *
 * <p>One writer thread at a time writes through it: a writer started by a reload accepts records at once but
 * holds its first write until the manager opens its turn, after the previous writer has let go of the file.
 * The manager switches or closes the sink only while no writer writes: after the previous writer has stopped and
 * before the next one's turn opens.
 */
final class ManagedFile
{
    private volatile SinkFactory factory;
    private volatile SinkSettings settings;
    private volatile BatchDestination sink;

    /**
     * @throws IOException when the file cannot be opened; nothing is left open
     */
    ManagedFile(final SinkFactory factory, final SinkSettings settings) throws IOException
    {
        this.factory = factory;
        this.settings = settings;
        this.sink = factory.open(settings);
    }

    SinkSettings settings()
    {
        return settings;
    }

    /** {@return what the bean shows of the file's rolling, or {@link RollingMonitor#NONE} when it does not roll} */
    RollingMonitor rolling()
    {
        return factory instanceof RollingSinks ? (RollingSinks)factory : RollingMonitor.NONE;
    }

    /**
     * A reload: a rolling file takes the new rolling settings at its next rollover. Configuration thread.
     *
     * @return true when the file must be reopened through {@code next}: rolling, or the following of outside
     *         renames, was turned on or off
     */
    boolean reconfigure(final SinkFactory next)
    {
        if (kind(factory) != kind(next))
        {
            return true;
        }
        if (factory instanceof RollingSinks)
        {
            ((RollingSinks)factory).reconfigure((RollingSinks)next);
        }
        return false;
    }

    /** {@return what a reload compares: whether a factory rolls, follows outside renames, or opens plain files} */
    private static Class<?> kind(final SinkFactory factory)
    {
        return factory instanceof RollingSinks || factory instanceof ReopeningSinks ? factory.getClass() :
            SinkFactory.class;
    }

    /**
     * A writer's turn at the file.
     *
     * @param open false holds its writes until {@link Turn#open()}
     */
    Turn turn(final boolean open)
    {
        return new Turn(open);
    }

    void setFsync(final FsyncPolicy fsync)
    {
        settings = settings.withFsync(fsync);
        final BatchDestination open = sink;
        if (open != null)
        {
            factory.setFsync(open, fsync);
        }
    }

    /**
     * Closes the sink without its footer and opens one shaped by {@code next}, appending, through {@code nextFactory}
     * when it is not null. A rolling file given up lets its background work finish first, within its shutdown
     * timeout. A failure to open is left for the writer's retries to meet.
     */
    void switchTo(final SinkSettings next, final SinkFactory nextFactory) throws IOException
    {
        settings = next.forReopen();
        final BatchDestination previous = sink;
        sink = null;
        if (previous != null)
        {
            previous.close();
        }
        if (nextFactory != null)
        {
            final SinkFactory given = factory;
            factory = nextFactory;
            if (given instanceof RollingSinks)
            {
                ((RollingSinks)given).retire();
            }
        }
        open();
    }

    /**
     * Writes the footer, if any, and closes the sink. Called once, after the last writer has stopped; a rolling
     * file's background work may run until {@code deadline} ({@link System#nanoTime()}).
     */
    void close(final byte[] footer, final long deadline) throws IOException
    {
        final BatchDestination last = sink;
        sink = null;
        if (last == null)
        {
            return;
        }
        if (last instanceof RollingFile)
        {
            ((RollingFile)last).finish(footer, deadline);
            return;
        }
        Footer.closeWith(last, footer);
    }

    private BatchDestination open() throws IOException
    {
        BatchDestination current = sink;
        if (current == null)
        {
            current = factory.open(settings);
            sink = current;
        }
        return current;
    }

    /**
     * One writer's turn at the file: the destination that writer is started with. Its writes wait at a gate until
     * the manager opens it; its close only says the writer has let go, since the file outlives the writer.
     *
     * <p>A writer that stop gave up on at its deadline can still be inside a write call. Whatever comes next, the
     * next writer or the final close, waits until this turn is over ({@link #whenClosed}), so the file never has two
     * writers, even then. The writer thread (or a caller in synchronous mode) calls the destination methods; the
     * manager opens the gate.
     */
    final class Turn implements BatchDestination
    {
        private final CountDownLatch gate;
        private boolean closed;
        private Runnable afterClose;

        private Turn(final boolean open)
        {
            this.gate = new CountDownLatch(open ? 0 : 1);
        }

        /** Lets this writer write. Called by the manager once the previous writer has let go of the file. */
        void open()
        {
            gate.countDown();
        }

        @Override
        public void write(final RecordBatch batch) throws IOException
        {
            awaitGate();
            ManagedFile.this.open().write(batch);
        }

        /** After a failed write: reopen the sink, or open it if switching to it had failed. */
        @Override
        public void reopen() throws IOException
        {
            awaitGate();
            final BatchDestination current = sink;
            if (current == null)
            {
                ManagedFile.this.open();
            }
            else
            {
                current.reopen();
            }
        }

        @Override
        public void idle() throws IOException
        {
            final BatchDestination current = sink;
            if (gate.getCount() == 0 && current != null)
            {
                current.idle();
            }
        }

        /**
         * Runs {@code action} once this turn's writer has let go of the file: at once if it has, otherwise on the
         * writer's thread when it does. Called by the manager after stopping the writer.
         */
        void whenClosed(final Runnable action)
        {
            synchronized (this)
            {
                if (!closed)
                {
                    afterClose = action;
                    return;
                }
            }
            action.run();
        }

        /** The writer has let go of the file; the manager closes the file itself when the last appender lets go. */
        @Override
        public void close()
        {
            final Runnable action;
            synchronized (this)
            {
                closed = true;
                action = afterClose;
                afterClose = null;
            }
            if (action != null)
            {
                action.run();
            }
        }

        /** Waits without reacting to interrupts: the writer thread must not lose its place in the ring. */
        private void awaitGate()
        {
            boolean interrupted = false;
            while (gate.getCount() != 0)
            {
                try
                {
                    gate.await();
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
        }
    }
}
