package io.github.unifiedwriter.log4j2;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.github.unifiedwriter.core.Mode;
import io.github.unifiedwriter.core.QueuePolicy;
import io.github.unifiedwriter.core.Setting;
import io.github.unifiedwriter.core.WriterConfig;
import io.github.unifiedwriter.sink.FileSinkOptions;
import io.github.unifiedwriter.sink.FsyncPolicy;
import io.github.unifiedwriter.sink.SinkType;
import org.apache.logging.log4j.Level;

/**
 * Every attribute of one {@code <UnifiedWriter>} element, read, checked alone and checked together.
 *
 * <p>{@link #read} refuses the whole appender when any value is bad or two values contradict each other, and
 * warns about a valid value that has no effect where it stands. Called on the thread that builds the
 * configuration.
 *
 * @param name             the appender's name
 * @param writer           the writer's settings, with no listener yet
 * @param sink             the file sink's settings, with no header yet
 * @param discardThreshold the most severe level a drop policy may drop
 * @param triggerLevel     in manual mode, the least severe level that triggers a write, or null
 * @param jmx              whether the manager registers its MXBean
 * @param ignoreExceptions false lets append errors reach the caller
 */
record AppenderSettings(
    String name,
    WriterConfig writer,
    SinkSettings sink,
    Level discardThreshold,
    Level triggerLevel,
    boolean jmx,
    boolean ignoreExceptions)
{
    /** The most severe level a drop policy may drop. */
    static final Setting<Level> DISCARD_THRESHOLD =
        new Setting<>("discardThreshold", Setting.Form.WORD, Level.INFO, null, null);
    /** In manual mode, the least severe level that writes out the ring; none by default. */
    static final Setting<Level> TRIGGER_LEVEL = new Setting<>("triggerLevel", Setting.Form.WORD, null, null, null);
    /** Whether the MXBean is registered. */
    static final Setting<Boolean> JMX = new Setting<>("jmx", Setting.Form.FLAG, true, null, null);
    /** False lets append failures reach the caller. */
    static final Setting<Boolean> IGNORE_EXCEPTIONS =
        new Setting<>("ignoreExceptions", Setting.Form.FLAG, true, null, null);

    private static final Map<String, FsyncPolicy> FSYNC_WORDS =
        Map.of("never", FsyncPolicy.never(), "batch", FsyncPolicy.batch());

    /** As {@link #read(Map, AttributeNames)} for attributes set from code, by their canonical names. */
    static AppenderSettings read(final Map<String, String> given)
    {
        return read(given, AttributeNames.FROM_CODE);
    }

    /**
     * @param given   the attributes that were set, by canonical name; aliases are already folded in, except
     *                {@code flush} and {@code deadline}, which read bare seconds
     * @param names   the attributes as written: refused when one is written twice, and named in messages
     * @return the settings, or null once every problem is reported
     */
    static AppenderSettings read(final Map<String, String> given, final AttributeNames names)
    {
        final String shownName = given.get("name") == null ? "" : given.get("name");
        final Attributes in = new Attributes(shownName, given, names.written());
        names.refuseRepeats(in);
        final String name = in.required("name");
        final Path file = file(in);
        final boolean append = in.bool(FileSinkOptions.APPEND);
        final Mode mode = in.choice(WriterConfig.MODE, Map.of());
        final Duration tick = in.duration(WriterConfig.TICK, "tick", false);
        final int ringSize = in.count(WriterConfig.RING_SIZE);
        final QueuePolicy policy = in.choice(WriterConfig.POLICY, Map.of("skip", QueuePolicy.DROP_NEWEST));
        final int batchSize = in.count(WriterConfig.BATCH_SIZE);
        final Duration flushInterval = alias(in, WriterConfig.FLUSH_INTERVAL, "flush");
        final int bufferSize = in.size(WriterConfig.BUFFER_SIZE);
        final SinkType type = in.choice(FileSinkOptions.TYPE, Map.of());
        final int regionSize = in.size(FileSinkOptions.REGION_SIZE);
        final FsyncPolicy fsync = fsync(in);
        final boolean async = in.bool(WriterConfig.ASYNC);
        final Duration shutdownTimeout = alias(in, WriterConfig.SHUTDOWN_TIMEOUT, "deadline");
        final Duration blockTimeout = in.duration(WriterConfig.BLOCK_TIMEOUT, "blockTimeout", false);
        final boolean autoRestart = in.bool(WriterConfig.AUTO_RESTART);
        final int maxRestarts = in.count(WriterConfig.MAX_RESTARTS);
        final Level discardThreshold = in.level(DISCARD_THRESHOLD);
        final Level triggerLevel = in.level(TRIGGER_LEVEL);
        final boolean jmx = in.bool(JMX);
        final boolean ignoreExceptions = in.bool(IGNORE_EXCEPTIONS);
        final Set<PosixFilePermission> permissions = in.permissions("filePermissions");
        if (!in.valid())
        {
            return null;
        }

        if (mode == Mode.MANUAL && !async)
        {
            in.conflict("mode", "manual", "async", "false",
                "manual mode holds records in the ring until a trigger, and synchronous writing has no ring");
        }
        final boolean drops = policy != QueuePolicy.BLOCK || blockTimeout != null;
        if (mode == Mode.MANUAL && triggerLevel != null && drops && triggerLevel.isLessSpecificThan(discardThreshold))
        {
            in.conflict("triggerLevel", triggerLevel, "discardThreshold", discardThreshold,
                "a triggering event could itself be dropped; make triggerLevel more severe than discardThreshold");
        }
        Memory.check(in, async, ringSize, type, bufferSize);
        if (!in.valid())
        {
            return null;
        }
        warnAboutNoEffect(in, mode, policy, type, async, autoRestart, blockTimeout);
        final int slots = WriterConfig.slots(ringSize);
        if (async && in.isSet("batchSize") && batchSize > slots / 2)
        {
            in.adjusted("batchSize", "is more than half the ring of " + slots + " slots: a batch holds at most " +
                slots / 2 + " records, the BatchSize that JMX shows");
        }

        final WriterConfig config;
        try
        {
            config = WriterConfig.builder().name(name).ringSize(ringSize).policy(policy).mode(mode)
                .batchSize(batchSize).bufferSize(bufferSize).flushInterval(flushInterval).tick(tick)
                .autoRestart(autoRestart).maxRestarts(maxRestarts).shutdownTimeout(shutdownTimeout)
                .blockTimeout(blockTimeout).async(async).build();
        }
        catch (final IllegalArgumentException ex)
        {
            in.refuse(ex.getMessage());
            return null;
        }
        final SinkSettings sink = new SinkSettings(file, type, append, bufferSize, regionSize, fsync,
            permissions, null);
        return new AppenderSettings(name, config, sink, discardThreshold, mode == Mode.MANUAL ? triggerLevel : null,
            jmx, ignoreExceptions);
    }

    private static Path file(final Attributes in)
    {
        final String fileName = in.required("fileName");
        if (fileName == null)
        {
            return null;
        }
        try
        {
            return Path.of(fileName).toAbsolutePath().normalize();
        }
        catch (final InvalidPathException ex)
        {
            in.reject("fileName", ex.getReason(), "a file path");
            return null;
        }
    }

    /** A duration and its compatibility alias, which also reads a bare number of seconds. */
    private static Duration alias(final Attributes in, final Setting<Duration> setting, final String alias)
    {
        final String attribute = setting.name();
        if (in.isSet(attribute) && in.isSet(alias))
        {
            in.conflict(attribute, in.text(attribute), alias, in.text(alias),
                alias + " is another name for " + attribute + "; set only one");
            return setting.byDefault();
        }
        return in.isSet(alias) ? in.duration(setting, alias, true) : in.duration(setting, attribute, false);
    }

    private static FsyncPolicy fsync(final Attributes in)
    {
        final String value = in.text(FileSinkOptions.FSYNC.name());
        if (value == null)
        {
            return FileSinkOptions.FSYNC.byDefault();
        }
        final FsyncPolicy word = FSYNC_WORDS.get(value.trim().toLowerCase(Locale.ROOT));
        if (word != null)
        {
            return word;
        }
        final String accepted = "never, batch, or a positive duration of at most " +
            Setting.Form.DURATION.text(FsyncPolicy.MAX_INTERVAL) + ", such as 1s";
        try
        {
            final Duration interval = Durations.parse(value);
            if (!interval.isZero() && interval.compareTo(FsyncPolicy.MAX_INTERVAL) <= 0)
            {
                return FsyncPolicy.every(interval);
            }
            in.reject("fsync", interval.isZero() ? "zero is meaningless here" : "longer than a day", accepted);
        }
        catch (final IllegalArgumentException ex)
        {
            in.reject("fsync", ex.getMessage(), accepted);
        }
        return FileSinkOptions.FSYNC.byDefault();
    }

    private static void warnAboutNoEffect(final Attributes in, final Mode mode, final QueuePolicy policy,
        final SinkType type, final boolean async, final boolean autoRestart, final Duration blockTimeout)
    {
        if (mode != Mode.MANUAL)
        {
            in.noEffect("triggerLevel", "outside manual mode");
        }
        if (type != SinkType.MMAP)
        {
            in.noEffect("regionSize", "with the " + type.name().toLowerCase(Locale.ROOT) + " writer");
        }
        if (!async)
        {
            for (final String attribute : List.of("ringSize", "policy", "batchSize", "mode", "tick", "flushInterval",
                "flush", "blockTimeout", "discardThreshold", "autoRestart", "maxRestarts"))
            {
                in.noEffect(attribute, "when async is false: records are written on the caller's thread");
            }
            return;
        }
        if (mode != Mode.LOOP)
        {
            in.noEffect("tick", "outside loop mode");
        }
        if (policy != QueuePolicy.BLOCK)
        {
            in.noEffect("blockTimeout", "outside the block policy");
        }
        else if (blockTimeout == null)
        {
            in.noEffect("discardThreshold", "under the block policy without a blockTimeout: nothing is dropped");
        }
        if (!autoRestart)
        {
            in.noEffect("maxRestarts", "when autoRestart is false");
        }
    }
}
