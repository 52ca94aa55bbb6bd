package io.github.unifiedwriter.log4j2;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;

import io.github.unifiedwriter.core.BatchDestination;
import io.github.unifiedwriter.core.BatchDestination.RecordBatch;
import io.github.unifiedwriter.sink.FileSinkOptions;
import org.apache.logging.log4j.core.appender.rolling.DirectFileRolloverStrategy;
import org.apache.logging.log4j.core.appender.rolling.RolloverDescription;
import org.apache.logging.log4j.status.StatusLogger;

/**
 * A file sink that rolls, between two records, on the thread that writes. It splits a batch where the next record
 * would take the file over the size limit (footer included), rolls when the period ends (checked before each batch
 * and from {@link #idle()}, so an idle file closes its period too), and on a {@code rollover()} request.
 *
 * <p>The writer's part of a rollover is short: the footer, close, one atomic rename out of the way (none with a
 * direct-write strategy), and the new file with its header. Naming, compression and purging run on the
 * {@link Archiver}'s thread. A period with no records leaves no rolled file.
 *
 * <p>Time is each event's own time, carried in its ring slot: a record logged just before a boundary and written
 * just after it still goes to the file of its period. Producers that race the boundary can publish out of time
 * order; once a record at or past the boundary has rolled the file, a later one from before it goes to the new
 * file, as does a record that arrives after an idle rollover closed its period on the writer's clock. A record
 * is never held back to wait for stragglers.
 *
 * <p>One writing thread at a time calls the {@link BatchDestination} methods; the manager calls {@link #finish}
 * once the last writer has stopped.
 */
final class RollingFile extends SwitchingFile
{
    private final RollingSinks owner;
    private RollingSettings rolling;
    private ManagerView clock;
    private RollSchedule schedule;
    private long maxSize;
    private final SubBatch range = new SubBatch();
    private Path active;
    /** Bytes of the active file that reached it. */
    private long bytes;
    /** Bytes of the active file with no record in it: its header. */
    private long empty;
    /** Bytes kept free at the end of the file for its footer. */
    private long footerRoom;
    /** Whether the next open is the appender's first, which honours {@code append="false"}. */
    private boolean first;

    private RollingFile(final RollingSinks owner, final SinkFactory files, final SinkSettings settings,
        final boolean starting, final RollingSettings rolling) throws IOException
    {
        super(files, settings);
        this.owner = owner;
        this.rolling = rolling;
        this.maxSize = rolling.maxFileSize();
        this.clock = new ManagerView(rolling.directWrite() ? null : settings.file().toString(),
            rolling.filePattern(), 0, null, rolling.strategy());
        final long now = System.currentTimeMillis();
        this.active = activePath();
        final BasicFileAttributes found = attributes(active);
        clock.describe(found == null ? 0 : found.size(), found == null ? 0 : fileTime(found));
        this.schedule = new RollSchedule(rolling, clock, starting, now);
        this.first = starting;
        if (starting && !rolling.directWrite())
        {
            ArchiveRecovery.run(rolling, active, owner.archiver);
            RawFiles.requeue(active, owner.archiver, rolling, permissions());
        }
        final long startupNaming = schedule.startupRoll(now);
        if (startupNaming != 0 && found != null && found.size() > 0)
        {
            moveAside(startupNaming);
            owner.rolled(now, activePath().toString());
        }
    }

    /**
     * Opens the active file, rolling first what an on-startup policy asks to roll.
     *
     * @param starting true at the appender's first start, false when the manager reopens the file
     */
    static RollingFile open(final RollingSinks owner, final SinkFactory files, final SinkSettings settings,
        final boolean starting, final RollingSettings rolling) throws IOException
    {
        final RollingFile file = new RollingFile(owner, files, settings, starting, rolling);
        file.openNext();
        return file;
    }

    /**
     * Writes the batch, rolling between two records: before the first record whose event time is at or past the
     * end of the period, and before a record that would take the file over its size. A record without a time is
     * filed at the writer's clock.
     */
    @Override
    public void write(final RecordBatch batch) throws IOException
    {
        if (sink == null)
        {
            openNext();
        }
        final long now = System.currentTimeMillis();
        rollIfAsked(now);
        final int n = batch.size();
        int from = 0;
        long pending = 0;
        for (int i = 0; i < n; i++)
        {
            final long given = batch.time(i);
            final long time = given == RecordBatch.NO_TIME ? now : given;
            final long length = batch.length(i);
            final long held = bytes + pending;
            final boolean periodOver = schedule.due(time);
            if (periodOver || maxSize > 0 && held + length + footerRoom > maxSize && held > empty)
            {
                writeRange(batch, from, i, pending);
                pending = 0;
                from = i;
                if (periodOver)
                {
                    endPeriod(schedule.advance(time));
                }
                else
                {
                    roll(schedule.withinPeriod(time));
                }
            }
            pending += length;
        }
        writeRange(batch, from, n, pending);
    }

    /**
     * The last appender let go: writes the footer, closes the file, and lets the background work run until
     * {@code deadline} ({@link System#nanoTime()}), the end of the stop's one {@code shutdownTimeout} budget.
     */
    void finish(final byte[] footer, final long deadline) throws IOException
    {
        try
        {
            final BatchDestination last = sink;
            sink = null;
            if (last != null)
            {
                Footer.closeWith(last, footer);
            }
        }
        finally
        {
            owner.archiver.stop(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
        }
    }

    /** Rolls when the period has ended on the writer's clock, with no record to say so, or a rollover was asked for. */
    @Override
    void switchIfDue(final long now) throws IOException
    {
        rollIfAsked(now);
        if (schedule.due(now))
        {
            endPeriod(schedule.advance(now));
        }
    }

    /** Rolls now if JMX asked for it, unless the pattern could not name a second file in this period. */
    private void rollIfAsked(final long now) throws IOException
    {
        if (owner.takeRequest())
        {
            if (!rolling.counted())
            {
                StatusLogger.getLogger().warn("UnifiedWriter \"{}\": rollover() ignored: filePattern=\"{}\" has no " +
                    "%i, so a second file in this period would take the name of the first", owner.appender,
                    rolling.filePattern());
            }
            else if (bytes > empty)
            {
                roll(schedule.withinPeriod(now));
            }
        }
    }

    /** Writes records {@code from} to {@code to}, which hold {@code length} bytes, and counts what reached the file. */
    private void writeRange(final RecordBatch batch, final int from, final int to, final long length)
        throws IOException
    {
        if (from == to)
        {
            return;
        }
        final SubBatch part = range.over(batch, from, to);
        try
        {
            sink.write(part);
        }
        catch (final IOException | RuntimeException ex)
        {
            bytes += part.confirmedBytes();
            throw ex;
        }
        bytes += length;
    }

    /**
     * The period is over: the file rolls if it holds a record. An empty file is not rolled; with a direct-write
     * strategy, whose file is named for its period, it is replaced by one named for the new period.
     */
    private void endPeriod(final long naming) throws IOException
    {
        if (bytes > empty)
        {
            roll(naming);
        }
        else if (rolling.directWrite())
        {
            final BatchDestination closing = sink;
            sink = null;
            closing.close();
            Files.deleteIfExists(active);
            ((DirectFileRolloverStrategy)rolling.strategy()).clearCurrentFileName();
            openNext();
        }
    }

    /** The writer's part: footer, close, move aside, then the new file with its header. */
    private void roll(final long naming) throws IOException
    {
        final BatchDestination closing = sink;
        sink = null;
        Footer.closeWith(closing, owner.layout.getFooter());
        moveAside(naming);
        final long now = System.currentTimeMillis();
        final RollingSettings update = owner.takeUpdate();
        if (update != null)
        {
            rolling = update;
            maxSize = update.maxFileSize();
            clock = new ManagerView(update.directWrite() ? null : settings.file().toString(), update.filePattern(), 0,
                null, update.strategy());
            schedule = new RollSchedule(update, clock, false, now);
        }
        openNext();
        owner.rolled(now, active.toString());
    }

    /** Moves the closed active file out of the way and queues its background work. */
    private void moveAside(final long naming) throws IOException
    {
        if (rolling.directWrite())
        {
            final RolloverDescription description = rolling.strategy().rollover(clock);
            if (description != null)
            {
                owner.archiver.run(description.getAsynchronous(), description.getActiveFileName());
            }
            active = activePath();
            return;
        }
        final Path raw = RawFiles.name(active, naming);
        Files.move(active, raw, StandardCopyOption.ATOMIC_MOVE);
        owner.archiver.archive(raw, naming, rolling, permissions());
    }

    /** Opens the active file of the current period, with the layout's header when the file is new. */
    @Override
    void openNext() throws IOException
    {
        active = activePath();
        final byte[] header = owner.layout.getHeader();
        final byte[] footer = owner.layout.getFooter();
        final BasicFileAttributes found = attributes(active);
        final long size = found == null || (first && !settings.append()) ? 0 : found.size();
        final boolean append = !first || settings.append();
        sink = files.open(new SinkSettings(active, settings.type(), append, settings.bufferSize(),
            regionSize(), settings.fsync(), settings.permissions(), header));
        first = false;
        final long headerLength = header == null ? 0 : header.length;
        bytes = size == 0 ? headerLength : size;
        empty = size == 0 || size == headerLength ? headerLength : 0;
        footerRoom = footer == null ? 0 : footer.length;
        owner.opened(active.toString());
    }

    /** A mapped region no larger than a rolled file needs: each new file reserves one region at once. */
    private long regionSize()
    {
        if (maxSize <= 0)
        {
            return settings.regionSize();
        }
        final long page = FileSinkOptions.REGION_SIZE.min();
        return Math.min(settings.regionSize(), Math.max(page, (maxSize + page - 1) / page * page));
    }

    private Path activePath()
    {
        if (rolling.directWrite())
        {
            return Path.of(((DirectFileRolloverStrategy)rolling.strategy()).getCurrentFileName(clock))
                .toAbsolutePath();
        }
        return settings.file();
    }

    /** {@return the mode of new files as text, for the strategy's compressed files, or null} */
    private String permissions()
    {
        return settings.permissions() == null ? null :
            java.nio.file.attribute.PosixFilePermissions.toString(settings.permissions());
    }

    private static BasicFileAttributes attributes(final Path path)
    {
        try
        {
            return Files.readAttributes(path, BasicFileAttributes.class);
        }
        catch (final IOException ex)
        {
            return null;
        }
    }

    /**
     * When the file was last written: what {@code OnStartupTriggeringPolicy} compares with the JVM's start, and what
     * the time policies start their first period from. The creation time is not used: where the file system keeps
     * none, Java reports the last change as the creation.
     */
    private static long fileTime(final BasicFileAttributes attributes)
    {
        return attributes.lastModifiedTime().toMillis();
    }
}
