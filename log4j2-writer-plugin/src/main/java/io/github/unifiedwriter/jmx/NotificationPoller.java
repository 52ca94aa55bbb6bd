package io.github.unifiedwriter.jmx;

import io.github.unifiedwriter.core.WriterMetrics;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import javax.management.Notification;

/**
 * Turns counter snapshots into notifications. Sampling needs no hook in the writer, so neither the writer
 * thread nor a producer ever runs listener code, and it limits the rate by construction: an overloaded
 * ring produces one drop notification per interval, carrying the count, not one per record.
 *
 * <p>Threads: {@link #poll()} runs on the bean's notification thread; it is synchronized so that a direct
 * call from another thread cannot interleave with it. The constructor runs on the registering thread.
 */
final class NotificationPoller
{
    private final MonitoredWriter writer;
    private final Object source;
    private final Consumer<Notification> sender;
    private final long minDropIntervalNanos;
    private final LongSupplier nanoClock;

    private long sequence;
    private long droppedReported;
    private long restartsSeen;
    private boolean dropSent;
    private long lastDropSentNanos;
    private WriterState state;
    private long rolloversSeen;
    private long failuresSeen;

    /**
     * Takes the current counters as the baseline, so that a bean registered over a long-lived writer does
     * not report its history as news.
     *
     * @param source               the notifications' source, the bean's ObjectName
     * @param minDropIntervalNanos the least time between two drop notifications
     */
    NotificationPoller(
        final MonitoredWriter writer,
        final Object source,
        final Consumer<Notification> sender,
        final long minDropIntervalNanos,
        final LongSupplier nanoClock)
    {
        this.writer = writer;
        this.source = source;
        this.sender = sender;
        this.minDropIntervalNanos = minDropIntervalNanos;
        this.nanoClock = nanoClock;
        final WriterMetrics metrics = writer.metrics();
        droppedReported = metrics.dropped();
        restartsSeen = metrics.restarts();
        state = metrics.fallbackToSync() ? WriterState.SYNC_FALLBACK : WriterState.RUNNING;
        rolloversSeen = writer.rolling().rollovers();
        failuresSeen = writer.rolling().compressionFailures();
    }

    /** Reads the counters once and sends what changed since the previous call. */
    synchronized void poll()
    {
        final WriterMetrics metrics = writer.metrics();
        pollDrops(metrics);
        pollState(metrics);
        pollRolling(writer.rolling());
    }

    synchronized WriterState state()
    {
        return state;
    }

    private void pollDrops(final WriterMetrics metrics)
    {
        final long dropped = metrics.dropped();
        if (dropped < droppedReported)
        {
            droppedReported = dropped; // the owner reset its counters: start again from there
            return;
        }
        final long delta = dropped - droppedReported;
        final long now = nanoClock.getAsLong();
        if (delta > 0 && (!dropSent || now - lastDropSentNanos >= minDropIntervalNanos))
        {
            final Notification notification = new Notification(WriterNotifications.DROPPED, source, ++sequence,
                delta + " records dropped because the ring was full");
            notification.setUserData(delta);
            droppedReported = dropped;
            dropSent = true;
            lastDropSentNanos = now;
            sender.accept(notification);
        }
    }

    private void pollState(final WriterMetrics metrics)
    {
        final long restarts = metrics.restarts();
        final boolean restarted = restarts > restartsSeen;
        restartsSeen = restarts;

        final WriterState next;
        if (metrics.fallbackToSync())
        {
            next = WriterState.SYNC_FALLBACK;
        }
        else if (state == WriterState.SYNC_FALLBACK)
        {
            next = WriterState.RESTARTED;
        }
        else if (restarted)
        {
            next = WriterState.RESTARTING;
        }
        else
        {
            next = WriterState.RUNNING;
        }

        final WriterState previous = state;
        state = next;
        if (next == previous || (previous == WriterState.RESTARTED && next == WriterState.RUNNING))
        {
            return; // RESTARTED already told the operator it runs again
        }
        final String error = metrics.lastError();
        final String message = next == WriterState.SYNC_FALLBACK && error != null ?
            "writer " + next.text() + ": " + error : "writer " + next.text();
        final Notification notification = new Notification(WriterNotifications.STATE, source, ++sequence, message);
        notification.setUserData(next.name());
        sender.accept(notification);
    }

    private void pollRolling(final RollingMonitor rolling)
    {
        final long rollovers = rolling.rollovers();
        if (rollovers > rolloversSeen)
        {
            send(WriterNotifications.ROLLOVER, rollovers - rolloversSeen,
                "rolled; now writing " + rolling.currentFile());
            rolloversSeen = rollovers;
        }
        final long failures = rolling.compressionFailures();
        if (failures > failuresSeen)
        {
            send(WriterNotifications.COMPRESSION_FAILED, failures - failuresSeen,
                (failures - failuresSeen) + " rolled file(s) could not be archived and are kept as they are");
            failuresSeen = failures;
        }
    }

    private void send(final String type, final long count, final String message)
    {
        final Notification notification = new Notification(type, source, ++sequence, message);
        notification.setUserData(count);
        sender.accept(notification);
    }
}
