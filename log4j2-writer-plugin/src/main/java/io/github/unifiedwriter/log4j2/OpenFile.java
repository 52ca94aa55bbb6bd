package io.github.unifiedwriter.log4j2;

import java.io.IOException;

import io.github.unifiedwriter.core.BatchDestination;
import io.github.unifiedwriter.core.RecordBatch;
import io.github.unifiedwriter.jmx.RollingMonitor;
import io.github.unifiedwriter.sink.FsyncPolicy;

/**
 * The manager's one open sink on its file. Writers come and go across reloads; the sink stays open, so the
 * header is written once and the footer only when the last appender lets go.
 *
 * <p>One writer thread at a time writes through it. The manager switches or closes the sink only while no
 * writer writes: after the previous generation has stopped and before the next one's gate opens.
 */
final class OpenFile
{
    private final SinkFactory factory;
    private volatile SinkSettings settings;
    private volatile BatchDestination sink;

    /**
     * @throws IOException when the file cannot be opened; nothing is left open
     */
    OpenFile(final SinkFactory factory, final SinkSettings settings) throws IOException
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

    /** A reload: a rolling file takes the new rolling settings at its next rollover. Configuration thread. */
    void reconfigure(final SinkFactory next)
    {
        if (factory instanceof RollingSinks && next instanceof RollingSinks)
        {
            ((RollingSinks)factory).reconfigure((RollingSinks)next);
        }
    }

    void write(final RecordBatch batch) throws IOException
    {
        open().write(batch);
    }

    void idle() throws IOException
    {
        final BatchDestination current = sink;
        if (current != null)
        {
            current.idle();
        }
    }

    /** After a failed write: reopen the sink, or open it if switching to it had failed. */
    void reopen() throws IOException
    {
        final BatchDestination current = sink;
        if (current == null)
        {
            open();
        }
        else
        {
            current.reopen();
        }
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
     * Closes the sink without its footer and opens one shaped by {@code next}, appending. A failure to open is
     * left for the writer's retries to meet.
     */
    void switchTo(final SinkSettings next) throws IOException
    {
        settings = next.forReopen();
        final BatchDestination previous = sink;
        sink = null;
        if (previous != null)
        {
            previous.close();
        }
        open();
    }

    /** Writes the footer, if any, and closes the sink. Called once, after the last writer has stopped. */
    void close(final byte[] footer) throws IOException
    {
        final BatchDestination last = sink;
        sink = null;
        if (last == null)
        {
            return;
        }
        if (last instanceof RollingFile)
        {
            ((RollingFile)last).finish(footer);
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
}
