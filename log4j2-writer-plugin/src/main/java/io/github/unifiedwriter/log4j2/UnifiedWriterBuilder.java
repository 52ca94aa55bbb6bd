package io.github.unifiedwriter.log4j2;

import java.io.Serializable;
import java.lang.reflect.Field;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.apache.logging.log4j.core.Layout;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.appender.rolling.RolloverStrategy;
import org.apache.logging.log4j.core.appender.rolling.TriggeringPolicy;
import org.apache.logging.log4j.core.config.plugins.PluginAliases;
import org.apache.logging.log4j.core.config.plugins.PluginBuilderAttribute;
import org.apache.logging.log4j.core.config.plugins.PluginElement;
import org.apache.logging.log4j.core.layout.PatternLayout;
import org.apache.logging.log4j.status.StatusLogger;

/**
 * Builds a {@link UnifiedWriterAppender} from the attributes of a {@code <UnifiedWriter>} element, or from code.
 *
 * <p>Log4j2's own builder holds the layout, the filter, the properties and the configuration. Every attribute is
 * a text field here, read in {@link #build()} by {@link AppenderSettings}, where a bad value is an ERROR and no
 * appender, never a silent default: so {@code name} and {@code ignoreExceptions} shadow the inherited fields, whose
 * checks would refuse a blank name without naming it and turn {@code ignoreExceptions="ture"} into false. From
 * code, {@link #setAttribute} sets any attribute as the XML would. Attribute names are case-insensitive; the
 * aliases are kept for compatibility, and an attribute written under two of its names is refused. Used by the
 * thread that builds the configuration; not thread-safe.
 */
public final class UnifiedWriterBuilder extends AbstractAppender.Builder<UnifiedWriterBuilder>
    implements org.apache.logging.log4j.core.util.Builder<UnifiedWriterAppender>
{
    /** Log4j2's plugin processor wants a setter per attribute; {@link #setAttribute} is the one setter here. */
    private static final String NO_SETTER = "log4j.public.setter";

    /** The attributes as written; first, so that Log4j2 has taken none of them yet. Null when built from code. */
    @AsWritten
    private Map<String, String> asWritten;

    /** The appender's name; required. */
    @PluginBuilderAttribute
    private String name;

    /** The file to write; required. Missing parent folders are created. */
    @PluginBuilderAttribute
    @SuppressWarnings(NO_SETTER)
    private String fileName;

    /** {@code true} (default) appends; {@code false} truncates the file when it is first opened. */
    @PluginBuilderAttribute
    @SuppressWarnings(NO_SETTER)
    private String append;

    /** {@code trigger} (default), {@code loop} or {@code manual}. */
    @PluginBuilderAttribute
    @SuppressWarnings(NO_SETTER)
    private String mode;

    /** Loop mode: how often the writer looks at the ring. */
    @PluginBuilderAttribute
    @SuppressWarnings(NO_SETTER)
    private String tick;

    /** Slots in the ring, rounded up to a power of two. */
    @PluginBuilderAttribute
    @PluginAliases({"queue", "maxQueueSize"})
    @SuppressWarnings(NO_SETTER)
    private String ringSize;

    /** {@code block} (default), {@code drop_newest} (or {@code skip}), {@code drop_oldest} or {@code warn}. */
    @PluginBuilderAttribute
    @SuppressWarnings(NO_SETTER)
    private String policy;

    /** Records per write at most. */
    @PluginBuilderAttribute
    @PluginAliases({"size"})
    @SuppressWarnings(NO_SETTER)
    private String batchSize;

    /** The longest a record waits for company in loop mode. */
    @PluginBuilderAttribute
    @SuppressWarnings(NO_SETTER)
    private String flushInterval;

    /** Another name for {@code flushInterval} that also reads a bare number of seconds. */
    @PluginBuilderAttribute
    @SuppressWarnings(NO_SETTER)
    private String flush;

    /** Bytes per write call at most. */
    @PluginBuilderAttribute
    @SuppressWarnings(NO_SETTER)
    private String bufferSize;

    /** {@code block} (default), {@code line} or {@code mmap}. */
    @PluginBuilderAttribute
    @PluginAliases({"writer"})
    @SuppressWarnings(NO_SETTER)
    private String writerType;

    /** The mmap writer's mapped region. */
    @PluginBuilderAttribute
    @SuppressWarnings(NO_SETTER)
    private String regionSize;

    /** {@code never} (default), {@code batch}, or a duration such as {@code 1s}. */
    @PluginBuilderAttribute
    @SuppressWarnings(NO_SETTER)
    private String fsync;

    /** {@code false} writes on the caller's thread, through the same sink and counters. */
    @PluginBuilderAttribute
    @PluginAliases({"async_en"})
    @SuppressWarnings(NO_SETTER)
    private String async;

    /** How long stopping may drain the ring. */
    @PluginBuilderAttribute
    @SuppressWarnings(NO_SETTER)
    private String shutdownTimeout;

    /** Another name for {@code shutdownTimeout} that also reads a bare number of seconds. */
    @PluginBuilderAttribute
    @SuppressWarnings(NO_SETTER)
    private String deadline;

    /** Block policy: the longest a record waits for room before it is dropped; none by default. */
    @PluginBuilderAttribute
    @SuppressWarnings(NO_SETTER)
    private String blockTimeout;

    /** Whether the writer reopens the file and retries after an error. */
    @PluginBuilderAttribute
    @SuppressWarnings(NO_SETTER)
    private String autoRestart;

    /** Failures in a row before writing falls back to the callers' threads. */
    @PluginBuilderAttribute
    @SuppressWarnings(NO_SETTER)
    private String maxRestarts;

    /** The most severe level a drop policy may drop. */
    @PluginBuilderAttribute
    @SuppressWarnings(NO_SETTER)
    private String discardThreshold;

    /** Manual mode: the least severe level that writes out the ring; none by default. */
    @PluginBuilderAttribute
    @SuppressWarnings(NO_SETTER)
    private String triggerLevel;

    /** Whether the MXBean is registered. */
    @PluginBuilderAttribute
    @SuppressWarnings(NO_SETTER)
    private String jmx;

    /** {@code false} lets append failures reach the caller; read as text, so that a typo is refused. */
    @PluginBuilderAttribute
    @SuppressWarnings(NO_SETTER)
    private String ignoreExceptions;

    /** The POSIX mode of a new file, such as {@code rw-r-----}. */
    @PluginBuilderAttribute
    @SuppressWarnings(NO_SETTER)
    private String filePermissions;

    /** The names of the rolled files, in Log4j2's syntax; none by default, and then the file never rolls. */
    @PluginBuilderAttribute
    @SuppressWarnings(NO_SETTER)
    private String filePattern;

    /** {@code true} reopens the file by name, at most once a second, after an outside tool renamed it. */
    @PluginBuilderAttribute
    @SuppressWarnings(NO_SETTER)
    private String reopenOnRename;

    @PluginElement("Policy")
    private TriggeringPolicy triggeringPolicy;

    @PluginElement("Strategy")
    private RolloverStrategy strategy;

    UnifiedWriterBuilder()
    {
        // The inherited name is required by Log4j2 before build() runs; the shadowing field is the one read.
        super.setName(UnifiedWriterBuilder.class.getSimpleName());
    }

    /**
     * @return the appender, or null once every bad attribute is reported to the StatusLogger
     */
    @Override
    public UnifiedWriterAppender build()
    {
        final Map<String, String> given = attributes();
        final RollingSettings rolling;
        final boolean reopen;
        try
        {
            rolling = RollingSettings.read(fileName, filePattern, triggeringPolicy, strategy, getConfiguration());
            reopen = RollingSettings.reopenOnRename(reopenOnRename, filePattern);
        }
        catch (final IllegalArgumentException ex)
        {
            StatusLogger.getLogger().error("UnifiedWriter appender \"{}\": {}. The appender is not created.",
                name == null ? "" : name, ex.getMessage());
            return null;
        }
        if (rolling != null && rolling.directWrite())
        {
            given.put("fileName", filePattern);
        }
        final AppenderSettings settings = AppenderSettings.read(given, AttributeNames.of(asWritten));
        if (settings == null)
        {
            return null;
        }
        final Layout<? extends Serializable> layout = getLayout() != null ? getLayout() :
            PatternLayout.createDefaultLayout(getConfiguration());
        return UnifiedWriterAppender.create(settings, getFilter(), layout, getPropertyArray(), getConfiguration(),
            rolling, reopen);
    }

    /** The text of every attribute that was set, by canonical name. */
    private Map<String, String> attributes()
    {
        final Map<String, String> given = new LinkedHashMap<>();
        for (final Field field : UnifiedWriterBuilder.class.getDeclaredFields())
        {
            if (field.isAnnotationPresent(PluginBuilderAttribute.class) && field.getType() == String.class)
            {
                given.put(field.getName(), text(field));
            }
        }
        if (ignoreExceptions == null && !isIgnoreExceptions())
        {
            given.put("ignoreExceptions", "false");
        }
        given.values().removeIf((value) -> value == null);
        return given;
    }

    /**
     * Sets an attribute from code as the XML would: by its name or one of its aliases, in any case, as text that
     * {@link #build()} reads and checks.
     *
     * @param attribute the attribute's name or alias, such as {@code fileName} or {@code policy}
     * @param value     its text, such as {@code drop_oldest}
     * @return this builder
     * @throws IllegalArgumentException when no attribute has that name
     */
    public UnifiedWriterBuilder setAttribute(final String attribute, final String value)
    {
        final String canonical = AttributeNames.canonical(UnifiedWriterBuilder.class)
            .get(attribute.toLowerCase(Locale.ROOT));
        if (canonical == null)
        {
            throw new IllegalArgumentException("UnifiedWriter has no attribute \"" + attribute + "\"");
        }
        try
        {
            UnifiedWriterBuilder.class.getDeclaredField(canonical).set(this, value);
        }
        catch (final ReflectiveOperationException ex)
        {
            throw new IllegalStateException(ex);
        }
        return this;
    }

    /**
     * @param name the appender's name, read and checked in {@link #build()}
     * @return this builder
     */
    @Override
    public UnifiedWriterBuilder setName(final String name)
    {
        this.name = name;
        return this;
    }

    /** {@return the appender's name as set, or null} */
    @Override
    public String getName()
    {
        return name;
    }

    /**
     * @param triggeringPolicy when to roll: one of Log4j2's triggering policies, or several inside {@code Policies}
     * @return this builder
     */
    public UnifiedWriterBuilder setTriggeringPolicy(final TriggeringPolicy triggeringPolicy)
    {
        this.triggeringPolicy = triggeringPolicy;
        return this;
    }

    /**
     * @param strategy how rolled files are named, compressed and purged; Log4j2's default strategy when null
     * @return this builder
     */
    public UnifiedWriterBuilder setStrategy(final RolloverStrategy strategy)
    {
        this.strategy = strategy;
        return this;
    }

    private String text(final Field field)
    {
        try
        {
            return (String)field.get(this);
        }
        catch (final IllegalAccessException ex)
        {
            throw new IllegalStateException(ex);
        }
    }
}
