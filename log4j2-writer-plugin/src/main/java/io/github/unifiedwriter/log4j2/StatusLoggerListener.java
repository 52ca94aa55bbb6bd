package io.github.unifiedwriter.log4j2;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.unifiedwriter.core.WriterListener;
import org.apache.logging.log4j.status.StatusLogger;

/**
 * Tells the operator, through Log4j2's StatusLogger, what the writer reports, and passes it on to the
 * listeners added to the manager (such as the MXBean's notifications). The writer already limits how often
 * it reports.
 *
 * <p>Called on the threads named by {@link WriterListener}: drop warnings on producers, errors and fallback on
 * the writer thread. One instance serves every generation of a manager.
 */
final class StatusLoggerListener implements WriterListener
{
    private static final StatusLogger LOGGER = StatusLogger.getLogger();

    private final String name;
    private final List<WriterListener> others = new CopyOnWriteArrayList<>();

    StatusLoggerListener(final String name)
    {
        this.name = name;
    }

    void add(final WriterListener listener)
    {
        others.add(listener);
    }

    void remove(final WriterListener listener)
    {
        others.remove(listener);
    }

    @Override
    public void onDropWarning(final long droppedSinceLastWarning)
    {
        LOGGER.warn("UnifiedWriter \"{}\": the ring is full; {} records dropped since the last warning",
            name, droppedSinceLastWarning);
        for (final WriterListener other : others)
        {
            other.onDropWarning(droppedSinceLastWarning);
        }
    }

    @Override
    public void onError(final Throwable error, final int restartsInARow)
    {
        LOGGER.error("UnifiedWriter \"{}\": writing failed ({} in a row); reopening the file and retrying: {}",
            name, restartsInARow, error.toString(), error);
        for (final WriterListener other : others)
        {
            other.onError(error, restartsInARow);
        }
    }

    @Override
    public void onFallbackToSync(final Throwable lastError)
    {
        LOGGER.error("UnifiedWriter \"{}\": gave up retrying; writing on the callers' threads until restarted: {}",
            name, String.valueOf(lastError), lastError);
        for (final WriterListener other : others)
        {
            other.onFallbackToSync(lastError);
        }
    }

    @Override
    public void onRestarted()
    {
        LOGGER.info("UnifiedWriter \"{}\": writing asynchronously again", name);
        for (final WriterListener other : others)
        {
            other.onRestarted();
        }
    }

    @Override
    public void onStopTimedOut(final long failed, final String mayStillReachTheFile)
    {
        LOGGER.error("UnifiedWriter \"{}\": the writer had not drained after shutdownTimeout; {} records are " +
            "counted as failed and nothing more is written{}", name, failed, mayStillReachTheFile.isEmpty() ? "" :
            ", except " + mayStillReachTheFile + ": they were inside a write call at the deadline and may still " +
            "reach the file");
        for (final WriterListener other : others)
        {
            other.onStopTimedOut(failed, mayStillReachTheFile);
        }
    }
}
