package io.github.unifiedwriter.jmx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.unifiedwriter.core.BatchDestination;
import io.github.unifiedwriter.core.Mode;
import io.github.unifiedwriter.core.QueuePolicy;
import io.github.unifiedwriter.core.UnifiedWriter;
import io.github.unifiedwriter.core.WriterConfig;
import io.github.unifiedwriter.core.WriterMetrics;
import io.github.unifiedwriter.testing.Threads;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.management.MBeanServer;
import javax.management.MBeanServerFactory;
import javax.management.Notification;
import javax.management.ObjectName;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The bean over the real engine, in MANUAL mode: records wait in the ring until the trigger operation. */
class EngineBeanTest
{
    private static final int RECORDS = 50;

    private final MBeanServer server = MBeanServerFactory.newMBeanServer();
    private final ObjectName name = WriterObjectNames.of("ctx", "recorder");
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private UnifiedWriter writer;
    private UnifiedWriterBean bean;

    @BeforeEach
    void start() throws Exception
    {
        final WriterConfig config = WriterConfig.builder().name("recorder").mode(Mode.MANUAL).ringSize(256).build();
        writer = UnifiedWriter.start(config, BatchDestination.of((record) ->
            lines.add(StandardCharsets.UTF_8.decode(record).toString())));
        bean = new UnifiedWriterBean(new EngineView(writer, "memory", "memory"));
        bean.register(server, name);
    }

    @AfterEach
    void stop()
    {
        bean.unregister();
        writer.stop();
    }

    @Test
    void triggerReleasesWhatManualModeHolds() throws Exception
    {
        assertEquals("MANUAL", server.getAttribute(name, "Mode"));
        assertEquals(256, server.getAttribute(name, "RingSize"));
        for (int i = 0; i < RECORDS; i++)
        {
            assertTrue(writer.enqueue(("line " + i).getBytes(StandardCharsets.UTF_8)));
        }
        assertEquals((long)RECORDS, server.getAttribute(name, "Enqueued"));
        assertEquals(0L, server.getAttribute(name, "Written"));
        assertEquals(256L - RECORDS, server.getAttribute(name, "RemainingCapacity"));

        server.invoke(name, "trigger", null, null);

        Threads.await(() -> attribute("Written") == RECORDS, "the bean shows every record written");
        assertEquals(RECORDS, lines.size());
        assertEquals("line 0", lines.get(0));
        assertEquals("line " + (RECORDS - 1), lines.get(RECORDS - 1));
        assertTrue(attribute("Batches") >= 1);
        assertEquals(0L, attribute("Dropped"));
    }

    @Test
    void dropsOfTheRealEngineReachTheListenerWithTheirCount() throws Exception
    {
        final UnifiedWriter full = UnifiedWriter.start(
            WriterConfig.builder().name("full").mode(Mode.MANUAL).ringSize(64).policy(QueuePolicy.DROP_NEWEST).build(),
            BatchDestination.of((record) -> record.position(record.limit())));
        final ObjectName fullName = WriterObjectNames.of("ctx", "full");
        final UnifiedWriterBean fullBean = new UnifiedWriterBean(
            new EngineView(full, "memory", "memory"), Duration.ofHours(1), Duration.ofSeconds(1), System::nanoTime);
        final List<Notification> received = new CopyOnWriteArrayList<>();
        try
        {
            fullBean.register(server, fullName);
            server.addNotificationListener(fullName, (notification, handback) -> received.add(notification), null, null);
            for (int i = 0; i < 100; i++)
            {
                full.enqueue(("line " + i).getBytes(StandardCharsets.UTF_8));
            }
            assertEquals(0L, server.getAttribute(fullName, "RemainingCapacity"));
            assertEquals(36L, server.getAttribute(fullName, "Dropped"));

            fullBean.poll();
            assertEquals(1, received.size());
            assertEquals(WriterNotifications.DROPPED, received.get(0).getType());
            assertEquals(36L, received.get(0).getUserData());
        }
        finally
        {
            fullBean.unregister();
            full.stop();
        }
    }

    private long attribute(final String attribute)
    {
        try
        {
            return (Long)server.getAttribute(name, attribute);
        }
        catch (final Exception ex)
        {
            throw new AssertionError(ex);
        }
    }

    /** The engine as the bean sees it, as the Log4j2 manager shows it, minus the writer swaps. */
    private static final class EngineView implements MonitoredWriter
    {
        private final UnifiedWriter writer;
        private final String writerType;
        private final String fileName;

        EngineView(final UnifiedWriter writer, final String writerType, final String fileName)
        {
            this.writer = writer;
            this.writerType = writerType;
            this.fileName = fileName;
        }

        @Override
        public WriterMetrics metrics()
        {
            return writer.metrics();
        }

        @Override
        public long remainingCapacity()
        {
            return writer.remainingCapacity();
        }

        @Override
        public WriterConfig config()
        {
            return writer.config();
        }

        @Override
        public String writerType()
        {
            return writerType;
        }

        @Override
        public String activeFile()
        {
            return fileName;
        }

        @Override
        public void trigger()
        {
            writer.trigger();
        }

        @Override
        public void flush()
        {
            writer.flush(writer.config().shutdownTimeout());
        }

        @Override
        public void restart()
        {
            writer.restart();
        }

        @Override
        public void reopen()
        {
            writer.reopen();
        }
    }
}
