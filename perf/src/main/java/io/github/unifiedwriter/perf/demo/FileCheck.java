package io.github.unifiedwriter.perf.demo;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

import io.github.unifiedwriter.perf.check.FileScan;
import io.github.unifiedwriter.perf.check.SequenceTracker;
import io.github.unifiedwriter.perf.check.TaggedLineParser;
import io.github.unifiedwriter.perf.monitor.WriterBean;

/**
 * Checks one appender's file after the demo: each thread's numbered events exactly once and in order.
 * A flight recorder (manual mode) writes only the context it was triggered for, and an appender that
 * dropped or failed records cannot hold them all: for those, the check is that what is there is in
 * order, with nothing repeated, and that the counters account for the rest.
 */
record FileCheck(Path file, boolean passed, String verdict)
{
    static FileCheck of(final WriterBean bean, final String runId, final int threads, final long events)
        throws IOException
    {
        final Path file = Path.of(bean.text("FileName"));
        final SequenceTracker tracker = new SequenceTracker(threads);
        final FileScan scan = FileScan.scan(file, new TaggedLineParser(runId), tracker);
        final long lines = scan.counted();
        final long notWritten = bean.counter("Dropped") + bean.counter("Failed");
        if (bean.manual())
        {
            final boolean ok = tracker.ordered() && scan.tornTailBytes() == 0;
            return new FileCheck(file, ok, String.format(Locale.ROOT,
                "%s: %,d of %,d events (flight recorder: the context up to each trigger), %s", ok ? "OK" : "FAILED",
                lines, events, tracker.describe()));
        }
        if (notWritten == 0)
        {
            final boolean ok = tracker.complete(events) && scan.tornTailBytes() == 0;
            return new FileCheck(file, ok, String.format(Locale.ROOT,
                "%s: %,d of %,d events, each thread's exactly once and in order%s", ok ? "OK" : "FAILED", lines, events,
                ok ? "" : " -- " + tracker.describe()));
        }
        final boolean ok = tracker.ordered() && lines + notWritten >= events && scan.tornTailBytes() == 0;
        return new FileCheck(file, ok, String.format(Locale.ROOT,
            "%s: %,d of %,d events in order, %,d dropped or failed and counted, %s", ok ? "OK" : "FAILED", lines,
            events, notWritten, tracker.describe()));
    }
}
