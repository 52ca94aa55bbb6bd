package io.github.unifiedwriter.log4j2;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.logging.log4j.core.Filter;
import org.apache.logging.log4j.core.Layout;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.Property;
import org.apache.logging.log4j.core.config.plugins.PluginAliases;
import org.apache.logging.log4j.core.config.plugins.PluginBuilderAttribute;
import org.apache.logging.log4j.core.config.plugins.PluginConfiguration;
import org.apache.logging.log4j.core.config.plugins.PluginElement;
import org.apache.logging.log4j.core.layout.PatternLayout;

/**
 * Builds a {@link UnifiedWriterAppender} from the attributes of a {@code <UnifiedWriter>} element.
 *
 * <p>Every attribute is taken as text and read in {@link #build()}, where a bad value is an ERROR and no appender,
 * never a silent default. Attribute names are case-insensitive; {@code queue}, {@code maxQueueSize},
 * {@code size}, {@code writer}, {@code async_en}, {@code flush} and {@code deadline} are kept as other names
 * for compatibility. An attribute written under two of its names is refused, and messages name each attribute
 * as written. Used by the thread that builds the configuration; not thread-safe.
 */
public final class UnifiedWriterBuilder implements org.apache.logging.log4j.core.util.Builder<UnifiedWriterAppender>
{
    /** The attributes as written; first, so that Log4j2 has taken none of them yet. Null when built from code. */
    @AsWritten
    private Map<String, String> asWritten;

    /** The appender's name; required. */
    @PluginBuilderAttribute
    private String name;

    /** The file to write; required. Missing parent folders are created. */
    @PluginBuilderAttribute
    private String fileName;

    /** {@code true} (default) appends; {@code false} truncates the file when it is first opened. */
    @PluginBuilderAttribute
    private String append;

    /** {@code trigger} (default), {@code loop} or {@code manual}. */
    @PluginBuilderAttribute
    private String mode;

    /** Loop mode: how often the writer looks at the ring, such as {@code 10ms} (default). */
    @PluginBuilderAttribute
    private String tick;

    /** Slots in the ring, rounded up to a power of two; 16384 by default. */
    @PluginBuilderAttribute
    @PluginAliases({"queue", "maxQueueSize"})
    private String ringSize;

    /** {@code block} (default), {@code drop_newest} (or {@code skip}), {@code drop_oldest} or {@code warn}. */
    @PluginBuilderAttribute
    private String policy;

    /** Records per write at most; 1024 by default. */
    @PluginBuilderAttribute
    @PluginAliases({"size"})
    private String batchSize;

    /** The longest a record waits for company in loop mode, such as {@code 100ms} (default). */
    @PluginBuilderAttribute
    private String flushInterval;

    /** Another name for {@code flushInterval} that also reads a bare number of seconds. */
    @PluginBuilderAttribute
    private String flush;

    /** Bytes per write call at most, such as {@code 64KB} (default). */
    @PluginBuilderAttribute
    private String bufferSize;

    /** {@code block} (default), {@code line} or {@code mmap}. */
    @PluginBuilderAttribute
    @PluginAliases({"writer"})
    private String writerType;

    /** The mmap writer's mapped region, such as {@code 32MB} (default). */
    @PluginBuilderAttribute
    private String regionSize;

    /** {@code never} (default), {@code batch}, or a duration such as {@code 1s}. */
    @PluginBuilderAttribute
    private String fsync;

    /** {@code false} writes on the caller's thread, through the same sink and counters. */
    @PluginBuilderAttribute
    @PluginAliases({"async_en"})
    private String async;

    /** How long stopping may drain the ring, such as {@code 5s} (default). */
    @PluginBuilderAttribute
    private String shutdownTimeout;

    /** Another name for {@code shutdownTimeout} that also reads a bare number of seconds. */
    @PluginBuilderAttribute
    private String deadline;

    /** Block policy: the longest a record waits for room before it is dropped; none by default. */
    @PluginBuilderAttribute
    private String blockTimeout;

    /** Whether the writer reopens the file and retries after an error; {@code true} by default. */
    @PluginBuilderAttribute
    private String autoRestart;

    /** Failures in a row before writing falls back to the callers' threads; 10 by default. */
    @PluginBuilderAttribute
    private String maxRestarts;

    /** The most severe level a drop policy may drop; {@code INFO} by default. */
    @PluginBuilderAttribute
    private String discardThreshold;

    /** Manual mode: the least severe level that writes out the ring; none by default. */
    @PluginBuilderAttribute
    private String triggerLevel;

    /** Whether the MXBean is registered; {@code true} by default. */
    @PluginBuilderAttribute
    private String jmx;

    /** {@code false} lets append failures reach the caller; {@code true} by default. */
    @PluginBuilderAttribute
    private String ignoreExceptions;

    /** The POSIX mode of a new file, such as {@code rw-r-----}. */
    @PluginBuilderAttribute
    private String filePermissions;

    @PluginElement("Layout")
    private Layout<? extends Serializable> layout;

    @PluginElement("Filter")
    private Filter filter;

    @PluginElement("Properties")
    private Property[] propertyArray;

    @PluginConfiguration
    private Configuration configuration;

    UnifiedWriterBuilder()
    {
    }

    /**
     * @return the appender, or null once every bad attribute is reported to the StatusLogger
     */
    @Override
    public UnifiedWriterAppender build()
    {
        final AppenderSettings settings = AppenderSettings.read(attributes(), AttributeNames.of(asWritten));
        if (settings == null)
        {
            return null;
        }
        final Layout<? extends Serializable> chosen = layout != null ? layout :
            PatternLayout.createDefaultLayout(configuration);
        return UnifiedWriterAppender.create(settings, filter, chosen, propertyArray, configuration);
    }

    /** The attributes that were set, by canonical name. */
    Map<String, String> attributes()
    {
        final Map<String, String> given = new LinkedHashMap<>();
        given.put("name", name);
        given.put("fileName", fileName);
        given.put("append", append);
        given.put("mode", mode);
        given.put("tick", tick);
        given.put("ringSize", ringSize);
        given.put("policy", policy);
        given.put("batchSize", batchSize);
        given.put("flushInterval", flushInterval);
        given.put("flush", flush);
        given.put("bufferSize", bufferSize);
        given.put("writerType", writerType);
        given.put("regionSize", regionSize);
        given.put("fsync", fsync);
        given.put("async", async);
        given.put("shutdownTimeout", shutdownTimeout);
        given.put("deadline", deadline);
        given.put("blockTimeout", blockTimeout);
        given.put("autoRestart", autoRestart);
        given.put("maxRestarts", maxRestarts);
        given.put("discardThreshold", discardThreshold);
        given.put("triggerLevel", triggerLevel);
        given.put("jmx", jmx);
        given.put("ignoreExceptions", ignoreExceptions);
        given.put("filePermissions", filePermissions);
        given.values().removeIf((value) -> value == null);
        return given;
    }

    /**
     * @param name the text of the {@code name} attribute, read and checked in {@link #build()}
     * @return this builder
     */
    public UnifiedWriterBuilder setName(final String name)
    {
        this.name = name;
        return this;
    }

    /**
     * @param fileName the text of the {@code fileName} attribute, read and checked in {@link #build()}
     * @return this builder
     */
    public UnifiedWriterBuilder setFileName(final String fileName)
    {
        this.fileName = fileName;
        return this;
    }

    /**
     * @param append the text of the {@code append} attribute, read and checked in {@link #build()}
     * @return this builder
     */
    public UnifiedWriterBuilder setAppend(final String append)
    {
        this.append = append;
        return this;
    }

    /**
     * @param mode the text of the {@code mode} attribute, read and checked in {@link #build()}
     * @return this builder
     */
    public UnifiedWriterBuilder setMode(final String mode)
    {
        this.mode = mode;
        return this;
    }

    /**
     * @param tick the text of the {@code tick} attribute, read and checked in {@link #build()}
     * @return this builder
     */
    public UnifiedWriterBuilder setTick(final String tick)
    {
        this.tick = tick;
        return this;
    }

    /**
     * @param ringSize the text of the {@code ringSize} attribute, read and checked in {@link #build()}
     * @return this builder
     */
    public UnifiedWriterBuilder setRingSize(final String ringSize)
    {
        this.ringSize = ringSize;
        return this;
    }

    /**
     * @param policy the text of the {@code policy} attribute, read and checked in {@link #build()}
     * @return this builder
     */
    public UnifiedWriterBuilder setPolicy(final String policy)
    {
        this.policy = policy;
        return this;
    }

    /**
     * @param batchSize the text of the {@code batchSize} attribute, read and checked in {@link #build()}
     * @return this builder
     */
    public UnifiedWriterBuilder setBatchSize(final String batchSize)
    {
        this.batchSize = batchSize;
        return this;
    }

    /**
     * @param flushInterval the text of the {@code flushInterval} attribute, read and checked in {@link #build()}
     * @return this builder
     */
    public UnifiedWriterBuilder setFlushInterval(final String flushInterval)
    {
        this.flushInterval = flushInterval;
        return this;
    }

    /**
     * @param flush the text of the {@code flush} attribute, read and checked in {@link #build()}
     * @return this builder
     */
    public UnifiedWriterBuilder setFlush(final String flush)
    {
        this.flush = flush;
        return this;
    }

    /**
     * @param bufferSize the text of the {@code bufferSize} attribute, read and checked in {@link #build()}
     * @return this builder
     */
    public UnifiedWriterBuilder setBufferSize(final String bufferSize)
    {
        this.bufferSize = bufferSize;
        return this;
    }

    /**
     * @param writerType the text of the {@code writerType} attribute, read and checked in {@link #build()}
     * @return this builder
     */
    public UnifiedWriterBuilder setWriterType(final String writerType)
    {
        this.writerType = writerType;
        return this;
    }

    /**
     * @param regionSize the text of the {@code regionSize} attribute, read and checked in {@link #build()}
     * @return this builder
     */
    public UnifiedWriterBuilder setRegionSize(final String regionSize)
    {
        this.regionSize = regionSize;
        return this;
    }

    /**
     * @param fsync the text of the {@code fsync} attribute, read and checked in {@link #build()}
     * @return this builder
     */
    public UnifiedWriterBuilder setFsync(final String fsync)
    {
        this.fsync = fsync;
        return this;
    }

    /**
     * @param async the text of the {@code async} attribute, read and checked in {@link #build()}
     * @return this builder
     */
    public UnifiedWriterBuilder setAsync(final String async)
    {
        this.async = async;
        return this;
    }

    /**
     * @param shutdownTimeout the text of the {@code shutdownTimeout} attribute, read and checked in {@link #build()}
     * @return this builder
     */
    public UnifiedWriterBuilder setShutdownTimeout(final String shutdownTimeout)
    {
        this.shutdownTimeout = shutdownTimeout;
        return this;
    }

    /**
     * @param deadline the text of the {@code deadline} attribute, read and checked in {@link #build()}
     * @return this builder
     */
    public UnifiedWriterBuilder setDeadline(final String deadline)
    {
        this.deadline = deadline;
        return this;
    }

    /**
     * @param blockTimeout the text of the {@code blockTimeout} attribute, read and checked in {@link #build()}
     * @return this builder
     */
    public UnifiedWriterBuilder setBlockTimeout(final String blockTimeout)
    {
        this.blockTimeout = blockTimeout;
        return this;
    }

    /**
     * @param autoRestart the text of the {@code autoRestart} attribute, read and checked in {@link #build()}
     * @return this builder
     */
    public UnifiedWriterBuilder setAutoRestart(final String autoRestart)
    {
        this.autoRestart = autoRestart;
        return this;
    }

    /**
     * @param maxRestarts the text of the {@code maxRestarts} attribute, read and checked in {@link #build()}
     * @return this builder
     */
    public UnifiedWriterBuilder setMaxRestarts(final String maxRestarts)
    {
        this.maxRestarts = maxRestarts;
        return this;
    }

    /**
     * @param discardThreshold the text of the {@code discardThreshold} attribute, read and checked in {@link #build()}
     * @return this builder
     */
    public UnifiedWriterBuilder setDiscardThreshold(final String discardThreshold)
    {
        this.discardThreshold = discardThreshold;
        return this;
    }

    /**
     * @param triggerLevel the text of the {@code triggerLevel} attribute, read and checked in {@link #build()}
     * @return this builder
     */
    public UnifiedWriterBuilder setTriggerLevel(final String triggerLevel)
    {
        this.triggerLevel = triggerLevel;
        return this;
    }

    /**
     * @param jmx the text of the {@code jmx} attribute, read and checked in {@link #build()}
     * @return this builder
     */
    public UnifiedWriterBuilder setJmx(final String jmx)
    {
        this.jmx = jmx;
        return this;
    }

    /**
     * @param ignoreExceptions the text of the {@code ignoreExceptions} attribute, read and checked in {@link #build()}
     * @return this builder
     */
    public UnifiedWriterBuilder setIgnoreExceptions(final String ignoreExceptions)
    {
        this.ignoreExceptions = ignoreExceptions;
        return this;
    }

    /**
     * @param filePermissions the text of the {@code filePermissions} attribute, read and checked in {@link #build()}
     * @return this builder
     */
    public UnifiedWriterBuilder setFilePermissions(final String filePermissions)
    {
        this.filePermissions = filePermissions;
        return this;
    }

    /**
     * @param layout the layout that encodes each event; {@code PatternLayout} with {@code %m%n} when null
     * @return this builder
     */
    public UnifiedWriterBuilder setLayout(final Layout<? extends Serializable> layout)
    {
        this.layout = layout;
        return this;
    }

    /**
     * @param filter the filter applied before an event is encoded, or null
     * @return this builder
     */
    public UnifiedWriterBuilder setFilter(final Filter filter)
    {
        this.filter = filter;
        return this;
    }

    /**
     * @param propertyArray the {@code <Property>} elements, kept as on every Log4j2 appender
     * @return this builder
     */
    public UnifiedWriterBuilder setPropertyArray(final Property[] propertyArray)
    {
        this.propertyArray = propertyArray;
        return this;
    }

    /**
     * @param configuration the configuration the appender belongs to, or null from code
     * @return this builder
     */
    public UnifiedWriterBuilder setConfiguration(final Configuration configuration)
    {
        this.configuration = configuration;
        return this;
    }
}
