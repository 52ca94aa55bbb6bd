package io.github.unifiedwriter.log4j2;

import java.io.Serializable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.Appender;
import org.apache.logging.log4j.core.Core;
import org.apache.logging.log4j.core.Filter;
import org.apache.logging.log4j.core.Layout;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.appender.AppenderLoggingException;
import org.apache.logging.log4j.core.config.Property;
import org.apache.logging.log4j.core.config.plugins.Plugin;
import org.apache.logging.log4j.core.config.plugins.PluginBuilderFactory;
import org.apache.logging.log4j.status.StatusLogger;

/**
 * Writes log events to a file through a ring and one writer thread: each event is encoded on the caller's
 * thread, so several callers format in parallel, and the writer batches the bytes into the file.
 *
 * <p>The writer, its ring and the open file belong to a {@link UnifiedWriterManager} shared by every appender on
 * the same file and kept across reloads. Callers' threads run {@link #append}; Log4j2 starts and stops the
 * appender on the thread that applies a configuration.
 *
 * <pre>{@code
 * <UnifiedWriter name="app" fileName="logs/app.log" policy="drop_oldest" discardThreshold="INFO">
 *   <PatternLayout pattern="%d %-5level [%t] %c{1} - %m%n"/>
 * </UnifiedWriter>
 * }</pre>
 */
@Plugin(name = "UnifiedWriter", category = Core.CATEGORY_NAME, elementType = Appender.ELEMENT_TYPE, printObject = true)
public final class UnifiedWriterAppender extends AbstractAppender
{
    private final UnifiedWriterManager manager;
    private final Encoder encoder;
    private final Level discardThreshold;
    private final Level triggerLevel;
    private final AtomicBoolean released = new AtomicBoolean();

    private UnifiedWriterAppender(
        final String name,
        final Filter filter,
        final Layout<? extends Serializable> layout,
        final boolean ignoreExceptions,
        final Property[] properties,
        final UnifiedWriterManager manager,
        final Level discardThreshold,
        final Level triggerLevel)
    {
        super(name, filter, layout, ignoreExceptions, properties);
        this.manager = manager;
        this.encoder = manager.encoder();
        this.discardThreshold = discardThreshold;
        this.triggerLevel = triggerLevel;
    }

    /**
     * The builder Log4j2 fills from a {@code <UnifiedWriter>} element; it can also be used from code.
     *
     * @return a builder with no attribute set
     */
    @PluginBuilderFactory
    public static UnifiedWriterBuilder newBuilder()
    {
        return new UnifiedWriterBuilder();
    }

    /**
     * Creates the appender from checked settings, or returns null once the reason is reported.
     * Called by {@link UnifiedWriterBuilder#build()}.
     */
    static UnifiedWriterAppender create(
        final AppenderSettings settings,
        final Filter filter,
        final Layout<? extends Serializable> layout,
        final Property[] properties,
        final org.apache.logging.log4j.core.config.Configuration configuration)
    {
        return create(settings, filter, layout, properties, configuration, null, false);
    }

    /** As above, for a file that rolls when {@code rolling} is not null, or follows outside rotation. */
    static UnifiedWriterAppender create(
        final AppenderSettings settings,
        final Filter filter,
        final Layout<? extends Serializable> layout,
        final Property[] properties,
        final org.apache.logging.log4j.core.config.Configuration configuration,
        final RollingSettings rolling,
        final boolean reopenOnRename)
    {
        final SinkFactory sinks = rolling != null ? new RollingSinks(PlainSinks.INSTANCE, rolling, layout,
            settings.name(), settings.writer().shutdownTimeout()) :
            reopenOnRename ? new ReopeningSinks(PlainSinks.INSTANCE) : PlainSinks.INSTANCE;
        if (!NulEndedRecords.accepted(settings, layout))
        {
            return null;
        }
        final UnifiedWriterManager manager = UnifiedWriterManager.getManager(settings, layout, configuration, sinks);
        if (manager == null)
        {
            return null;
        }
        StatusLogger.getLogger().debug("UnifiedWriter appender \"{}\": lines are {}", settings::name,
            () -> PatternPlan.describe(layout));
        return new UnifiedWriterAppender(settings.name(), filter, layout, settings.ignoreExceptions(), properties,
            manager, settings.discardThreshold(), settings.triggerLevel());
    }

    /**
     * Encodes the event on the calling thread and hands the bytes to the writer. An event at or below
     * {@code discardThreshold} may be dropped by a drop policy; in manual mode an event at or above
     * {@code triggerLevel} releases everything up to it to the file, without waiting for the write.
     */
    @Override
    public void append(final LogEvent event)
    {
        final Level level = event.getLevel();
        final boolean droppable = level.isLessSpecificThan(discardThreshold);
        final boolean trigger = triggerLevel != null && level.isMoreSpecificThan(triggerLevel);
        try
        {
            encoder.write(getLayout(), event, droppable, trigger);
        }
        catch (final RuntimeException ex)
        {
            error("Unable to write to " + manager.getFileName() + ": " + ex, event, ex);
            if (!ignoreExceptions())
            {
                throw ex instanceof AppenderLoggingException ?
                    (AppenderLoggingException)ex : new AppenderLoggingException(ex);
            }
        }
    }

    /**
     * Lets go of the manager once, however often it is called: a shared manager released twice would close the
     * file under the appender that still uses it. The last appender to let go drains the ring within
     * {@code shutdownTimeout}; records still there at the deadline are counted as failed and reported.
     */
    @Override
    public boolean stop(final long timeout, final TimeUnit timeUnit)
    {
        if (!released.compareAndSet(false, true))
        {
            return true;
        }
        setStopping();
        boolean stopped = super.stop(timeout, timeUnit, false);
        stopped &= manager.stop(timeout, timeUnit);
        setStopped();
        return stopped;
    }

    /** {@return the manager this appender writes through, with its counters and its operations} */
    public UnifiedWriterManager getManager()
    {
        return manager;
    }

    /** {@return the absolute path of the file being written} */
    public String getFileName()
    {
        return manager.getFileName();
    }

    @Override
    public String toString()
    {
        return "UnifiedWriterAppender{name=" + getName() + ", fileName=" + manager.getFileName() +
            ", discardThreshold=" + discardThreshold + ", triggerLevel=" + triggerLevel + '}';
    }
}
