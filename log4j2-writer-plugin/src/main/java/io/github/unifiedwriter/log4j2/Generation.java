package io.github.unifiedwriter.log4j2;

import java.io.IOException;
import java.util.concurrent.CountDownLatch;

import io.github.unifiedwriter.core.BatchDestination;
import io.github.unifiedwriter.core.RecordBatch;
import io.github.unifiedwriter.core.UnifiedWriter;
import io.github.unifiedwriter.core.WriterConfig;

/**
 * One writer over the manager's file, from its start to its stop. A reload that reshapes the ring starts a new
 * generation while the old one still drains: the new one accepts records at once but holds its first write at
 * a gate until the manager opens it, after the old generation has stopped. Records are therefore written in
 * the order they were accepted, and the file has one writer at a time.
 *
 * <p>A writer that stop gave up on at its deadline can still be inside a write call. Whatever comes next, the
 * next generation or the final close, waits until this one has let go of the file ({@link #whenClosed}), so the
 * file never has two writers, even then.
 *
 * <p>The writer thread (or a producer in synchronous mode) calls the destination methods; the manager opens the
 * gate.
 */
final class Generation implements BatchDestination
{
    private final OpenFile file;
    private final CountDownLatch gate;
    private UnifiedWriter writer;
    private boolean closed;
    private Runnable afterClose;

    private Generation(final OpenFile file, final boolean open)
    {
        this.file = file;
        this.gate = new CountDownLatch(open ? 0 : 1);
    }

    /**
     * @param open false holds writes until {@link #open()}
     */
    static Generation start(final WriterConfig config, final OpenFile file, final boolean open)
    {
        final Generation generation = new Generation(file, open);
        generation.writer = UnifiedWriter.start(config, generation);
        return generation;
    }

    UnifiedWriter writer()
    {
        return writer;
    }

    /** Lets this generation write. Called by the manager once the previous generation has stopped. */
    void open()
    {
        gate.countDown();
    }

    @Override
    public void write(final RecordBatch batch) throws IOException
    {
        awaitGate();
        file.write(batch);
    }

    @Override
    public void reopen() throws IOException
    {
        awaitGate();
        file.reopen();
    }

    @Override
    public void idle() throws IOException
    {
        if (gate.getCount() == 0)
        {
            file.idle();
        }
    }

    /**
     * Runs {@code action} once this generation's writer has let go of the file: at once if it has, otherwise on the
     * writer's thread when it does. Called by the manager after stopping the generation.
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

    /**
     * The writer has let go of the file; the file itself outlives the generation, and the manager closes it when
     * the last appender lets go.
     */
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
