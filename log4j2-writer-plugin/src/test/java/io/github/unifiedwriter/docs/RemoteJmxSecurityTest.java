package io.github.unifiedwriter.docs;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

import io.github.unifiedwriter.jmx.WriterObjectNames;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The secured remote port of {@code docs/monitoring.md}, as a console meets it: a child JVM starts its JMX
 * agent from the documented {@code management.properties}, password file and access file, and this test
 * connects over the port. In a copy of the properties, the port is moved to a free one on 127.0.0.1, the
 * files to copies readable only by their owner, and TLS is switched off, since it needs a key store: the test
 * proves authentication and the two access levels.
 */
class RemoteJmxSecurityTest
{
    @TempDir
    Path dir;

    @Test
    void theDocumentedFilesAdmitOnlyTheirUsersAndOnlyControlMayInvoke() throws Exception
    {
        final Path jmx = Examples.folder().resolve("jmx");
        final Path password = ownerOnly(Files.copy(jmx.resolve("jmxremote.password"), dir.resolve("password")));
        final Path access = ownerOnly(Files.copy(jmx.resolve("jmxremote.access"), dir.resolve("access")));
        final Path config = Examples.prepare("quick-start.xml", dir);
        final int port = freePort();

        final Map<String, String> moved = new LinkedHashMap<>();
        moved.put("com.sun.management.jmxremote.port", String.valueOf(port));
        moved.put("com.sun.management.jmxremote.rmi.port", String.valueOf(port));
        moved.put("com.sun.management.jmxremote.password.file", password.toString());
        moved.put("com.sun.management.jmxremote.access.file", access.toString());
        moved.put("com.sun.management.jmxremote.ssl", "false");
        moved.put("com.sun.management.jmxremote.registry.ssl", "false");
        final Path management = dir.resolve("management.properties");
        Files.writeString(management, withValues(Examples.read(jmx.resolve("management.properties")), moved) +
            "com.sun.management.jmxremote.host=127.0.0.1\n", StandardCharsets.UTF_8);

        final Process child = new ProcessBuilder(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Xmx64m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
            "-Dcom.sun.management.config.file=" + management,
            "-Djava.rmi.server.hostname=127.0.0.1",
            "-cp", System.getProperty("java.class.path"),
            HeldLogging.class.getName(), config.toString())
            .redirectErrorStream(true)
            .start();
        try
        {
            awaitReady(child);
            final JMXServiceURL url =
                new JMXServiceURL("service:jmx:rmi:///jndi/rmi://127.0.0.1:" + port + "/jmxrmi");

            assertThrows(SecurityException.class, () -> JMXConnectorFactory.connect(url).close(),
                "no credentials, no connection");
            assertThrows(SecurityException.class, () -> connect(url, "monitor", "wrong").close());

            try (JMXConnector monitor = connect(url, "monitor", "change-this-monitor-password"))
            {
                final MBeanServerConnection server = monitor.getMBeanServerConnection();
                final ObjectName name = WriterObjectNames.of("held", "app");
                final long first = (Long)server.getAttribute(name, "Written");
                awaitAbove(server, name, "Written", first);
                assertThrows(SecurityException.class, () -> server.invoke(name, "trigger", null, null),
                    "readonly may not invoke operations");
            }
            try (JMXConnector control = connect(url, "control", "change-this-control-password"))
            {
                final MBeanServerConnection server = control.getMBeanServerConnection();
                final ObjectName name = WriterObjectNames.of("held", "app");
                server.invoke(name, "flush", null, null);
                assertTrue((Long)server.getAttribute(name, "Written") > 0);
            }
        }
        finally
        {
            child.getOutputStream().close();
            if (!child.waitFor(10, TimeUnit.SECONDS))
            {
                child.destroyForcibly();
            }
        }
        assertFalse(child.isAlive());
        assertTrue(Examples.lines(dir.resolve("logs/app.log")).size() > 0);
    }

    /** Reads {@code attribute} until it exceeds {@code value}: the child logs every 10 ms. Gives up after 30 s. */
    private static void awaitAbove(final MBeanServerConnection server, final ObjectName name, final String attribute,
        final long value) throws Exception
    {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        for (long seen = value; seen <= value; seen = (Long)server.getAttribute(name, attribute))
        {
            assertTrue(System.nanoTime() < deadline, attribute + " stayed at " + seen + " while the child logs");
            Thread.sleep(10);
        }
    }

    /** The properties text with new values for the given keys, each of which it must already set. */
    private static String withValues(final String properties, final Map<String, String> values)
    {
        final StringBuilder text = new StringBuilder();
        final Set<String> replaced = new HashSet<>();
        for (final String line : properties.lines().collect(Collectors.toList()))
        {
            final int equals = line.indexOf('=');
            final String key = line.startsWith("#") || equals < 0 ? null : line.substring(0, equals).trim();
            if (key != null && values.containsKey(key))
            {
                text.append(key).append('=').append(values.get(key)).append('\n');
                replaced.add(key);
            }
            else
            {
                text.append(line).append('\n');
            }
        }
        assertEquals(values.keySet(), replaced, "the documented file sets each of these");
        return text.toString();
    }

    private static JMXConnector connect(final JMXServiceURL url, final String user, final String password)
        throws IOException
    {
        return JMXConnectorFactory.connect(url, Map.of(JMXConnector.CREDENTIALS, new String[] {user, password}));
    }

    private static Path ownerOnly(final Path file) throws IOException
    {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        return file;
    }

    private static int freePort() throws IOException
    {
        try (ServerSocket socket = new ServerSocket(0))
        {
            return socket.getLocalPort();
        }
    }

    /** Reads the child's output until it is ready; fails with that output if it ends first. */
    private static void awaitReady(final Process child) throws IOException
    {
        final BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
            StandardCharsets.UTF_8));
        final List<String> seen = new ArrayList<>();
        for (String line = out.readLine(); line != null; line = out.readLine())
        {
            if (line.startsWith("ready "))
            {
                final Thread drain = new Thread(() -> drain(out), "child-output");
                drain.setDaemon(true);
                drain.start();
                return;
            }
            seen.add(line);
        }
        assertEquals(Set.of(), Set.copyOf(seen), "the child ended before it was ready");
    }

    private static void drain(final BufferedReader out)
    {
        try
        {
            while (out.readLine() != null)
            {
                // keep the pipe from filling
            }
        }
        catch (final IOException ex)
        {
            // the child is gone
        }
    }
}
