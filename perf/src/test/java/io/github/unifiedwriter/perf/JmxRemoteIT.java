package io.github.unifiedwriter.perf;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import javax.management.MBeanServerConnection;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.github.unifiedwriter.perf.monitor.WriterBean;

/**
 * As JConsole connects: the demo runs in a child JVM with a JMX port on the loopback address only and
 * no authentication (this test alone does that). The test reads the counters while the child logs, sees
 * {@code Written} grow, triggers the flight recorder and sees its file grow. Every wait is bounded;
 * the child is always killed.
 */
class JmxRemoteIT
{
    @BeforeEach
    void needsThePlugin()
    {
        Assumptions.assumeTrue(PerfJar.pluginPresent(), "the UnifiedWriter appender is not built yet");
    }

    private static final long WAIT_SECONDS = 20;

    @Test
    void readsCountersAndTriggersTheFlightRecorderRemotely() throws Exception
    {
        final int port = freePort();
        final Path logs = PerfJar.workDir("jmx");
        final List<String> jvmArgs = List.of(
            "-Dcom.sun.management.jmxremote.port=" + port,
            "-Dcom.sun.management.jmxremote.rmi.port=" + port,
            "-Dcom.sun.management.jmxremote.host=127.0.0.1",
            "-Dcom.sun.management.jmxremote.authenticate=false",
            "-Dcom.sun.management.jmxremote.ssl=false",
            "-Djava.rmi.server.hostname=127.0.0.1",
            "-Duw.logdir=" + logs);
        final String config = PerfJar.repoRoot().resolve("log4j2-test.xml").toString();

        try (PerfJar child = PerfJar.start(jvmArgs, "demo", "--events", "400000", "--threads", "2", "--rate", "25000",
            "--hold", "--config", config);
             JMXConnector connector = connect(port, child))
        {
            final MBeanServerConnection server = connector.getMBeanServerConnection();
            awaitTrue("a flight recorder and a streaming appender registered", child, () ->
                WriterBean.find(server).stream().anyMatch(WriterBean::manual)
                    && WriterBean.find(server).stream().anyMatch(b -> !b.manual()));
            final List<WriterBean> beans = WriterBean.find(server);

            final WriterBean streaming = beans.stream().filter(b -> !b.manual()).findFirst().orElseThrow();
            final long before = streaming.counter("Written");
            awaitTrue("Written grows on " + streaming.objectName(), child, () -> streaming.counter("Written") > before);

            final WriterBean recorder = beans.stream().filter(WriterBean::manual).findFirst()
                .orElseThrow(() -> new AssertionError("no manual-mode appender among " + beans));
            awaitTrue("records held by the flight recorder", child, () -> recorder.counter("Pending") > 0);
            final Path file = Path.of(recorder.text("FileName"));
            final long sizeBefore = Files.exists(file) ? Files.size(file) : 0;
            recorder.invoke("trigger");
            awaitTrue("the flight recorder's file grows after trigger()", child,
                () -> sizeOf(file) > sizeBefore);
            assertTrue(child.isAlive(), child.output());
        }
    }

    private static JMXConnector connect(final int port, final PerfJar child) throws Exception
    {
        final JMXServiceURL url = new JMXServiceURL("service:jmx:rmi:///jndi/rmi://127.0.0.1:" + port + "/jmxrmi");
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        IOException last = null;
        while (System.nanoTime() - deadline < 0)
        {
            assertTrue(child.isAlive(), () -> "the demo ended before JMX connected:\n" + child.output());
            try
            {
                return JMXConnectorFactory.connect(url);
            }
            catch (final IOException ex)
            {
                last = ex;
                Thread.sleep(200);
            }
        }
        throw new AssertionError("no JMX connection to " + url + " within " + WAIT_SECONDS + " s\n" + child.output(), last);
    }

    private static void awaitTrue(final String what, final PerfJar child, final BooleanSupplier condition)
        throws InterruptedException
    {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (!condition.getAsBoolean())
        {
            assertFalse(System.nanoTime() - deadline > 0, () -> "not seen within " + WAIT_SECONDS + " s: " + what
                + "\n" + child.output());
            Thread.sleep(50);
        }
    }

    private static long sizeOf(final Path file)
    {
        try
        {
            return Files.exists(file) ? Files.size(file) : 0;
        }
        catch (final IOException ex)
        {
            return 0;
        }
    }

    private static int freePort() throws IOException
    {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress()))
        {
            return socket.getLocalPort();
        }
    }
}
