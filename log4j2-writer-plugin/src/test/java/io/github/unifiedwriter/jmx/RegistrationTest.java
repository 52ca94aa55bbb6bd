package io.github.unifiedwriter.jmx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.management.MBeanServer;
import javax.management.MBeanServerFactory;
import javax.management.ObjectName;
import org.junit.jupiter.api.Test;

class RegistrationTest
{
    private static final long JOIN_MILLIS = 10_000;

    private final MBeanServer server = MBeanServerFactory.newMBeanServer();
    private final ObjectName name = WriterObjectNames.of("ctx", "app");

    @Test
    void registeringOverAStaleBeanReplacesIt() throws Exception
    {
        final FakeWriter staleWriter = new FakeWriter();
        staleWriter.fileName = "stale.log";
        final UnifiedWriterBean stale = bean(staleWriter);
        final FakeWriter currentWriter = new FakeWriter();
        currentWriter.fileName = "current.log";
        final UnifiedWriterBean current = bean(currentWriter);

        assertEquals(name, stale.register(server, name));
        final Thread staleThread = stale.pollerThread();
        assertEquals(name, current.register(server, name));

        assertEquals("current.log", server.getAttribute(name, "FileName"));
        assertFalse(stale.isRegistered());
        assertTrue(current.isRegistered());
        assertGone(staleThread);

        stale.unregister(); // must not remove the bean that took its name
        assertTrue(server.isRegistered(name));
        assertEquals("current.log", server.getAttribute(name, "FileName"));

        current.unregister();
        assertFalse(server.isRegistered(name));
    }

    @Test
    void unregisterIsIdempotent() throws Exception
    {
        final UnifiedWriterBean bean = bean(new FakeWriter());
        bean.unregister(); // never registered

        bean.register(server, name);
        bean.unregister();
        bean.unregister();
        assertFalse(server.isRegistered(name));
        assertFalse(bean.isRegistered());
        assertNull(bean.objectName());
    }

    @Test
    void unregisteringThroughTheServerAlsoEndsTheThread() throws Exception
    {
        final UnifiedWriterBean bean = bean(new FakeWriter());
        bean.register(server, name);
        final Thread thread = bean.pollerThread();

        server.unregisterMBean(name);
        assertGone(thread);
        assertFalse(bean.isRegistered());
        bean.unregister();
    }

    @Test
    void theNotificationThreadIsADaemonAndEndsOnUnregister() throws Exception
    {
        final UnifiedWriterBean bean = bean(new FakeWriter());
        bean.register(server, name);
        final Thread thread = bean.pollerThread();
        assertNotNull(thread);
        assertTrue(thread.isAlive());
        assertTrue(thread.isDaemon());
        assertTrue(thread.getName().contains("app"), thread.getName());

        bean.unregister();
        assertGone(thread);
    }

    @Test
    void registeringUnderAnotherNameMovesTheBean() throws Exception
    {
        final UnifiedWriterBean bean = bean(new FakeWriter());
        final ObjectName other = WriterObjectNames.of("ctx", "renamed");
        bean.register(server, name);
        bean.register(server, other);

        assertFalse(server.isRegistered(name));
        assertTrue(server.isRegistered(other));
        assertEquals(other, bean.objectName());
        bean.unregister();
        assertFalse(server.isRegistered(other));
    }

    @Test
    void twentyReloadsLeaveNoBeanAndNoThreadBehind() throws Exception
    {
        final List<Thread> threads = new ArrayList<>();
        UnifiedWriterBean previous = null;
        for (int reload = 0; reload < 20; reload++)
        {
            final UnifiedWriterBean bean = bean(new FakeWriter());
            bean.register(server, name);
            threads.add(bean.pollerThread());
            if (previous != null && reload % 3 != 0)
            {
                previous.unregister(); // late, after the new bean took the name, as a slow reload does
            }
            assertTrue(server.isRegistered(name));
            previous = bean;
        }
        assertEquals(1, server.queryNames(new ObjectName("io.github.unifiedwriter:*"), null).size());

        previous.unregister();
        assertEquals(0, server.queryNames(new ObjectName("io.github.unifiedwriter:*"), null).size());
        for (final Thread thread : threads)
        {
            assertGone(thread);
        }
    }

    @Test
    void aPatternIsNotAName()
    {
        final UnifiedWriterBean bean = bean(new FakeWriter());
        assertThrows(IllegalArgumentException.class, () -> bean.register(server, WriterObjectNames.pattern()));
        assertFalse(bean.isRegistered());
    }

    private static UnifiedWriterBean bean(final FakeWriter writer)
    {
        return new UnifiedWriterBean(writer, Duration.ofHours(1), Duration.ofSeconds(1), System::nanoTime);
    }

    private static void assertGone(final Thread thread) throws InterruptedException
    {
        thread.join(JOIN_MILLIS);
        assertFalse(thread.isAlive(), thread.getName());
    }
}
