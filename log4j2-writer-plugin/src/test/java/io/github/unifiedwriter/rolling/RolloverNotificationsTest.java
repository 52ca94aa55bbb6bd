package io.github.unifiedwriter.rolling;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.management.MBeanServer;
import javax.management.Notification;
import javax.management.NotificationListener;
import javax.management.ObjectName;

import io.github.unifiedwriter.jmx.WriterNotifications;
import io.github.unifiedwriter.log4j2.StatusCapture;
import io.github.unifiedwriter.log4j2.TestConfigs;
import io.github.unifiedwriter.log4j2.UnifiedWriterAppender;
import org.apache.logging.log4j.core.LoggerContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A rollover is announced over JMX; an archive that fails keeps the rolled file, is logged as an ERROR and is
 * announced too, and the writer carries on in the new file.
 */
class RolloverNotificationsTest
{
    @TempDir
    Path dir;

    @Test
    void aFailedArchiveKeepsTheFileAndBothEventsAreAnnounced() throws Exception
    {
        final Path blocker = dir.resolve("blocker");
        Files.writeString(blocker, "a file where the pattern wants a folder\n");
        final Path active = dir.resolve("app.log");
        final String element = "    <UnifiedWriter name=\"notified\" fileName=\"" + active + "\" filePattern=\"" +
            blocker.resolve("app-%i.log.gz") + "\">\n      <PatternLayout pattern=\"%m%n\"/>\n" +
            "      <SizeBasedTriggeringPolicy size=\"1MB\"/>\n    </UnifiedWriter>";
        try (StatusCapture status = new StatusCapture())
        {
            final LoggerContext context = TestConfigs.start(dir, TestConfigs.config(element, "notified"));
            final UnifiedWriterAppender appender = TestConfigs.appender(context, "notified");
            final MBeanServer server = ManagementFactory.getPlatformMBeanServer();
            final ObjectName name = appender.getManager().getObjectName();
            final List<Notification> seen = new CopyOnWriteArrayList<>();
            final NotificationListener listener = (notification, handback) -> seen.add(notification);
            server.addNotificationListener(name, listener, null, null);
            try
            {
                context.getLogger("notified").info("before");
                assertTrue(appender.getManager().flush(Duration.ofSeconds(10)));
                server.invoke(name, "rollover", new Object[0], new String[0]);
                RolledFiles.await(Duration.ofSeconds(10), "both notifications", () ->
                    types(seen).contains(WriterNotifications.ROLLOVER) &&
                    types(seen).contains(WriterNotifications.COMPRESSION_FAILED));
                context.getLogger("notified").info("after");
            }
            finally
            {
                server.removeNotificationListener(name, listener);
                context.stop();
            }
            final Notification rolled = seen.stream()
                .filter((n) -> n.getType().equals(WriterNotifications.ROLLOVER)).findFirst().orElseThrow();
            assertEquals(1L, rolled.getUserData());
            assertTrue(status.errors().stream().anyMatch((m) -> m.contains("archiving") && m.contains("\"notified\"")),
                status.all().toString());
        }
        final List<Path> kept;
        try (var files = Files.list(dir))
        {
            kept = files.filter((f) -> f.getFileName().toString().endsWith(".raw")).toList();
        }
        assertEquals(1, kept.size(), "the raw file is kept");
        assertEquals(List.of("before"), RolledFiles.lines(kept.get(0)));
        assertEquals(List.of("after"), RolledFiles.lines(active));
        assertFalse(Files.isDirectory(blocker));
    }

    private static List<String> types(final List<Notification> seen)
    {
        return seen.stream().map(Notification::getType).toList();
    }
}
