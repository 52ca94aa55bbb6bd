package io.github.unifiedwriter.perf.demo;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;

import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.config.Configurator;

import io.github.unifiedwriter.perf.cli.Options;
import io.github.unifiedwriter.perf.monitor.WriterBean;
import io.github.unifiedwriter.perf.stack.Contexts;

/**
 * {@code demo}: logs N events from T threads through the Log4j2 API with a real configuration, shows
 * progress, then prints the rate up to the moment the last line was in the file, every UnifiedWriter
 * appender's counters and ObjectName as JMX shows them, and a check of every line in every file.
 *
 * <p>Exit code 0 if every file checks, 3 if one does not or no UnifiedWriter appender was found.
 */
public final class DemoCommand
{
    public static final String USAGE = "demo [--events N (1,000,000)] [--threads T (4)] [--config FILE (log4j2-test.xml)]"
        + " [--hold] [--rate calls/s (unlimited)]";

    /** The copy of the repository's {@code log4j2-test.xml} inside the jar, for runs away from the repository. */
    static final String BUNDLED_CONFIG = "demo/log4j2-test.xml";

    private DemoCommand()
    {
    }

    public static int run(final String[] args, final PrintStream out) throws Exception
    {
        final Options options = Options.parse(args, "hold");
        final long events = options.longValue("events", 1_000_000);
        final int threads = options.intValue("threads", 4);
        final String configOption = options.string("config", null);
        final boolean hold = options.flag("hold");
        final double rate = options.doubleValue("rate", 0);
        options.rejectUnknown();
        if (events <= 0 || threads <= 0 || rate < 0)
        {
            throw new IllegalArgumentException("--events and --threads take positive numbers");
        }

        final URL config = config(configOption);
        final String runId = Long.toHexString(System.nanoTime() ^ ProcessHandle.current().pid());
        out.printf(Locale.ROOT, "UnifiedWriter demo: %,d events from %d threads, configuration %s%n", events, threads, config);
        final LoggerContext context = Contexts.start("uw-demo", config);
        final Logger logger = context.getLogger("io.github.unifiedwriter.demo.Demo");
        final List<WriterBean> beans = WriterBean.local();
        if (beans.isEmpty())
        {
            out.println("no UnifiedWriter appender is registered: is the plugin on the class path and used by " + config + "?");
            Configurator.shutdown(context);
            return 3;
        }

        final DemoLoad load = new DemoLoad(logger, runId, events, threads, rate);
        final Progress progress = new Progress(out, load::calls, events, beans);
        final long start = load.start();
        load.join();
        final long callsDone = System.nanoTime();
        for (final WriterBean bean : beans)
        {
            if (bean.manual())
            {
                bean.invoke("trigger");
            }
            bean.invoke("flush");
        }
        final long end = System.nanoTime();
        progress.stop();

        final boolean passed = DemoReport.print(out, beans, runId, threads, events, start, callsDone, end);
        if (hold)
        {
            holdForJConsole(out);
        }
        Configurator.shutdown(context);
        return passed ? 0 : 3;
    }

    private static URL config(final String option) throws IOException
    {
        if (option != null)
        {
            final Path path = Path.of(option);
            if (!Files.isRegularFile(path))
            {
                throw new IllegalArgumentException("--config: no file " + path.toAbsolutePath());
            }
            return path.toUri().toURL();
        }
        final Path local = Path.of("log4j2-test.xml");
        if (Files.isRegularFile(local))
        {
            return local.toUri().toURL();
        }
        final URL bundled = DemoCommand.class.getClassLoader().getResource(BUNDLED_CONFIG);
        if (bundled == null)
        {
            throw new IllegalArgumentException("no log4j2-test.xml here and none bundled: give --config FILE");
        }
        return bundled;
    }

    private static void holdForJConsole(final PrintStream out) throws InterruptedException
    {
        final long pid = ProcessHandle.current().pid();
        out.println();
        out.println("holding the JVM so JConsole can attach; Ctrl+C ends it.");
        out.println("  on this machine:   jconsole " + pid);
        out.println("  over a local port: start the demo with -Dcom.sun.management.jmxremote.port=9010"
            + " -Dcom.sun.management.jmxremote.host=127.0.0.1 -Djava.rmi.server.hostname=127.0.0.1"
            + " -Dcom.sun.management.jmxremote.authenticate=false -Dcom.sun.management.jmxremote.ssl=false,");
        out.println("                     then jconsole 127.0.0.1:9010 (loopback only, no password;"
            + " docs/monitoring.md shows how to secure a remote port)");
        out.println("  in JConsole, open MBeans > io.github.unifiedwriter > UnifiedWriter");
        jmxAddress(out);
        out.flush();
        new CountDownLatch(1).await();
    }

    private static void jmxAddress(final PrintStream out)
    {
        final String port = System.getProperty("com.sun.management.jmxremote.port");
        if (port != null)
        {
            try
            {
                final String host = System.getProperty("java.rmi.server.hostname", "localhost");
                out.println("  JMX remote port open: service:jmx:rmi:///jndi/"
                    + new URI("rmi", null, host, Integer.parseInt(port), "/jmxrmi", null, null));
            }
            catch (final URISyntaxException | NumberFormatException ex)
            {
                out.println("  JMX remote port: " + port);
            }
        }
        out.println("  JVM: " + ManagementFactory.getRuntimeMXBean().getName());
    }
}
