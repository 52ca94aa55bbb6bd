package io.github.unifiedwriter.log4j2;

import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

import io.github.unifiedwriter.core.Mode;
import io.github.unifiedwriter.core.Setting;
import io.github.unifiedwriter.sink.FsyncPolicy;
import io.github.unifiedwriter.sink.SinkType;
import org.apache.logging.log4j.status.StatusLogger;

/**
 * The settings of the one writer that every appender on a file shares: two appenders of one configuration may
 * name the same file only when these agree. Layout, filter, {@code discardThreshold}, {@code triggerLevel} and
 * {@code ignoreExceptions} act in each appender and may differ. A setting that has no effect where it stands
 * ({@code tick} outside loop mode, {@code regionSize} without the mmap writer) is not compared. Used by the
 * thread that builds the configuration.
 */
final class SharedSettings
{
    private static final Map<String, Function<AppenderSettings, Object>> SHARED = new LinkedHashMap<>();

    static
    {
        SHARED.put("writerType", (s) -> s.sink().type());
        SHARED.put("async", (s) -> s.writer().async());
        SHARED.put("mode", (s) -> s.writer().mode());
        SHARED.put("tick", (s) -> s.writer().mode() == Mode.LOOP ? s.writer().tick() : null);
        SHARED.put("ringSize", (s) -> s.writer().ringSize());
        SHARED.put("policy", (s) -> s.writer().policy());
        SHARED.put("batchSize", (s) -> s.writer().batchSize());
        SHARED.put("flushInterval", (s) -> s.writer().flushInterval());
        SHARED.put("bufferSize", (s) -> Setting.Form.SIZE.text(s.sink().bufferSize()));
        SHARED.put("regionSize", (s) -> s.sink().type() == SinkType.MMAP ?
            Setting.Form.SIZE.text(s.sink().regionSize()) : null);
        SHARED.put("fsync", (s) -> s.sink().fsync());
        SHARED.put("append", (s) -> s.sink().append());
        SHARED.put("shutdownTimeout", (s) -> s.writer().shutdownTimeout());
        SHARED.put("blockTimeout", (s) -> s.writer().blockTimeout());
        SHARED.put("autoRestart", (s) -> s.writer().autoRestart());
        SHARED.put("maxRestarts", (s) -> s.writer().maxRestarts());
        SHARED.put("filePermissions", (s) -> s.sink().permissions());
        SHARED.put("jmx", AppenderSettings::jmx);
    }

    private SharedSettings()
    {
    }

    /**
     * A reload (another configuration, or the same appender again) may change anything; another appender of the
     * same configuration must agree, and is refused, with an ERROR, when it does not.
     *
     * @param holder what the appender that holds the file asked for
     * @param asking what another appender, or a reload, asks for
     * @throws Disagreement naming both appenders and the first setting that differs
     */
    static void requireAgreement(final UnifiedWriterManager.Data holder, final UnifiedWriterManager.Data asking)
    {
        final AppenderSettings running = holder.settings();
        final AppenderSettings later = asking.settings();
        if (asking.configuration() == null || asking.configuration() != holder.configuration() ||
            later.name().equals(running.name()))
        {
            return;
        }
        for (final Map.Entry<String, Function<AppenderSettings, Object>> setting : SHARED.entrySet())
        {
            final Object theirs = setting.getValue().apply(running);
            final Object ours = setting.getValue().apply(later);
            if (!Objects.equals(theirs, ours))
            {
                final String attribute = setting.getKey();
                final String message = String.format(Locale.ROOT, "UnifiedWriter appender \"%s\" writes %s, as " +
                    "appender \"%s\" does, with %s=\"%s\" where \"%s\" has %s=\"%s\". Appenders share one writer " +
                    "per file only when its settings agree; set them alike on every appender of the file, or use " +
                    "another file. The appender is not created.", later.name(), later.sink().file(), running.name(),
                    attribute, shown(ours), running.name(), attribute, shown(theirs));
                StatusLogger.getLogger().error(message);
                throw new Disagreement(message);
            }
        }
    }

    /**
     * Refuses a later appender on the file, once reported: thrown out of Log4j2's manager lookup before the shared
     * writer changes, and taken there as any manager that could not be had.
     */
    static final class Disagreement extends IllegalStateException
    {
        private static final long serialVersionUID = 1L;

        Disagreement(final String message)
        {
            super(message);
        }
    }

    /** A value as an attribute would give it. */
    @SuppressWarnings("unchecked")
    private static String shown(final Object value)
    {
        if (value instanceof Duration)
        {
            return Setting.Form.DURATION.text((Duration)value);
        }
        if (value instanceof FsyncPolicy && ((FsyncPolicy)value).interval() != null)
        {
            return Setting.Form.DURATION.text(((FsyncPolicy)value).interval());
        }
        if (value instanceof Enum)
        {
            return ((Enum<?>)value).name().toLowerCase(Locale.ROOT);
        }
        if (value instanceof Set)
        {
            return PosixFilePermissions.toString((Set<PosixFilePermission>)value);
        }
        return value == null ? "none" : value.toString();
    }
}
