package io.github.unifiedwriter.jmx;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import javax.management.JMException;
import javax.management.MBeanAttributeInfo;
import javax.management.MBeanInfo;
import javax.management.MBeanOperationInfo;
import javax.management.MBeanServer;
import javax.management.NotificationBroadcasterSupport;
import javax.management.ObjectName;
import javax.management.StandardEmitterMBean;

/**
 * The JMX bean of one appender: the {@link UnifiedWriterMXBean} view of a {@link MonitoredWriter}, with a
 * description and impact for everything JConsole lists, and notifications on drops and state changes.
 *
 * <p>While registered, one daemon thread samples the counters every poll interval and sends the
 * notifications (see {@link NotificationPoller}); listeners run on that thread, never on the writer thread
 * or a producer. The thread starts when the bean is registered and ends when it is unregistered, however
 * that happens.
 *
 * <p>Threads: the owner's lifecycle thread calls {@link #register} and {@link #unregister}; JMX connector
 * threads read attributes and invoke operations; the MBean server calls the registration callbacks on the
 * registering or unregistering thread.
 */
public final class UnifiedWriterBean extends StandardEmitterMBean
{
    /** How often the counters are sampled for notifications. */
    public static final Duration POLL_INTERVAL = Duration.ofMillis(500);
    /** The least time between two drop notifications. */
    public static final Duration MIN_DROP_INTERVAL = Duration.ofSeconds(1);

    private static final Descriptions DESCRIPTIONS = new Descriptions(UnifiedWriterMXBean.class);
    private static final long STOP_WAIT_SECONDS = 5;

    private final MonitoredWriter writer;
    private final long pollIntervalNanos;
    private final long minDropIntervalNanos;
    private final LongSupplier nanoClock;
    private final Object lock = new Object();

    private MBeanServer pendingServer;
    private ObjectName pendingName;
    private volatile MBeanServer server;
    private volatile ObjectName name;
    private volatile NotificationPoller poller;
    private volatile Thread pollerThread;
    private ScheduledThreadPoolExecutor executor;

    /** A bean over {@code writer}, not yet registered. */
    public UnifiedWriterBean(final MonitoredWriter writer)
    {
        this(writer, POLL_INTERVAL, MIN_DROP_INTERVAL, System::nanoTime);
    }

    UnifiedWriterBean(
        final MonitoredWriter writer,
        final Duration pollInterval,
        final Duration minDropInterval,
        final LongSupplier nanoClock)
    {
        super(new WriterView(writer), UnifiedWriterMXBean.class, true,
            new NotificationBroadcasterSupport(WriterNotifications.infos()));
        this.writer = writer;
        this.pollIntervalNanos = pollInterval.toNanos();
        this.minDropIntervalNanos = minDropInterval.toNanos();
        this.nanoClock = Objects.requireNonNull(nanoClock, "nanoClock");
    }

    /**
     * Registers this bean as {@code name}. A bean already registered under that name (left by a reload
     * that failed) is unregistered first; if this bean is registered elsewhere, it moves.
     *
     * @return the registered name
     * @throws JMException if the server refuses the bean
     */
    public ObjectName register(final MBeanServer server, final ObjectName name) throws JMException
    {
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(name, "name");
        if (name.isPattern())
        {
            throw new IllegalArgumentException("a bean needs a concrete name, not the pattern " + name);
        }
        unregister();
        return Registrations.replacing(server, name, this);
    }

    /**
     * Unregisters this bean if it is registered; otherwise does nothing. It never removes another bean
     * that took this one's name since.
     *
     * @throws IllegalStateException if the server fails to unregister it
     */
    public void unregister()
    {
        final MBeanServer server = this.server;
        final ObjectName name = this.name;
        if (server == null || name == null)
        {
            return;
        }
        try
        {
            Registrations.unregisterIfPresent(server, name);
        }
        catch (final JMException ex)
        {
            throw new IllegalStateException("could not unregister " + name + ": " + ex, ex);
        }
        finally
        {
            clearRegistration();
        }
    }

    /** The name this bean is registered under, or null. */
    public ObjectName objectName()
    {
        return name;
    }

    public boolean isRegistered()
    {
        return name != null;
    }

    @Override
    public ObjectName preRegister(final MBeanServer server, final ObjectName name) throws Exception
    {
        if (name == null)
        {
            throw new IllegalArgumentException("register the bean under a name from WriterObjectNames.of");
        }
        final ObjectName registeredName = super.preRegister(server, name);
        synchronized (lock)
        {
            pendingServer = server;
            pendingName = registeredName;
        }
        return registeredName;
    }

    @Override
    public void postRegister(final Boolean registrationDone)
    {
        super.postRegister(registrationDone);
        final MBeanServer server;
        final ObjectName name;
        synchronized (lock)
        {
            server = pendingServer;
            name = pendingName;
            pendingServer = null;
            pendingName = null;
        }
        if (Boolean.TRUE.equals(registrationDone))
        {
            this.server = server;
            this.name = name;
            startPoller(name);
        }
    }

    @Override
    public void postDeregister()
    {
        super.postDeregister();
        clearRegistration();
    }

    @Override
    protected String getDescription(final MBeanInfo info)
    {
        return "A UnifiedWriter appender: its ring, its counters (which carry on across configuration "
            + "reloads) and its controls. Notifications report drops and state changes.";
    }

    @Override
    protected String getDescription(final MBeanAttributeInfo info)
    {
        final String description = DESCRIPTIONS.attribute(info.getName());
        return description != null ? description : super.getDescription(info);
    }

    @Override
    protected String getDescription(final MBeanOperationInfo info)
    {
        final String description = DESCRIPTIONS.operation(info.getName());
        return description != null ? description : super.getDescription(info);
    }

    @Override
    protected int getImpact(final MBeanOperationInfo info)
    {
        final int impact = DESCRIPTIONS.impact(info.getName());
        return impact != MBeanOperationInfo.UNKNOWN ? impact : super.getImpact(info);
    }

    /** Samples the counters now, as the notification thread does every poll interval. */
    void poll()
    {
        final NotificationPoller poller = this.poller;
        if (poller != null)
        {
            poller.poll();
        }
    }

    /** The last sampled state, or null while unregistered. */
    WriterState state()
    {
        final NotificationPoller poller = this.poller;
        return poller == null ? null : poller.state();
    }

    /** The notification thread, or null if none was started yet. */
    Thread pollerThread()
    {
        return pollerThread;
    }

    private void startPoller(final ObjectName name)
    {
        final NotificationPoller poller =
            new NotificationPoller(writer, name, this::sendNotification, minDropIntervalNanos, nanoClock);
        final String threadName = "unifiedwriter-jmx-" + name.getKeyProperty("name");
        final ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, (runnable) ->
        {
            final Thread thread = new Thread(runnable, threadName);
            thread.setDaemon(true);
            pollerThread = thread;
            return thread;
        });
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        stopPoller();
        synchronized (lock)
        {
            this.poller = poller;
            this.executor = executor;
        }
        executor.scheduleWithFixedDelay(
            () -> pollQuietly(poller), pollIntervalNanos, pollIntervalNanos, TimeUnit.NANOSECONDS);
    }

    /** A periodic job that throws is never run again: one bad sample must not end the notifications. */
    private static void pollQuietly(final NotificationPoller poller)
    {
        try
        {
            poller.poll();
        }
        catch (final RuntimeException ex)
        {
            // the next sample tries again; the attributes still show the counters
        }
    }

    private void clearRegistration()
    {
        server = null;
        name = null;
        stopPoller();
    }

    /** Ends the notification thread and waits for it, unless a listener on that thread unregistered us. */
    private void stopPoller()
    {
        final ScheduledThreadPoolExecutor executor;
        synchronized (lock)
        {
            executor = this.executor;
            this.executor = null;
            this.poller = null;
        }
        if (executor == null)
        {
            return;
        }
        executor.shutdown();
        if (Thread.currentThread() == pollerThread)
        {
            return;
        }
        try
        {
            executor.awaitTermination(STOP_WAIT_SECONDS, TimeUnit.SECONDS);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
    }
}
