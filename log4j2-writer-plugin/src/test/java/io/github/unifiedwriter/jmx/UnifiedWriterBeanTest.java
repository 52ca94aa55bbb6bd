package io.github.unifiedwriter.jmx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import javax.management.JMX;
import javax.management.MBeanAttributeInfo;
import javax.management.MBeanInfo;
import javax.management.MBeanOperationInfo;
import javax.management.MBeanServer;
import javax.management.MBeanServerFactory;
import javax.management.ObjectName;
import javax.management.RuntimeMBeanException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class UnifiedWriterBeanTest
{
    private static final Set<String> ATTRIBUTES = Set.of("Offered", "Enqueued", "Written", "Dropped", "Failed", "Errors",
        "Restarts", "Pending", "Batches", "BytesWritten", "RemainingCapacity", "RingSize", "Mode", "Policy",
        "WriterType", "FileName", "BatchSize", "FlushIntervalMillis", "FallbackToSync", "LastError");
    private static final Set<String> OPERATIONS = Set.of("trigger", "flush", "restart", "reopen");

    private final MBeanServer server = MBeanServerFactory.newMBeanServer();
    private final ObjectName name = WriterObjectNames.of("ctx", "app");
    private final FakeWriter writer = new FakeWriter();
    private UnifiedWriterBean bean;

    @BeforeEach
    void register() throws Exception
    {
        bean = new UnifiedWriterBean(writer, Duration.ofHours(1), Duration.ofSeconds(1), () -> 0L);
        bean.register(server, name);
    }

    @AfterEach
    void unregister()
    {
        bean.unregister();
    }

    @Test
    void everyAttributeReadsTheWritersValue() throws Exception
    {
        final Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("Offered", 15L);
        expected.put("Enqueued", 11L);
        expected.put("Written", 7L);
        expected.put("Dropped", 2L);
        expected.put("Failed", 1L);
        expected.put("Errors", 3L);
        expected.put("Restarts", 4L);
        expected.put("Pending", 5L);
        expected.put("Batches", 6L);
        expected.put("BytesWritten", 1234L);
        expected.put("RemainingCapacity", 1000L);
        expected.put("RingSize", 1024);
        expected.put("Mode", "MANUAL");
        expected.put("Policy", "DROP_NEWEST");
        expected.put("WriterType", "mmap");
        expected.put("FileName", "/var/log/app.log");
        expected.put("BatchSize", 64);
        expected.put("FlushIntervalMillis", 250L);
        expected.put("FallbackToSync", false);
        expected.put("LastError", "java.io.IOException: disk full");
        assertEquals(ATTRIBUTES, expected.keySet());

        for (final Map.Entry<String, Object> entry : expected.entrySet())
        {
            assertEquals(entry.getValue(), server.getAttribute(name, entry.getKey()), entry.getKey());
        }

        writer.fallbackToSync = true;
        writer.written = 99;
        writer.lastError = null;
        assertEquals(true, server.getAttribute(name, "FallbackToSync"));
        assertEquals(99L, server.getAttribute(name, "Written"));
        assertNull(server.getAttribute(name, "LastError"));
    }

    @Test
    void aProxyReadsAsJConsoleDoes()
    {
        final UnifiedWriterMXBean proxy = JMX.newMXBeanProxy(server, name, UnifiedWriterMXBean.class);
        writer.bytesWritten = 1L << 40;
        assertEquals(1L << 40, proxy.getBytesWritten());
        assertEquals("mmap", proxy.getWriterType());
    }

    @Test
    void remainingCapacityIsNeverNegative() throws Exception
    {
        writer.remainingCapacity = -3;
        assertEquals(0L, server.getAttribute(name, "RemainingCapacity"));
        writer.remainingCapacity = 0;
        assertEquals(0L, server.getAttribute(name, "RemainingCapacity"));
    }

    @Test
    void everyAttributeAndOperationIsDescribed() throws Exception
    {
        final MBeanInfo info = server.getMBeanInfo(name);
        assertFalse(info.getDescription().isBlank());

        final Map<String, MBeanAttributeInfo> attributes = Arrays.stream(info.getAttributes())
            .collect(Collectors.toMap(MBeanAttributeInfo::getName, (a) -> a));
        assertEquals(ATTRIBUTES, attributes.keySet());
        for (final MBeanAttributeInfo attribute : attributes.values())
        {
            assertDescribed(attribute.getName(), attribute.getDescription());
            assertTrue(attribute.isReadable(), attribute.getName());
            assertFalse(attribute.isWritable(), attribute.getName());
        }

        final Map<String, MBeanOperationInfo> operations = Arrays.stream(info.getOperations())
            .collect(Collectors.toMap(MBeanOperationInfo::getName, (o) -> o));
        assertEquals(OPERATIONS, operations.keySet());
        for (final MBeanOperationInfo operation : operations.values())
        {
            assertDescribed(operation.getName(), operation.getDescription());
            assertEquals(MBeanOperationInfo.ACTION, operation.getImpact(), operation.getName());
        }

        assertTrue(attributes.get("FlushIntervalMillis").getDescription().contains("milliseconds"));
        assertTrue(attributes.get("BytesWritten").getDescription().contains("bytes"));
    }

    @Test
    void numericAttributesCarryMetricTypeAndUnits() throws Exception
    {
        final Map<String, MBeanAttributeInfo> attributes = Arrays.stream(server.getMBeanInfo(name).getAttributes())
            .collect(Collectors.toMap(MBeanAttributeInfo::getName, (a) -> a));
        assertDescriptor(attributes.get("Written"), "counter", "records");
        assertDescriptor(attributes.get("BytesWritten"), "counter", "bytes");
        assertDescriptor(attributes.get("Pending"), "gauge", "records");
        assertDescriptor(attributes.get("RemainingCapacity"), "gauge", "slots");
        assertDescriptor(attributes.get("FlushIntervalMillis"), "gauge", "ms");
        assertNull(attributes.get("FileName").getDescriptor().getFieldValue("metricType"));
    }

    @Test
    void bothNotificationsAreDeclared() throws Exception
    {
        final Set<String> types = new TreeSet<>();
        Arrays.stream(server.getMBeanInfo(name).getNotifications()).forEach((n) ->
        {
            assertDescribed(n.getName(), n.getDescription());
            types.addAll(Arrays.asList(n.getNotifTypes()));
        });
        assertEquals(new TreeSet<>(Set.of(WriterNotifications.DROPPED, WriterNotifications.STATE)), types);
    }

    @Test
    void operationsReachTheWriter() throws Exception
    {
        server.invoke(name, "trigger", null, null);
        server.invoke(name, "trigger", null, null);
        server.invoke(name, "flush", null, null);
        server.invoke(name, "restart", null, null);
        server.invoke(name, "reopen", null, null);

        assertEquals(2, writer.triggers.get());
        assertEquals(1, writer.flushes.get());
        assertEquals(1, writer.restartCalls.get());
        assertEquals(1, writer.reopens.get());
    }

    @Test
    void aFailingOperationReportsOnlyTextARemoteConsoleCanRead()
    {
        writer.failure = new UnsupportedOperationException("writer stopped");
        final RuntimeMBeanException ex =
            assertThrows(RuntimeMBeanException.class, () -> server.invoke(name, "flush", null, null));
        final IllegalStateException cause = assertInstanceOf(IllegalStateException.class, ex.getCause());
        assertTrue(cause.getMessage().contains("writer stopped"), cause.getMessage());
        assertNull(cause.getCause());
    }

    private static void assertDescribed(final String element, final String description)
    {
        assertNotNull(description, element);
        assertFalse(description.isBlank(), element);
        assertFalse(description.contains("exposed for management"), element + ": " + description);
    }

    private static void assertDescriptor(final MBeanAttributeInfo info, final String type, final String units)
    {
        assertEquals(type, info.getDescriptor().getFieldValue("metricType"), info.getName());
        assertEquals(units, info.getDescriptor().getFieldValue("units"), info.getName());
    }
}
