package io.github.unifiedwriter.perf.demo;

import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

import io.github.unifiedwriter.perf.monitor.WriterBean;

/** The demo's closing summary: rate, counters, files, ObjectNames and the line check. */
final class DemoReport
{
    private DemoReport()
    {
    }

    /** @return true if every appender's file passed its check */
    static boolean print(final PrintStream out, final List<WriterBean> beans, final String runId, final int threads,
        final long events, final long start, final long callsDone, final long end) throws IOException
    {
        out.println();
        out.printf(Locale.ROOT, "%,d events in %.3f s: %,.0f events/s up to the moment the last line was in the file%n",
            events, (end - start) / 1e9, events / ((end - start) / 1e9));
        out.printf(Locale.ROOT, "  (calls returned after %.3f s: %,.0f calls/s; the files were complete %.1f ms later)%n",
            (callsDone - start) / 1e9, events / ((callsDone - start) / 1e9), (end - callsDone) / 1e6);

        boolean passed = true;
        for (final WriterBean bean : beans)
        {
            out.println();
            out.printf(Locale.ROOT, "appender %s: %s writer, %s mode, %s policy%n", bean.appender(),
                bean.text("WriterType"), bean.text("Mode"), bean.text("Policy"));
            out.println("  JMX ObjectName: " + bean.objectName());
            final StringBuilder counters = new StringBuilder("  counters:");
            for (final String counter : WriterBean.COUNTERS)
            {
                counters.append(String.format(Locale.ROOT, " %s=%,d", counter, bean.counter(counter)));
            }
            out.println(counters);
            final String lastError = bean.text("LastError");
            if (!lastError.isEmpty())
            {
                out.println("  last error: " + lastError);
            }
            final FileCheck check = FileCheck.of(bean, runId, threads, events);
            out.println("  file: " + check.file().toAbsolutePath());
            out.println("  line check: " + check.verdict());
            passed &= check.passed();
        }
        out.println();
        out.println(passed ? "line check passed: every line is present" : "LINE CHECK FAILED");
        return passed;
    }
}
