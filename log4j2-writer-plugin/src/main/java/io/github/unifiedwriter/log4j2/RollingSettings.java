package io.github.unifiedwriter.log4j2;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.regex.Pattern;

import io.github.unifiedwriter.core.Setting;

import org.apache.logging.log4j.core.appender.rolling.CompositeTriggeringPolicy;
import org.apache.logging.log4j.core.appender.rolling.CronTriggeringPolicy;
import org.apache.logging.log4j.core.appender.rolling.DefaultRolloverStrategy;
import org.apache.logging.log4j.core.appender.rolling.DirectFileRolloverStrategy;
import org.apache.logging.log4j.core.appender.rolling.NoOpTriggeringPolicy;
import org.apache.logging.log4j.core.appender.rolling.OnStartupTriggeringPolicy;
import org.apache.logging.log4j.core.appender.rolling.PatternProcessor;
import org.apache.logging.log4j.core.appender.rolling.RolloverFrequency;
import org.apache.logging.log4j.core.appender.rolling.RolloverStrategy;
import org.apache.logging.log4j.core.appender.rolling.SizeBasedTriggeringPolicy;
import org.apache.logging.log4j.core.appender.rolling.TimeBasedTriggeringPolicy;
import org.apache.logging.log4j.core.appender.rolling.TriggeringPolicy;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.NullConfiguration;

/**
 * What a rolling appender rolls on and how it names its files: {@code filePattern}, Log4j2's own triggering
 * policies (flattened out of {@code <Policies>}) and its rollover strategy. {@link #read} checks them together
 * and refuses them, naming the attribute or element, when they contradict each other or cannot give distinct names.
 *
 * <p>Called on the thread that builds the configuration.
 *
 * @param filePattern the names of the rolled files, in Log4j2's {@code filePattern} syntax
 * @param policies    the triggering policies, none of them composite
 * @param strategy    the strategy that names, shifts, compresses and purges the rolled files
 */
record RollingSettings(String filePattern, List<TriggeringPolicy> policies, RolloverStrategy strategy)
{
    /** Whether the file is reopened by name after an outside tool renamed it. */
    static final Setting<Boolean> REOPEN_ON_RENAME =
        new Setting<>("reopenOnRename", Setting.Form.FLAG, false, null, null);

    /** Log4j2's own test for a {@code %i} in a pattern. */
    private static final Pattern COUNTER = Pattern.compile("%(0)?(\\d+)?i");

    /** Whether the appender writes straight to the pattern's current name, with no file to rename. */
    boolean directWrite()
    {
        return strategy instanceof DirectFileRolloverStrategy;
    }

    /** Whether the pattern has a {@code %i}, so that two rolls in one period still get distinct names. */
    boolean counted()
    {
        return COUNTER.matcher(filePattern).find();
    }

    /** The size limit of the first size policy, or 0 for none. */
    long maxFileSize()
    {
        for (final TriggeringPolicy policy : policies)
        {
            if (policy instanceof SizeBasedTriggeringPolicy)
            {
                return ((SizeBasedTriggeringPolicy)policy).getMaxFileSize();
            }
        }
        return 0;
    }

    /**
     * @param appender    the appender's name, for messages
     * @param fileName    the {@code fileName} attribute, or null
     * @param filePattern the {@code filePattern} attribute, or null
     * @param policy      the nested triggering policy, single or {@code <Policies>}, or null
     * @param strategy    the nested rollover strategy, or null for Log4j2's default one
     * @return the settings, or null when the appender does not roll
     * @throws IllegalArgumentException with the reason, naming the attribute or element, when they cannot work
     */
    static RollingSettings read(final String fileName, final String filePattern, final TriggeringPolicy policy,
        final RolloverStrategy strategy, final Configuration configuration)
    {
        if (filePattern == null && policy == null && strategy == null)
        {
            return null;
        }
        if (filePattern == null || filePattern.isBlank())
        {
            throw refuse("a rollover " + (policy != null ? "policy" : "strategy") +
                " needs filePattern, the names of the rolled files; add filePattern=\"...\" or remove the element");
        }
        if (policy == null)
        {
            throw refuse("filePattern=\"" + filePattern + "\" needs a triggering policy: nest " +
                "SizeBasedTriggeringPolicy, TimeBasedTriggeringPolicy, CronTriggeringPolicy or " +
                "OnStartupTriggeringPolicy, alone or inside <Policies>");
        }
        final List<TriggeringPolicy> policies = new ArrayList<>();
        flatten(policy, policies);
        for (final TriggeringPolicy each : policies)
        {
            if (!(each instanceof SizeBasedTriggeringPolicy || each instanceof TimeBasedTriggeringPolicy ||
                each instanceof CronTriggeringPolicy || each instanceof OnStartupTriggeringPolicy ||
                each instanceof NoOpTriggeringPolicy))
            {
                throw refuse("the triggering policy " + each.getClass().getSimpleName() +
                    " is not supported; accepted: SizeBasedTriggeringPolicy, TimeBasedTriggeringPolicy, " +
                    "CronTriggeringPolicy, OnStartupTriggeringPolicy, inside <Policies> or alone");
            }
        }
        final RolloverStrategy chosen = strategy != null ? strategy : DefaultRolloverStrategy.newBuilder()
            .setConfig(configuration != null ? configuration : new NullConfiguration()).build();
        final RollingSettings settings = new RollingSettings(filePattern, List.copyOf(policies), chosen);
        if (settings.directWrite() && fileName != null)
        {
            throw refuse("fileName=\"" + fileName + "\" conflicts with " +
                "DirectWriteRolloverStrategy, which writes straight to the names filePattern gives; remove fileName");
        }
        if (!settings.directWrite() && fileName == null)
        {
            throw refuse("fileName is required: only DirectWriteRolloverStrategy writes without one");
        }
        final String distinct = settings.whyNamesCollide();
        if (distinct != null)
        {
            throw refuse("filePattern=\"" + filePattern + "\" cannot give each rolled file its own " +
                "name: " + distinct);
        }
        return settings;
    }

    /**
     * Reads {@code reopenOnRename}, which follows external rotation and so cannot go with rolling.
     *
     * @throws IllegalArgumentException with the reason, when the text is no boolean or contradicts filePattern
     */
    static boolean reopenOnRename(final String text, final String filePattern)
    {
        if (text == null)
        {
            return REOPEN_ON_RENAME.byDefault();
        }
        final String word = text.trim();
        if (!"true".equalsIgnoreCase(word) && !"false".equalsIgnoreCase(word))
        {
            throw refuse("invalid reopenOnRename=\"" + text + "\": not a boolean. Accepted: true or false");
        }
        final boolean reopen = Boolean.parseBoolean(word);
        if (reopen && filePattern != null)
        {
            throw refuse("reopenOnRename=\"" + text + "\" conflicts with filePattern=\"" + filePattern + "\": the " +
                "appender rolls its own files, and reopenOnRename follows a rotation made outside it; keep one");
        }
        return reopen;
    }

    /** Why two rolled files could get one name, or null when they cannot. */
    private String whyNamesCollide()
    {
        final RolloverFrequency unit;
        try
        {
            unit = new PatternProcessor(filePattern).getFrequency();
        }
        catch (final RuntimeException ex)
        {
            return "it cannot be read: " + ex.getMessage();
        }
        for (final TriggeringPolicy policy : policies)
        {
            final String name = policy.getClass().getSimpleName();
            if ((policy instanceof SizeBasedTriggeringPolicy || policy instanceof OnStartupTriggeringPolicy) &&
                !counted())
            {
                return name + " can roll twice in one period; add %i";
            }
            if (policy instanceof TimeBasedTriggeringPolicy && unit == null)
            {
                return name + " rolls at the pattern's %d unit, and the pattern has no %d; add one such as " +
                    "%d{yyyy-MM-dd}";
            }
            if (policy instanceof CronTriggeringPolicy && !counted())
            {
                if (unit == null)
                {
                    return name + " rolls at its schedule, and the pattern has neither %d nor %i; add one";
                }
                final long period = cronPeriod((CronTriggeringPolicy)policy);
                if (period < millis(unit))
                {
                    return name + "(schedule=" + ((CronTriggeringPolicy)policy).getCronExpression()
                        .getCronExpression() + ") rolls more often than the pattern's %d unit (" + unit +
                        "); add %i or a finer %d";
                }
            }
        }
        return null;
    }

    /** The shortest gap between two of the schedule's next few fire times. */
    private static long cronPeriod(final CronTriggeringPolicy cron)
    {
        long shortest = Long.MAX_VALUE;
        Date at = cron.getCronExpression().getNextValidTimeAfter(new Date());
        for (int i = 0; i < 8 && at != null; i++)
        {
            final Date next = cron.getCronExpression().getNextValidTimeAfter(at);
            if (next != null)
            {
                shortest = Math.min(shortest, next.getTime() - at.getTime());
            }
            at = next;
        }
        return shortest;
    }

    private static long millis(final RolloverFrequency unit)
    {
        switch (unit)
        {
            case ANNUALLY:
                return 365L * 86_400_000L;
            case MONTHLY:
                return 28L * 86_400_000L;
            case WEEKLY:
                return 7L * 86_400_000L;
            case DAILY:
                return 86_400_000L;
            case HOURLY:
                return 3_600_000L;
            case EVERY_MINUTE:
                return 60_000L;
            case EVERY_SECOND:
                return 1_000L;
            default:
                return 1L;
        }
    }

    private static void flatten(final TriggeringPolicy policy, final List<TriggeringPolicy> into)
    {
        if (policy instanceof CompositeTriggeringPolicy)
        {
            for (final TriggeringPolicy each : ((CompositeTriggeringPolicy)policy).getTriggeringPolicies())
            {
                flatten(each, into);
            }
        }
        else if (policy != null)
        {
            into.add(policy);
        }
    }

    private static IllegalArgumentException refuse(final String reason)
    {
        return new IllegalArgumentException(reason);
    }
}
