package io.github.unifiedwriter.log4j2;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import io.github.unifiedwriter.core.BatchDestination;
import io.github.unifiedwriter.jmx.RollingMonitor;
import io.github.unifiedwriter.sink.FsyncPolicy;
import org.apache.logging.log4j.core.Layout;

/**
 * Opens a {@link RollingFile} where the manager would open a plain file sink, and holds what outlives each one:
 * the background {@link Archiver}, a pending {@code rollover()} request and the rollover counts. The manager keeps
 * one for the life of its file, across reloads.
 *
 * <p>The manager calls {@link #open} on the thread that builds or reloads the configuration; the writing thread
 * reads the request; JMX threads make it and read the counts.
 */
final class RollingSinks implements SinkFactory, RollingMonitor
{
    volatile Layout<?> layout;
    final Archiver archiver;
    final Duration shutdownTimeout;
    final String appender;
    private final SinkFactory files;
    private final AtomicLong rollovers = new AtomicLong();
    private volatile long lastRollover;
    private volatile boolean rollRequested;
    private volatile String current;
    /** The settings the first {@link RollingFile} opens with. */
    private final RollingSettings initial;
    /** Settings of a reload, for the writing thread to take at its next rollover. */
    private volatile RollingSettings update;
    /** The settings in force, for JMX. */
    private volatile RollingSettings inForce;
    private boolean started;

    RollingSinks(final SinkFactory files, final RollingSettings rolling, final Layout<?> layout,
        final String appender, final Duration shutdownTimeout)
    {
        this.files = files;
        this.initial = rolling;
        this.inForce = rolling;
        this.layout = layout;
        this.appender = appender;
        this.shutdownTimeout = shutdownTimeout;
        this.archiver = new Archiver(appender);
    }

    @Override
    public BatchDestination open(final SinkSettings settings) throws IOException
    {
        final RollingFile file = RollingFile.open(this, files, settings, !started, inForce);
        started = true;
        return file;
    }

    /**
     * A reload: the rolling settings and layout of the appender that now asks for the file. The writing thread
     * takes them at its next rollover; a change between direct writing and renaming cannot be made live.
     */
    void reconfigure(final RollingSinks next)
    {
        if (next.initial.directWrite() != inForce.directWrite())
        {
            org.apache.logging.log4j.status.StatusLogger.getLogger().warn("UnifiedWriter \"{}\": a reload cannot " +
                "switch between DirectWriteRolloverStrategy and a renaming strategy; the new strategy takes effect " +
                "at the next start", appender);
            return;
        }
        layout = next.layout;
        update = next.initial;
    }

    /** {@return the settings of a reload not taken yet, or null} Writing thread. */
    RollingSettings takeUpdate()
    {
        final RollingSettings taken = update;
        if (taken != null)
        {
            update = null;
            inForce = taken;
        }
        return taken;
    }

    @Override
    public void setFsync(final BatchDestination sink, final FsyncPolicy fsync)
    {
        if (sink instanceof RollingFile)
        {
            ((RollingFile)sink).setFsync(fsync);
        }
    }

    /** Configuration thread, once a reload turned rolling off: lets queued renaming and compression finish. */
    void retire()
    {
        archiver.stop(shutdownTimeout);
    }

    /** Asks the writer to roll between its next two records, or within a flush interval when idle. Any thread. */
    @Override
    public void rollover()
    {
        rollRequested = true;
    }

    boolean takeRequest()
    {
        if (!rollRequested)
        {
            return false;
        }
        rollRequested = false;
        return true;
    }

    /** The writing thread rolled at {@code now}; {@code active} is the new file. */
    void rolled(final long now, final String active)
    {
        rollovers.incrementAndGet();
        lastRollover = now;
        current = active;
    }

    void opened(final String active)
    {
        current = active;
    }

    @Override
    public String currentFile()
    {
        return current;
    }

    @Override
    public long rollovers()
    {
        return rollovers.get();
    }

    @Override
    public long lastRolloverTime()
    {
        return lastRollover;
    }

    @Override
    public int compressionsPending()
    {
        return archiver.pending();
    }

    @Override
    public long compressionFailures()
    {
        return archiver.failures();
    }

    @Override
    public String filePattern()
    {
        return inForce.filePattern();
    }
}
