package io.github.unifiedwriter.log4j2;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.file.Path;
import java.util.Set;
import javax.management.MBeanServer;
import javax.management.ObjectName;

import io.github.unifiedwriter.jmx.WriterObjectNames;
import org.apache.logging.log4j.core.LoggerContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The manager registers one MXBean per file when it is created, keeps it through reloads with its counters,
 * and unregisters it when the last appender lets go; {@code jmx="false"} registers none.
 */
class MBeanHookTest
{
    private final MBeanServer server = ManagementFactory.getPlatformMBeanServer();

    @TempDir
    Path dir;

    @Test
    void oneBeanThroughReloadsGoneAfterStop() throws Exception
    {
        final Path file = dir.resolve("jmx.log");
        final URI a = TestConfigs.write(dir, "a.xml", TestConfigs.config(
            TestConfigs.writer("watched", file, "ringSize=\"1024\""), "watched")).toUri();
        final URI b = TestConfigs.write(dir, "b.xml", TestConfigs.config(
            TestConfigs.writer("watched", file, "ringSize=\"256\" writerType=\"line\""), "watched")).toUri();
        final LoggerContext context = TestConfigs.start(a);
        final ObjectName name = WriterObjectNames.of(context.getName(), "watched");
        assertEquals(name, TestConfigs.appender(context, "watched").getManager().getObjectName());

        for (int reload = 0; reload < 20; reload++)
        {
            context.getLogger("jmx").info("line {}", reload);
            context.setConfigLocation(reload % 2 == 0 ? b : a);
            assertEquals(Set.of(name), beansOf(context), "exactly the current bean after reload " + reload);
            assertEquals(reload % 2 == 0 ? 256 : 1024, server.getAttribute(name, "RingSize"));
            assertEquals(reload % 2 == 0 ? "line" : "block", server.getAttribute(name, "WriterType"));
        }
        server.invoke(name, "flush", null, null);
        assertEquals(20L, server.getAttribute(name, "Written"), "the counters carry on through reloads");

        context.stop();
        assertEquals(Set.of(), beansOf(context));
    }

    @Test
    void jmxFalseRegistersNothing()
    {
        final Path file = dir.resolve("quiet.log");
        final LoggerContext context = TestConfigs.start(dir, TestConfigs.config(
            TestConfigs.writer("unwatched", file, "jmx=\"false\""), "unwatched"));
        final UnifiedWriterManager manager = TestConfigs.appender(context, "unwatched").getManager();
        assertNull(manager.getObjectName());
        assertFalse(server.isRegistered(WriterObjectNames.of(context.getName(), "unwatched")));
        context.stop();
    }

    @Test
    void aReloadCanTurnTheBeanOnAndOff()
    {
        final Path file = dir.resolve("toggle.log");
        final URI on = TestConfigs.write(dir, "on.xml", TestConfigs.config(
            TestConfigs.writer("toggle", file, ""), "toggle")).toUri();
        final URI off = TestConfigs.write(dir, "off.xml", TestConfigs.config(
            TestConfigs.writer("toggle", file, "jmx=\"false\""), "toggle")).toUri();
        final LoggerContext context = TestConfigs.start(on);
        final ObjectName name = WriterObjectNames.of(context.getName(), "toggle");
        assertTrue(server.isRegistered(name));
        context.setConfigLocation(off);
        assertFalse(server.isRegistered(name));
        context.setConfigLocation(on);
        assertTrue(server.isRegistered(name));
        context.stop();
        assertFalse(server.isRegistered(name));
    }

    private Set<ObjectName> beansOf(final LoggerContext context) throws Exception
    {
        return server.queryNames(new ObjectName(WriterObjectNames.DOMAIN + ":type=" + WriterObjectNames.TYPE +
            ",context=" + WriterObjectNames.of(context.getName(), "x").getKeyProperty("context") + ",*"), null);
    }
}
