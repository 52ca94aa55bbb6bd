package io.github.unifiedwriter.perf.soak;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.config.Configurator;

import io.github.unifiedwriter.perf.cli.Options;
import io.github.unifiedwriter.perf.monitor.WriterBean;
import io.github.unifiedwriter.perf.stack.Contexts;

/**
 * {@code soak}: logs at a fixed rate for a long time through one UnifiedWriter appender and, every
 * report interval, prints its counters, the heap used after GC and the producers' latency. The file is
 * rotated as it grows and every line is checked. Not part of the build's tests: it runs for minutes.
 *
 * <p>Exit code 0 if every line was there once and in order and the counters add up, 3 otherwise.
 */
public final class SoakCommand
{
    public static final String USAGE = "soak [--minutes 10] [--rate calls/s (100,000)] [--threads 4]"
        + " [--report-seconds 10] [--rotate-mb 256] [--dir target/uw-soak] [--config FILE]";

    /** System property the bundled soak configuration reads its file name from. */
    public static final String FILE_PROPERTY = "uw.soak.file";

    private SoakCommand()
    {
    }

    public static int run(final String[] args, final PrintStream out) throws Exception
    {
        final Options options = Options.parse(args);
        final double minutes = options.doubleValue("minutes", 10);
        final double rate = options.doubleValue("rate", 100_000);
        final int threads = options.intValue("threads", 4);
        final long reportNanos = TimeUnit.MILLISECONDS.toNanos((long)(options.doubleValue("report-seconds", 10) * 1000));
        final long rotateBytes = options.longValue("rotate-mb", 256) << 20;
        final Path dir = Path.of(options.string("dir", "target/uw-soak"));
        final String configOption = options.string("config", null);
        options.rejectUnknown();
        if (minutes <= 0 || rate <= 0 || threads <= 0 || reportNanos <= 0 || rotateBytes <= 0)
        {
            throw new IllegalArgumentException("every option takes a positive number");
        }

        final Path file = Files.createDirectories(dir).resolve("soak.log");
        System.setProperty(FILE_PROPERTY, file.toAbsolutePath().toString());
        final LoggerContext context = start(configOption);
        final List<WriterBean> beans = WriterBean.local().stream().filter(b -> !b.manual()).toList();
        if (beans.isEmpty())
        {
            out.println("no UnifiedWriter appender outside manual mode in the configuration");
            Configurator.shutdown(context);
            return 3;
        }
        final WriterBean bean = beans.get(0);
        final String runId = Long.toHexString(System.nanoTime() ^ ProcessHandle.current().pid());
        out.printf(Locale.ROOT, "soak: %.1f min at %,.0f calls/s from %d threads through %s (%s writer, %s mode, %s policy)%n",
            minutes, rate, threads, bean.objectName(), bean.text("WriterType"), bean.text("Mode"), bean.text("Policy"));
        out.println("file: " + bean.text("FileName") + ", rotated and checked every " + (rotateBytes >> 20) + " MiB");

        final Segments segments = new Segments(bean, rotateBytes, threads, runId);
        final SoakLoad load = new SoakLoad(context.getLogger("io.github.unifiedwriter.soak.Soak"), runId, threads, rate);
        final SoakReport report = new SoakReport(out, bean, load);
        final long start = System.nanoTime();
        final long end = start + (long)(minutes * 60e9);
        long nextReport = start + reportNanos;
        while (System.nanoTime() - end < 0)
        {
            Thread.sleep(Math.min(1000, Math.max(1, TimeUnit.NANOSECONDS.toMillis(nextReport - System.nanoTime()))));
            segments.rotateIfLarge();
            if (System.nanoTime() - nextReport >= 0)
            {
                report.interval(segments);
                nextReport += reportNanos;
            }
        }
        load.stop();
        bean.invoke("flush");
        report.interval(segments);
        final boolean countersAddUp = report.countersAddUp();
        Configurator.shutdown(context);
        segments.finish();
        return report.summary(segments, load.callsPerProducer(), countersAddUp) ? 0 : 3;
    }

    private static LoggerContext start(final String configOption) throws IOException
    {
        final URL config = configOption != null ? Path.of(configOption).toUri().toURL()
            : SoakCommand.class.getClassLoader().getResource("soak/log4j2-soak.xml");
        return Contexts.start("uw-soak", config);
    }
}
