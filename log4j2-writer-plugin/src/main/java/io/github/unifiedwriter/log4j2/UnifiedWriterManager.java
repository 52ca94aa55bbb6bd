package io.github.unifiedwriter.log4j2;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.management.JMException;
import javax.management.ObjectName;

import io.github.unifiedwriter.core.UnifiedWriter;
import io.github.unifiedwriter.core.WriterConfig;
import io.github.unifiedwriter.core.WriterListener;
import io.github.unifiedwriter.core.WriterMetrics;
import io.github.unifiedwriter.jmx.MonitoredWriter;
import io.github.unifiedwriter.jmx.RollingMonitor;
import io.github.unifiedwriter.jmx.UnifiedWriterBean;
import io.github.unifiedwriter.jmx.WriterObjectNames;
import org.apache.logging.log4j.core.Layout;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractManager;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.status.StatusLogger;

/**
 * The writer of one file, shared by every appender that names the file and kept across reloads, so the file is
 * never opened twice: Log4j2 starts a new configuration before it stops the old one.
 *
 * <p>A reload applies live settings (policy, intervals, timeouts, restarts, fsync) to the running writer.
 * Settings that shape the ring or the sink swap the writer instead: the new generation takes records at once,
 * the old one drains and stops, and only then does the new one write. Counters and the MXBean carry on.
 *
 * <p>Callers' threads encode and enqueue through {@link #encoder()}. Log4j2 calls {@link #updateData} and the release under its
 * manager lock, on the thread that builds or stops a configuration. JMX threads call the public methods.
 */
public final class UnifiedWriterManager extends AbstractManager implements MonitoredWriter
{
    private final StatusLoggerListener listener;
    private final ManagedFile file;
    private final String appenderName;
    private final Generations generations;
    private volatile Data current;
    private volatile UnifiedWriterBean mbean;

    /** What an appender asks the manager for. */
    record Data(AppenderSettings settings, Layout<?> layout, Configuration configuration, SinkFactory sinks)
    {
    }

    /** Made by {@link WriterManagerFactory} once the file is open. */
    UnifiedWriterManager(final LoggerContext context, final String key, final Data data, final ManagedFile file)
    {
        super(context, key);
        this.file = file;
        this.current = data;
        this.appenderName = data.settings().name();
        this.listener = new StatusLoggerListener(appenderName);
        this.generations = new Generations(writerConfig(data.settings()), file);
        if (data.settings().jmx())
        {
            registerMBean();
        }
    }

    /**
     * The manager of the settings' file: the running one, updated to these settings, or a new one.
     *
     * @return null once the reason is reported: the file cannot be opened, or another appender type owns it
     */
    static UnifiedWriterManager getManager(final AppenderSettings settings, final Layout<?> layout,
        final Configuration configuration)
    {
        return getManager(settings, layout, configuration, PlainSinks.INSTANCE);
    }

    static UnifiedWriterManager getManager(final AppenderSettings settings, final Layout<?> layout,
        final Configuration configuration, final SinkFactory sinks)
    {
        final String key = settings.sink().file().toString();
        Object manager = null;
        try
        {
            manager = AbstractManager.getManager(key, WriterManagerFactory.INSTANCE,
                new Data(settings, layout, configuration, sinks));
        }
        catch (final IllegalStateException ex)
        {
            return null;
        }
        catch (final ClassCastException ex)
        {
            // Another kind of manager holds the name and could not read our data.
        }
        if (manager instanceof UnifiedWriterManager)
        {
            return (UnifiedWriterManager)manager;
        }
        if (manager != null)
        {
            ((AbstractManager)manager).stop(0, TimeUnit.MILLISECONDS);
        }
        StatusLogger.getLogger().error("UnifiedWriter appender \"{}\": another kind of appender already writes {}",
            settings.name(), key);
        return null;
    }

    /** {@return where the appenders of this file encode events and enqueue them, on the callers' threads} */
    Encoder encoder()
    {
        return generations.encoder();
    }

    /** A reload, or another appender of the same configuration, whose writer settings must then agree. */
    @Override
    public void updateData(final Object data)
    {
        final Data next = (Data)data;
        final AppenderSettings previous = current.settings();
        SharedSettings.requireAgreement(current, next);
        current = next;
        final SinkFactory newFactory = file.reconfigure(next.sinks()) ? next.sinks() : null;
        if (next.settings().jmx() != (mbean != null))
        {
            if (next.settings().jmx())
            {
                registerMBean();
            }
            else
            {
                unregisterMBean();
            }
        }
        final WriterConfig config = writerConfig(next.settings());
        final boolean sameSink = newFactory == null && previous.sink().sameShape(next.settings().sink());
        if (sameSink)
        {
            file.setFsync(next.settings().sink().fsync());
            final UnifiedWriter running = generations.writer();
            if (!UnifiedWriter.needsNewWriter(running.config(), config))
            {
                running.update(config);
                return;
            }
        }
        swap(previous, config, sameSink ? null : next.settings().sink(), newFactory);
    }

    /**
     * Swaps in a new writer; when {@code newSink} is not null, the file is reopened with it in between, through
     * {@code newFactory} when that is not null.
     */
    private void swap(final AppenderSettings previous, final WriterConfig config, final SinkSettings newSink,
        final SinkFactory newFactory)
    {
        try
        {
            generations.swap(config, previous.writer().shutdownTimeout(), () ->
            {
                if (newSink != null)
                {
                    reopenAs(newSink, newFactory);
                }
            });
        }
        catch (final RuntimeException | OutOfMemoryError ex)
        {
            StatusLogger.getLogger().error("UnifiedWriter \"{}\": cannot start a writer with the new settings " +
                "(ringSize={}); keeping the running one: {}", appenderName, config.ringSize(), ex.toString(), ex);
        }
    }

    private void reopenAs(final SinkSettings newSink, final SinkFactory newFactory)
    {
        try
        {
            file.switchTo(newSink.withHeader(current.layout().getHeader()), newFactory);
        }
        catch (final IOException | RuntimeException ex)
        {
            StatusLogger.getLogger().error("UnifiedWriter \"{}\": cannot reopen {} as {}; the writer retries: {}",
                appenderName, newSink.file(), newSink.type(), ex.toString(), ex);
        }
    }

    /**
     * The last appender let go: drain within {@code shutdownTimeout} (Log4j2's own stop timeout, usually zero,
     * is not ours to use), write the footer, close the file, and give a rolling file's background work what is
     * left of the same budget. A writer still inside a write at the deadline closes the file itself when it
     * leaves.
     */
    @Override
    protected boolean releaseSub(final long timeout, final TimeUnit timeUnit)
    {
        unregisterMBean();
        final Duration budget = current.settings().writer().shutdownTimeout();
        final long deadline = System.nanoTime() + budget.toNanos();
        final AtomicBoolean closed = new AtomicBoolean(true);
        final boolean drained = generations.stop(budget, () -> closed.set(closeFile(deadline)));
        return drained && closed.get();
    }

    private boolean closeFile(final long deadline)
    {
        try
        {
            file.close(current.layout().getFooter(), deadline);
            return true;
        }
        catch (final IOException | RuntimeException ex)
        {
            StatusLogger.getLogger().error("UnifiedWriter \"{}\": closing {} failed: {}",
                appenderName, getFileName(), ex.toString(), ex);
            return false;
        }
    }

    /** Counters of every writer this manager ran: they carry on across reloads. Any thread. */
    @Override
    public WriterMetrics metrics()
    {
        return generations.metrics();
    }

    /** The running writer, for checks of its internals that its public face does not show. */
    UnifiedWriter writer()
    {
        return generations.writer();
    }

    /** {@return the running writer's settings} */
    @Override
    public WriterConfig config()
    {
        return generations.writer().config();
    }

    /** {@return the absolute path of the file, which is also the manager's name} */
    public String getFileName()
    {
        return getName();
    }

    /** {@return the name of the appender that created this manager} */
    public String getAppenderName()
    {
        return appenderName;
    }

    /** {@return the MXBean's name, or null when jmx is off} */
    public ObjectName getObjectName()
    {
        final UnifiedWriterBean bean = mbean;
        return bean == null ? null : bean.objectName();
    }

    @Override
    public long remainingCapacity()
    {
        return generations.writer().remainingCapacity();
    }

    @Override
    public String writerType()
    {
        return file.settings().type().name().toLowerCase(Locale.ROOT);
    }

    @Override
    public String activeFile()
    {
        final String current = file.rolling().currentFile();
        return current != null ? current : getName();
    }

    @Override
    public RollingMonitor rolling()
    {
        return file.rolling();
    }

    /** Writes what the ring holds now; in manual mode, the flight recorder's dump. Never blocks. */
    @Override
    public void trigger()
    {
        generations.writer().trigger();
    }

    /** Waits, at most the shutdown timeout, until the records accepted before the call are resolved. */
    @Override
    public void flush()
    {
        flush(config().shutdownTimeout());
    }

    /**
     * Waits up to {@code timeout} until every record accepted before the call is written, failed or dropped.
     *
     * @param timeout the longest wait
     * @return whether every such record was resolved in time
     */
    public boolean flush(final Duration timeout)
    {
        return generations.writer().flush(timeout);
    }

    /** Leaves synchronous fallback with a new writer thread. */
    @Override
    public void restart()
    {
        generations.writer().restart();
    }

    /** Reopens the file between two batches, after external rotation. */
    @Override
    public void reopen()
    {
        generations.writer().reopen();
    }

    /**
     * Also tells {@code other} what the writer reports, such as drops and restarts.
     *
     * @param other the listener to add
     */
    public void addListener(final WriterListener other)
    {
        listener.add(other);
    }

    /**
     * Stops telling {@code other} what the writer reports.
     *
     * @param other a listener added before
     */
    public void removeListener(final WriterListener other)
    {
        listener.remove(other);
    }

    /**
     * Registers this file's MXBean, whatever Log4j2's own JMX switch says: once per manager, so JConsole's
     * counters carry on through reloads. A failure is reported and the appender works on without it.
     */
    private void registerMBean()
    {
        final String context = getLoggerContext() == null ? "default" : getLoggerContext().getName();
        final UnifiedWriterBean bean = new UnifiedWriterBean(this);
        try
        {
            bean.register(ManagementFactory.getPlatformMBeanServer(), WriterObjectNames.of(context, appenderName));
            mbean = bean;
        }
        catch (final JMException | RuntimeException ex)
        {
            StatusLogger.getLogger().error("UnifiedWriter \"{}\": cannot register the MXBean: {}",
                appenderName, ex.toString(), ex);
        }
    }

    /** Unregisters the MXBean when the last appender lets go, or when a reload turns jmx off. */
    private void unregisterMBean()
    {
        final UnifiedWriterBean bean = mbean;
        mbean = null;
        if (bean != null)
        {
            try
            {
                bean.unregister();
            }
            catch (final RuntimeException ex)
            {
                StatusLogger.getLogger().error("UnifiedWriter \"{}\": cannot unregister the MXBean: {}",
                    appenderName, ex.toString(), ex);
            }
        }
    }

    private WriterConfig writerConfig(final AppenderSettings appender)
    {
        return appender.writer().toBuilder().name(appenderName).listener(listener).build();
    }
}
