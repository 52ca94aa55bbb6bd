package io.github.unifiedwriter.log4j2;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.apache.logging.log4j.core.appender.rolling.CronTriggeringPolicy;
import org.apache.logging.log4j.core.appender.rolling.OnStartupTriggeringPolicy;
import org.apache.logging.log4j.core.appender.rolling.PatternProcessor;
import org.apache.logging.log4j.core.appender.rolling.TimeBasedTriggeringPolicy;
import org.apache.logging.log4j.core.appender.rolling.TriggeringPolicy;
import org.apache.logging.log4j.core.impl.Log4jLogEvent;
import org.apache.logging.log4j.core.util.CronExpression;
import org.apache.logging.log4j.status.StatusLogger;

/**
 * When the active file's period ends, read from Log4j2's own policies on the writer thread.
 *
 * <p>Each {@code TimeBasedTriggeringPolicy} is initialized against the writer's {@link ManagerView} and keeps its
 * own next rollover time, {@code interval}, {@code modulate} and {@code maxRandomDelay} included; the writer reads
 * that time and, once it has passed, lets the policy move to the next one. A cron schedule is read from its
 * expression, never scheduled on Log4j2's thread; with {@code evaluateOnStartup}, a file last written in an
 * earlier cron period rolls at start under that period's name, as in Log4j2. {@code OnStartupTriggeringPolicy} is
 * initialized as in Log4j2 and only notes its request. Writer thread only, after construction.
 */
final class RollSchedule
{
    private final ManagerView view;
    private final List<TimeBasedTriggeringPolicy> times = new ArrayList<>();
    private final List<CronExpression> crons = new ArrayList<>();
    private long lastCron;
    private long nextCron = Long.MAX_VALUE;
    private long next = Long.MAX_VALUE;
    /** The name of the period of a file a cron policy rolls at start, or 0. */
    private long cronStartup;

    /**
     * Initializes the policies against {@code view}, which already describes the active file.
     *
     * @param starting true at the appender's first start, when {@code OnStartupTriggeringPolicy} may ask to roll
     */
    RollSchedule(final RollingSettings rolling, final ManagerView view, final boolean starting, final long now)
    {
        this.view = view;
        for (final TriggeringPolicy policy : rolling.policies())
        {
            if (policy instanceof TimeBasedTriggeringPolicy)
            {
                policy.initialize(view);
                times.add((TimeBasedTriggeringPolicy)policy);
            }
            else if (policy instanceof CronTriggeringPolicy)
            {
                final CronExpression cron = ((CronTriggeringPolicy)policy).getCronExpression();
                crons.add(cron);
                if (starting && view.getFileTime() != 0 && evaluatesOnStartup((CronTriggeringPolicy)policy))
                {
                    final Date fileFire = cron.getPrevFireTime(new Date(view.getFileTime()));
                    final Date nowFire = cron.getPrevFireTime(new Date(now));
                    if (fileFire != null && nowFire != null && fileFire.before(nowFire))
                    {
                        cronStartup = Math.max(cronStartup, fileFire.getTime());
                    }
                }
            }
            else if (starting && policy instanceof OnStartupTriggeringPolicy)
            {
                policy.initialize(view);
            }
        }
        if (!crons.isEmpty())
        {
            lastCron = previousFire(now);
            nextCron = nextFire(now);
            final PatternProcessor processor = view.getPatternProcessor();
            processor.setPrevFileTime(lastCron);
            processor.setCurrentFileTime(lastCron);
            processor.setTimeBased(true);
        }
        next = earliest();
    }

    /**
     * Whether a policy asks to roll the file found at start: {@code OnStartupTriggeringPolicy}, or a cron policy
     * with {@code evaluateOnStartup} whose file is from an earlier period.
     *
     * @return the time that names the rolled file, or 0 for no roll
     */
    long startupRoll(final long now)
    {
        final boolean onStartup = view.takeRollRequest();
        if (cronStartup != 0)
        {
            return cronStartup;
        }
        return onStartup ? withinPeriod(now) : 0;
    }

    /** {@return the earliest end of the current period, or {@code Long.MAX_VALUE} when nothing rolls on time} */
    long next()
    {
        return next;
    }

    boolean due(final long now)
    {
        return now >= next;
    }

    /**
     * Moves every policy whose period has ended past {@code now}.
     *
     * @return the time that names the period that ended, as Log4j2 names it
     */
    long advance(final long now)
    {
        long naming = 0;
        for (final TimeBasedTriggeringPolicy policy : times)
        {
            if (now >= policy.getNextRolloverMillis() &&
                policy.isTriggeringEvent(Log4jLogEvent.newBuilder().setTimeMillis(now).build()))
            {
                naming = view.getPatternProcessor().getPrevFileTime();
            }
        }
        if (now >= nextCron)
        {
            naming = lastCron;
            lastCron = previousFire(now);
            nextCron = nextFire(now);
            view.getPatternProcessor().setPrevFileTime(naming);
        }
        next = earliest();
        return naming != 0 ? naming : now;
    }

    /** {@return the time that names a file rolled within the period: by size, on request or at start} */
    long withinPeriod(final long now)
    {
        final PatternProcessor processor = view.getPatternProcessor();
        if (!crons.isEmpty())
        {
            return lastCron;
        }
        processor.updateTime();
        final long naming = processor.getPrevFileTime();
        return naming != 0 ? naming : now;
    }

    private long earliest()
    {
        long earliest = nextCron;
        for (final TimeBasedTriggeringPolicy policy : times)
        {
            earliest = Math.min(earliest, policy.getNextRolloverMillis());
        }
        return earliest;
    }

    private long nextFire(final long now)
    {
        long soonest = Long.MAX_VALUE;
        for (final CronExpression cron : crons)
        {
            final Date at = cron.getNextValidTimeAfter(new Date(now));
            if (at != null)
            {
                soonest = Math.min(soonest, at.getTime());
            }
        }
        return soonest;
    }

    private long previousFire(final long now)
    {
        long latest = 0;
        for (final CronExpression cron : crons)
        {
            final Date at = cron.getPrevFireTime(new Date(now + 1));
            if (at != null)
            {
                latest = Math.max(latest, at.getTime());
            }
        }
        return latest != 0 ? latest : now;
    }

    /**
     * Log4j2 keeps {@code evaluateOnStartup} private; it is read so that the attribute keeps its meaning here. Where
     * it cannot be read, a warning says it is not honoured.
     */
    private static boolean evaluatesOnStartup(final CronTriggeringPolicy policy)
    {
        try
        {
            final Field field = CronTriggeringPolicy.class.getDeclaredField("checkOnStartup");
            field.setAccessible(true);
            return field.getBoolean(policy);
        }
        catch (final ReflectiveOperationException | RuntimeException ex)
        {
            StatusLogger.getLogger().warn("UnifiedWriter: the CronTriggeringPolicy's evaluateOnStartup could not be " +
                "read ({}), so a file from an earlier period is not rolled at start", ex.toString());
            return false;
        }
    }
}
