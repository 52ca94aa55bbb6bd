package io.github.unifiedwriter.log4j2;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.logging.log4j.core.appender.rolling.RolloverDescription;
import org.apache.logging.log4j.core.appender.rolling.action.Action;
import org.apache.logging.log4j.status.StatusLogger;

/**
 * The background half of a rollover: the strategy's naming, index shifting and purge, the compression and the
 * {@code Delete} actions, run one file at a time, in order, on one daemon thread per appender. The queue holds
 * paths, so the writer never waits for it; when compression falls behind, the raw files wait on disk.
 *
 * <p>A failure keeps the file as it is (raw, or renamed but not compressed), counts an error and logs it to the
 * status logger. The writer thread calls {@link #archive} and {@link #run}; JMX threads read the counters; the
 * thread that closes the file calls {@link #stop}.
 */
final class Archiver
{
    private final String appender;
    private final ThreadPoolExecutor thread;
    private final AtomicInteger pending = new AtomicInteger();
    private final AtomicLong failures = new AtomicLong();

    Archiver(final String appender)
    {
        this.appender = appender;
        this.thread = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(), (task) ->
        {
            final Thread t = new Thread(task, "UnifiedWriter-" + appender + "-rollover");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Queues a file the writer has moved aside: the strategy of {@code rolling}, the settings it was written
     * under, names it (as the period of {@code naming}), then compresses and purges. A compressed file gets
     * {@code permissions} (such as {@code rw-r-----}) when not null.
     */
    void archive(final Path raw, final long naming, final RollingSettings rolling, final String permissions)
    {
        pending.incrementAndGet();
        thread.execute(() ->
        {
            try
            {
                final ManagerView view = new ManagerView(raw.toString(), rolling.filePattern(), naming, null,
                    rolling.strategy(), permissions);
                view.getPatternProcessor().setPrevFileTime(naming);
                view.getPatternProcessor().setCurrentFileTime(naming);
                final RolloverDescription description = rolling.strategy().rollover(view);
                if (description == null)
                {
                    failed(raw, "the strategy gave it no name", null);
                    return;
                }
                if (execute(description.getSynchronous(), raw))
                {
                    execute(description.getAsynchronous(), raw);
                }
            }
            catch (final RuntimeException ex)
            {
                failed(raw, ex.toString(), ex);
            }
            finally
            {
                pending.decrementAndGet();
            }
        });
    }

    /** Queues the compression and purge actions of a direct-write rollover, whose file needs no rename. */
    void run(final Action action, final String file)
    {
        if (action == null)
        {
            return;
        }
        pending.incrementAndGet();
        thread.execute(() ->
        {
            try
            {
                execute(action, Path.of(file));
            }
            finally
            {
                pending.decrementAndGet();
            }
        });
    }

    /** {@return rolled files whose background work has not finished} */
    int pending()
    {
        return pending.get();
    }

    /** {@return background actions that failed} */
    long failures()
    {
        return failures.get();
    }

    /**
     * Lets the queued work finish within {@code timeout}. At the deadline the files still queued are taken off the
     * queue, so nothing touches them after the stop: they stay on disk as they are, are said so, and the next start
     * archives those moved aside under a hidden name (a direct-write file keeps its name and stays uncompressed). A
     * file whose work has begun finishes in the background.
     *
     * @return whether everything finished
     */
    boolean stop(final Duration timeout)
    {
        thread.shutdown();
        boolean done;
        try
        {
            done = thread.awaitTermination(Math.max(1, timeout.toMillis()), TimeUnit.MILLISECONDS);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            done = false;
        }
        if (!done)
        {
            final List<Runnable> left = new ArrayList<>();
            thread.getQueue().drainTo(left);
            pending.addAndGet(-left.size());
            StatusLogger.getLogger().warn("UnifiedWriter \"{}\": {} rolled file(s) still wait for renaming or " +
                "compression at stop; they stay on disk as they are, and those moved aside under a hidden name are " +
                "archived at the next start", appender, left.size());
        }
        return done;
    }

    private boolean execute(final Action action, final Path file)
    {
        if (action == null)
        {
            return true;
        }
        try
        {
            if (action.execute())
            {
                return true;
            }
            failed(file, action + " did not complete", null);
        }
        catch (final Exception ex)
        {
            failed(file, action + " failed: " + ex, ex);
        }
        return false;
    }

    private void failed(final Path file, final String reason, final Throwable cause)
    {
        failures.incrementAndGet();
        StatusLogger.getLogger().error("UnifiedWriter \"{}\": archiving {} failed, the file is kept as it is: {}",
            appender, file, reason, cause);
    }
}
