package io.github.unifiedwriter.log4j2;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javax.management.JMException;
import javax.management.ObjectName;

import io.github.unifiedwriter.core.WriterConfig;
import io.github.unifiedwriter.core.WriterListener;
import io.github.unifiedwriter.core.WriterMetrics;
import io.github.unifiedwriter.jmx.MonitoredWriter;
import io.github.unifiedwriter.jmx.UnifiedWriterBean;
import io.github.unifiedwriter.jmx.WriterObjectNames;
import io.github.unifiedwriter.log4j2.Producers.Producer;
import org.apache.logging.log4j.core.Layout;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractManager;
import org.apache.logging.log4j.core.appender.ManagerFactory;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.status.StatusLogger;

/**
 * The writer of one file, shared by every appender that names the file and kept across reloads, so the file is
 * never opened twice: Log4j2 starts a new configuration before it stops the old one.
 *
 * <p>A reload applies live settings to the running writer. Settings that shape the ring or the sink swap the
 * writer instead: the new generation takes records at once, the old one drains and stops, and only then does
 * the new one write. Counters carry on across generations.
 *
 * <p>Producers call {@link #write} from any thread. Log4j2 calls {@link #updateData} and the release under its
 * manager lock, on the thread that builds or stops a configuration.
 */
public final class UnifiedWriterManager extends AbstractManager implements MonitoredWriter
{
    private static final ManagerFactory<UnifiedWriterManager, Data> FACTORY = new Factory();
    private static final WriterMetrics NOTHING = new WriterMetrics(0, 0, 0, 0, 0, 0, 0, 0, 0, false, null);

    private final Producers producers = new Producers();
    private final StatusLoggerListener listener;
    private final OpenFile file;
    private final String appenderName;
    private final Object generations = new Object();
    private volatile Generation current;
    private volatile AppenderSettings settings;
    private volatile Layout<?> layout;
    private Generation retiring;
    private WriterMetrics retired = NOTHING;
    private volatile UnifiedWriterBean mbean;

    /** What an appender asks the manager for. */
    record Data(AppenderSettings settings, Layout<?> layout, Configuration configuration, SinkFactory sinks)
    {
    }

    private UnifiedWriterManager(final LoggerContext context, final String key, final Data data, final OpenFile file)
    {
        super(context, key);
        this.file = file;
        this.settings = data.settings();
        this.layout = data.layout();
        this.appenderName = data.settings().name();
        this.listener = new StatusLoggerListener(appenderName);
        this.current = Generation.start(writerConfig(data.settings()), file, true);
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
        return getManager(settings, layout, configuration, FileSinks.INSTANCE);
    }

    static UnifiedWriterManager getManager(final AppenderSettings settings, final Layout<?> layout,
        final Configuration configuration, final SinkFactory sinks)
    {
        final String key = settings.sink().file().toString();
        final Object manager;
        try
        {
            manager = AbstractManager.getManager(key, FACTORY, new Data(settings, layout, configuration, sinks));
        }
        catch (final IllegalStateException ex)
        {
            return null;
        }
        catch (final ClassCastException ex)
        {
            StatusLogger.getLogger().error("UnifiedWriter appender \"{}\": another kind of appender already writes {}",
                settings.name(), key);
            return null;
        }
        if (manager instanceof UnifiedWriterManager)
        {
            return (UnifiedWriterManager)manager;
        }
        ((AbstractManager)manager).stop(0, TimeUnit.MILLISECONDS);
        StatusLogger.getLogger().error("UnifiedWriter appender \"{}\": another kind of appender already writes {}",
            settings.name(), key);
        return null;
    }

    /**
     * Encodes the event on the calling thread, then enqueues the bytes into the current generation.
     *
     * @return false if the record was dropped
     */
    boolean write(final Layout<?> layout, final LogEvent event, final boolean droppable, final boolean trigger)
    {
        final Producer producer = producers.get();
        if (producer.busy)
        {
            final EncodeBuffer nested = new EncodeBuffer();
            layout.encode(event, nested);
            return enqueue(producer, nested.record(), droppable, trigger);
        }
        producer.busy = true;
        try
        {
            layout.encode(event, producer.buffer);
            return enqueue(producer, producer.buffer.record(), droppable, trigger);
        }
        finally
        {
            producer.buffer.reset();
            producer.busy = false;
        }
    }

    private boolean enqueue(final Producer producer, final ByteBuffer record, final boolean droppable,
        final boolean trigger)
    {
        final Object outer = producer.inside;
        try
        {
            Generation generation;
            do
            {
                generation = current;
                producer.inside = generation;
            }
            while (generation != current);
            return generation.writer().enqueue(record, droppable, trigger);
        }
        finally
        {
            producer.inside = outer;
        }
    }

    /** A reload: the settings of the appender that now asks for this manager. */
    @Override
    public void updateData(final Object data)
    {
        final Data next = (Data)data;
        final AppenderSettings previous = settings;
        settings = next.settings();
        layout = next.layout();
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
        final boolean sameSink = previous.sink().sameShape(next.settings().sink());
        if (sameSink)
        {
            file.setFsync(next.settings().sink().fsync());
            if (sameRing(previous.writer(), config))
            {
                try
                {
                    current.writer().update(config);
                    return;
                }
                catch (final IllegalArgumentException ex)
                {
                    StatusLogger.getLogger().debug("UnifiedWriter \"{}\": {}; starting a new writer",
                        appenderName, ex.getMessage());
                }
            }
        }
        swap(previous, config, sameSink ? null : next.settings().sink());
    }

    /**
     * Starts a new generation, waits for the producers still inside the old one, stops it, and lets the new one
     * write, on a new sink when {@code newSink} is not null.
     */
    private void swap(final AppenderSettings previous, final WriterConfig config, final SinkSettings newSink)
    {
        final Generation old = current;
        final Generation next;
        try
        {
            next = Generation.start(config, file, false);
        }
        catch (final RuntimeException ex)
        {
            StatusLogger.getLogger().error("UnifiedWriter \"{}\": cannot start a writer with the new settings; " +
                "keeping the running one: {}", appenderName, ex.toString(), ex);
            return;
        }
        synchronized (generations)
        {
            retiring = old;
            current = next;
        }
        producers.awaitNoneInside(old);
        retire(old, previous.writer().shutdownTimeout());
        if (newSink != null)
        {
            try
            {
                file.switchTo(withHeader(newSink));
            }
            catch (final IOException ex)
            {
                StatusLogger.getLogger().error("UnifiedWriter \"{}\": cannot reopen {} as {}; the writer retries: {}",
                    appenderName, newSink.file(), newSink.type(), ex.toString(), ex);
            }
        }
        next.open();
    }

    /**
     * Stops a generation within {@code timeout}. A swapped-out generation's final counts join the retired ones;
     * the last generation stays current, so calls that arrive after the release are still counted.
     */
    private boolean retire(final Generation generation, final Duration timeout)
    {
        final long failedBefore = generation.writer().metrics().failed();
        final boolean drained = generation.writer().stop(timeout);
        final WriterMetrics last = generation.writer().metrics();
        synchronized (generations)
        {
            if (retiring == generation)
            {
                retired = plus(retired, last);
                retiring = null;
            }
        }
        if (!drained)
        {
            StatusLogger.getLogger().error("UnifiedWriter \"{}\": {} records were still in the ring after " +
                "shutdownTimeout {}; they are counted as failed", appenderName, last.failed() - failedBefore, timeout);
        }
        return drained;
    }

    /** The last appender let go: drain, write the footer, close the file. */
    @Override
    protected boolean releaseSub(final long timeout, final TimeUnit timeUnit)
    {
        unregisterMBean();
        boolean released = retire(current, settings.writer().shutdownTimeout());
        try
        {
            file.close(layout.getFooter());
        }
        catch (final IOException | RuntimeException ex)
        {
            released = false;
            StatusLogger.getLogger().error("UnifiedWriter \"{}\": closing {} failed: {}",
                appenderName, getFileName(), ex.toString(), ex);
        }
        return released;
    }

    /** Counters of every generation so far: they carry on across reloads. Any thread. */
    @Override
    public WriterMetrics metrics()
    {
        synchronized (generations)
        {
            WriterMetrics sum = retired;
            if (retiring != null)
            {
                sum = plus(sum, retiring.writer().metrics());
            }
            return plus(sum, current.writer().metrics());
        }
    }

    /** The running writer's settings. */
    public WriterConfig config()
    {
        return current.writer().config();
    }

    public String getFileName()
    {
        return getName();
    }

    public String getAppenderName()
    {
        return appenderName;
    }

    public WriterType getWriterType()
    {
        return file.settings().type();
    }

    /** The MXBean's name, or null when jmx is off. */
    public ObjectName getObjectName()
    {
        final UnifiedWriterBean bean = mbean;
        return bean == null ? null : bean.objectName();
    }

    @Override
    public long remainingCapacity()
    {
        return current.writer().remainingCapacity();
    }

    @Override
    public int ringSize()
    {
        return config().ringSize();
    }

    @Override
    public String mode()
    {
        return config().mode().name();
    }

    @Override
    public String policy()
    {
        return config().policy().name();
    }

    @Override
    public String writerType()
    {
        return getWriterType().name().toLowerCase(Locale.ROOT);
    }

    @Override
    public String fileName()
    {
        return getName();
    }

    @Override
    public int batchSize()
    {
        return config().batchSize();
    }

    @Override
    public long flushIntervalMillis()
    {
        return config().flushInterval().toMillis();
    }

    /** Writes what the ring holds now; in manual mode, the flight recorder's dump. Never blocks. */
    @Override
    public void trigger()
    {
        current.writer().trigger();
    }

    /** Waits, at most the shutdown timeout, until the records accepted before the call are resolved. */
    @Override
    public void flush()
    {
        flush(config().shutdownTimeout());
    }

    /** Waits up to {@code timeout} until every record accepted before the call is written, failed or dropped. */
    public boolean flush(final Duration timeout)
    {
        return current.writer().flush(timeout);
    }

    /** Leaves synchronous fallback with a new writer thread. */
    @Override
    public void restart()
    {
        current.writer().restart();
    }

    /** Reopens the file between two batches, after external rotation. */
    @Override
    public void reopen()
    {
        current.writer().reopen();
    }

    /** Also tells {@code other} what the writer reports, such as drops and restarts. */
    public void addListener(final WriterListener other)
    {
        listener.add(other);
    }

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

    private SinkSettings withHeader(final SinkSettings sink)
    {
        return sink.withHeader(layout.getHeader());
    }

    private static boolean sameRing(final WriterConfig a, final WriterConfig b)
    {
        return a.ringSize() == b.ringSize() && a.mode() == b.mode() && a.batchSize() == b.batchSize() &&
            a.bufferSize() == b.bufferSize() && a.async() == b.async();
    }

    private static WriterMetrics plus(final WriterMetrics a, final WriterMetrics b)
    {
        return new WriterMetrics(a.enqueued() + b.enqueued(), a.written() + b.written(), a.dropped() + b.dropped(),
            a.failed() + b.failed(), a.errors() + b.errors(), a.restarts() + b.restarts(), a.pending() + b.pending(),
            a.batches() + b.batches(), a.bytesWritten() + b.bytesWritten(), b.fallbackToSync(),
            b.lastError() != null ? b.lastError() : a.lastError());
    }

    /** Opens the file for the first appender that names it. Runs under Log4j2's manager lock. */
    private static final class Factory implements ManagerFactory<UnifiedWriterManager, Data>
    {
        @Override
        public UnifiedWriterManager createManager(final String key, final Data data)
        {
            final SinkSettings sink = data.settings().sink().withHeader(data.layout().getHeader());
            warnIfPermissionsCannotApply(data.settings().name(), sink);
            OpenFile file = null;
            try
            {
                file = new OpenFile(data.sinks(), sink);
                final LoggerContext context = data.configuration() == null ?
                    null : data.configuration().getLoggerContext();
                return new UnifiedWriterManager(context, key, data, file);
            }
            catch (final IOException | RuntimeException ex)
            {
                StatusLogger.getLogger().error("UnifiedWriter appender \"{}\": cannot open {}: {}",
                    data.settings().name(), key, ex.toString(), ex);
                closeQuietly(file);
                return null;
            }
        }

        /** The mode is set only on a file the sink creates, and only where the file system has POSIX modes. */
        private static void warnIfPermissionsCannotApply(final String appender, final SinkSettings sink)
        {
            if (sink.permissions() == null)
            {
                return;
            }
            final String mode = PosixFilePermissions.toString(sink.permissions());
            if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix"))
            {
                StatusLogger.getLogger().warn("UnifiedWriter appender \"{}\": filePermissions=\"{}\" has no effect " +
                    "on a file system without POSIX modes.", appender, mode);
            }
            else if (Files.exists(sink.file()))
            {
                StatusLogger.getLogger().warn("UnifiedWriter appender \"{}\": filePermissions=\"{}\" has no effect " +
                    "on the existing file {}, which keeps its mode.", appender, mode, sink.file());
            }
        }

        private static void closeQuietly(final OpenFile file)
        {
            if (file != null)
            {
                try
                {
                    file.close(null);
                }
                catch (final IOException ignore)
                {
                    // The open already failed; that is what the user is told.
                }
            }
        }
    }
}
