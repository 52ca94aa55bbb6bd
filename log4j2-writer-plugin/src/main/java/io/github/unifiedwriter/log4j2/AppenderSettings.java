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
import io.github.unifiedwriter.core.WriterConfig;
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
    static final long MAX_SIZE = 1L << 30;
    static final long MIN_REGION_SIZE = 4096;
    static final Duration MAX_FSYNC_INTERVAL = Duration.ofDays(1);

    private static final Map<String, Mode> MODES = Map.of("trigger", Mode.TRIGGER, "loop", Mode.LOOP,
        "manual", Mode.MANUAL);
    private static final Map<String, QueuePolicy> POLICIES = Map.of("block", QueuePolicy.BLOCK,
        "drop_newest", QueuePolicy.DROP_NEWEST, "skip", QueuePolicy.DROP_NEWEST,
        "drop_oldest", QueuePolicy.DROP_OLDEST, "warn", QueuePolicy.WARN);
    private static final Map<String, WriterType> WRITER_TYPES = Map.of("block", WriterType.BLOCK,
        "line", WriterType.LINE, "mmap", WriterType.MMAP);
    private static final Map<String, Fsync> FSYNC_WORDS = Map.of("never", Fsync.NEVER, "batch", Fsync.BATCH);

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
        final boolean append = in.bool("append", true);
        final Mode mode = in.choice("mode", Mode.TRIGGER, MODES, "trigger, loop or manual");
        final Duration tick = in.duration("tick", Duration.ofMillis(10), WriterConfig.MIN_INTERVAL, false);
        final int ringSize = in.count("ringSize", 16384, WriterConfig.MIN_RING_SIZE, WriterConfig.MAX_RING_SIZE);
        final QueuePolicy policy = in.choice("policy", QueuePolicy.BLOCK, POLICIES,
            "block, drop_newest (or skip), drop_oldest or warn");
        final int batchSize = in.count("batchSize", 1024, 1, Integer.MAX_VALUE);
        final Duration flushInterval =
            alias(in, "flushInterval", "flush", Duration.ofMillis(100), WriterConfig.MIN_INTERVAL);
        final long bufferSize = in.size("bufferSize", 64 * 1024, 1, MAX_SIZE);
        final WriterType type = in.choice("writerType", WriterType.BLOCK, WRITER_TYPES, "block, line or mmap");
        final long regionSize = in.size("regionSize", 32L << 20, MIN_REGION_SIZE, MAX_SIZE);
        final Fsync fsync = fsync(in);
        final boolean async = in.bool("async", true);
        final Duration shutdownTimeout = alias(in, "shutdownTimeout", "deadline", Duration.ofSeconds(5), Duration.ZERO);
        final boolean noBlockTimeout =
            in.isSet("blockTimeout") && "none".equalsIgnoreCase(in.text("blockTimeout").trim());
        final Duration blockTimeout = noBlockTimeout ? null : in.duration("blockTimeout", null, Duration.ZERO, false);
        final boolean autoRestart = in.bool("autoRestart", true);
        final int maxRestarts = in.count("maxRestarts", 10, 0, Integer.MAX_VALUE);
        final Level discardThreshold = in.level("discardThreshold", Level.INFO, false);
        final Level triggerLevel = in.level("triggerLevel", null, true);
        final boolean jmx = in.bool("jmx", true);
        final boolean ignoreExceptions = in.bool("ignoreExceptions", true);
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
                .batchSize(batchSize).bufferSize((int)bufferSize).flushInterval(flushInterval).tick(tick)
                .autoRestart(autoRestart).maxRestarts(maxRestarts).shutdownTimeout(shutdownTimeout)
                .blockTimeout(blockTimeout).async(async).build();
        }
        catch (final IllegalArgumentException ex)
        {
            in.refuse(ex.getMessage());
            return null;
        }
        final SinkSettings sink = new SinkSettings(file, type, append, (int)bufferSize, regionSize, fsync,
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

    /** An attribute and its compatibility alias, which also reads a bare number of seconds. */
    private static Duration alias(final Attributes in, final String attribute, final String alias,
        final Duration otherwise, final Duration floor)
    {
        if (in.isSet(attribute) && in.isSet(alias))
        {
            in.conflict(attribute, in.text(attribute), alias, in.text(alias),
                alias + " is another name for " + attribute + "; set only one");
            return otherwise;
        }
        return in.isSet(alias) ? in.duration(alias, otherwise, floor, true) :
            in.duration(attribute, otherwise, floor, false);
    }

    private static Fsync fsync(final Attributes in)
    {
        final String value = in.text("fsync");
        if (value == null)
        {
            return Fsync.NEVER;
        }
        final Fsync word = FSYNC_WORDS.get(value.trim().toLowerCase(Locale.ROOT));
        if (word != null)
        {
            return word;
        }
        final String accepted = "never, batch, or a positive duration of at most 24h, such as 1s";
        try
        {
            final Duration interval = Durations.parse(value);
            if (!interval.isZero() && interval.compareTo(MAX_FSYNC_INTERVAL) <= 0)
            {
                return Fsync.every(interval);
            }
            in.reject("fsync", interval.isZero() ? "zero is meaningless here" : "longer than a day", accepted);
        }
        catch (final IllegalArgumentException ex)
        {
            in.reject("fsync", ex.getMessage(), accepted);
        }
        return Fsync.NEVER;
    }

    private static void warnAboutNoEffect(final Attributes in, final Mode mode, final QueuePolicy policy,
        final WriterType type, final boolean async, final boolean autoRestart, final Duration blockTimeout)
    {
        if (mode != Mode.MANUAL)
        {
            in.noEffect("triggerLevel", "outside manual mode");
        }
        if (type != WriterType.MMAP)
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
