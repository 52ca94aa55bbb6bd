package io.github.unifiedwriter.docs;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.JMX;
import javax.management.MBeanServer;
import javax.management.ObjectName;

import io.github.unifiedwriter.jmx.UnifiedWriterMXBean;
import io.github.unifiedwriter.jmx.WriterNotifications;
import io.github.unifiedwriter.jmx.WriterObjectNames;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.core.LoggerContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Java of {@code docs/monitoring.md}: reading the MXBean from code and listening for drops. */
class MonitoringExampleTest
{
    private final List<String> unhealthy = new ArrayList<>();

    @TempDir
    Path dir;

    @Test
    void aHealthCheckReadsEveryWriterThroughItsMXBean() throws Exception
    {
        final LoggerContext context = Examples.start("quick-start.xml", dir);
        context.getLogger("health").info("one line");
        try
        {
            final ObjectName ours = WriterObjectNames.of(context.getName(), "app");
            final MBeanServer server = ManagementFactory.getPlatformMBeanServer();
            for (final ObjectName name : server.queryNames(WriterObjectNames.pattern(), null))
            {
                final UnifiedWriterMXBean writer = JMX.newMXBeanProxy(server, name, UnifiedWriterMXBean.class);
                if (writer.isFallbackToSync() || writer.getFailed() > 0)
                {
                    report(name, writer.getLastError());
                }
            }
            assertTrue(server.isRegistered(ours));
            assertTrue(unhealthy.stream().noneMatch((n) -> n.startsWith(ours.toString())), unhealthy.toString());
            final UnifiedWriterMXBean app = JMX.newMXBeanProxy(server, ours, UnifiedWriterMXBean.class);
            app.flush();
            assertEquals(1, app.getWritten());
        }
        finally
        {
            context.stop();
        }
    }

    @Test
    void aListenerHearsOfDropsWithTheirCount() throws Exception
    {
        final Path config = dir.resolve("drops.xml");
        Files.writeString(config, "<Configuration><Appenders>"
            + "<UnifiedWriter name=\"drops\" fileName=\"" + dir.resolve("drops.log") + "\" mode=\"manual\""
            + " policy=\"drop_newest\" ringSize=\"64\"><PatternLayout pattern=\"%m%n\"/></UnifiedWriter>"
            + "</Appenders><Loggers><Root level=\"info\"><AppenderRef ref=\"drops\"/></Root></Loggers>"
            + "</Configuration>");
        final LoggerContext context = new LoggerContext("drops-" + System.nanoTime(), null, config.toUri());
        context.start();
        try
        {
            final MBeanServer server = ManagementFactory.getPlatformMBeanServer();
            final ObjectName name = WriterObjectNames.of(context.getName(), "drops");
            final AtomicLong dropped = new AtomicLong();
            server.addNotificationListener(name, (notification, handback) ->
            {
                if (WriterNotifications.DROPPED.equals(notification.getType()))
                {
                    dropped.addAndGet((Long)notification.getUserData());
                }
            }, null, null);

            final Logger logger = context.getLogger("drops");
            for (int i = 0; i < 100; i++)
            {
                logger.info("line {}", i);
            }
            final long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (dropped.get() < 36 && System.nanoTime() < deadline)
            {
                Thread.sleep(20);
            }
            assertEquals(36, dropped.get(), "a ring of 64 in manual mode keeps 64 of 100");
        }
        finally
        {
            context.stop();
        }
    }

    private void report(final ObjectName name, final String lastError)
    {
        unhealthy.add(name + ": " + lastError);
    }
}
