package io.github.unifiedwriter.jmx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import javax.management.MBeanServer;
import javax.management.MBeanServerFactory;
import javax.management.Notification;
import javax.management.ObjectName;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Drives the sampling by hand, with a hand-set clock, so that nothing depends on timing. */
class NotificationTest
{
    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

    private final MBeanServer server = MBeanServerFactory.newMBeanServer();
    private final ObjectName name = WriterObjectNames.of("ctx", "app");
    private final FakeWriter writer = new FakeWriter();
    private final AtomicLong clock = new AtomicLong(5 * SECOND);
    private final List<Notification> received = new CopyOnWriteArrayList<>();
    private UnifiedWriterBean bean;

    @AfterEach
    void unregister()
    {
        if (bean != null)
        {
            bean.unregister();
        }
    }

    @Test
    void dropsAreReportedWithTheCountSinceTheLastReportAtMostOncePerInterval() throws Exception
    {
        writer.dropped = 100; // before registration: history, not news
        registerWithManualPolling();
        bean.poll();
        assertEquals(0, received.size());

        writer.dropped = 105;
        bean.poll();
        assertDropped(0, 5);

        writer.dropped = 108;
        clock.addAndGet(SECOND / 10);
        bean.poll();
        writer.dropped = 110;
        clock.addAndGet(SECOND / 2);
        bean.poll();
        assertEquals(1, received.size()); // within the interval: held back, still counted

        clock.addAndGet(SECOND / 2);
        bean.poll();
        assertDropped(1, 5);

        clock.addAndGet(10 * SECOND);
        bean.poll();
        assertEquals(2, received.size()); // no new drops, nothing to say
    }

    @Test
    void fallbackAndRestartAreReportedAsStateChanges() throws Exception
    {
        writer.restarts = 4;
        registerWithManualPolling();
        bean.poll();
        assertEquals(WriterState.RUNNING, bean.state());
        assertEquals(0, received.size());

        writer.restarts = 5;
        bean.poll();
        assertState(0, WriterState.RESTARTING);
        bean.poll();
        assertState(1, WriterState.RUNNING);

        writer.restarts = 15;
        writer.fallbackToSync = true;
        writer.lastError = "java.io.IOException: disk full";
        bean.poll();
        assertState(2, WriterState.SYNC_FALLBACK);
        assertTrue(received.get(2).getMessage().contains("disk full"), received.get(2).getMessage());
        bean.poll();
        assertEquals(3, received.size());

        writer.restarts = 16;
        writer.fallbackToSync = false;
        bean.poll();
        assertState(3, WriterState.RESTARTED);
        bean.poll();
        assertEquals(WriterState.RUNNING, bean.state());
        assertEquals(4, received.size()); // RESTARTED already said it runs

        final long[] sequences = received.stream().mapToLong(Notification::getSequenceNumber).toArray();
        for (int i = 1; i < sequences.length; i++)
        {
            assertTrue(sequences[i] > sequences[i - 1]);
        }
    }

    @Test
    void aBeanRegisteredInFallbackStartsThere() throws Exception
    {
        writer.fallbackToSync = true;
        registerWithManualPolling();
        bean.poll();
        assertEquals(WriterState.SYNC_FALLBACK, bean.state());
        assertEquals(0, received.size());
    }

    @Test
    void theNotificationThreadSendsThemOnItsOwn() throws Exception
    {
        final CountDownLatch sent = new CountDownLatch(1);
        final AtomicReference<Thread> sender = new AtomicReference<>();
        bean = new UnifiedWriterBean(writer, Duration.ofMillis(10), Duration.ofSeconds(1), System::nanoTime);
        bean.register(server, name);
        server.addNotificationListener(name, (notification, handback) ->
        {
            sender.set(Thread.currentThread());
            sent.countDown();
        }, null, null);

        writer.dropped += 7;
        assertTrue(sent.await(30, TimeUnit.SECONDS), "no notification from the notification thread");
        assertEquals(bean.pollerThread(), sender.get());
    }

    private void registerWithManualPolling() throws Exception
    {
        bean = new UnifiedWriterBean(writer, Duration.ofHours(1), Duration.ofSeconds(1), clock::get);
        bean.register(server, name);
        server.addNotificationListener(name, (notification, handback) -> received.add(notification), null, null);
    }

    private void assertDropped(final int index, final long count)
    {
        assertEquals(index + 1, received.size());
        final Notification notification = received.get(index);
        assertEquals(WriterNotifications.DROPPED, notification.getType());
        assertEquals(count, notification.getUserData());
        assertEquals(name, notification.getSource());
    }

    private void assertState(final int index, final WriterState state)
    {
        assertEquals(index + 1, received.size());
        final Notification notification = received.get(index);
        assertEquals(WriterNotifications.STATE, notification.getType());
        assertEquals(state.name(), notification.getUserData());
        assertEquals(name, notification.getSource());
        assertEquals(state, bean.state());
    }
}
