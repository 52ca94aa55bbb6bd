package io.github.unifiedwriter.reliability;

import io.github.unifiedwriter.log4j2.TestConfigs;
import io.github.unifiedwriter.log4j2.StatusCapture;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.management.JMX;

import io.github.unifiedwriter.core.WriterMetrics;
import io.github.unifiedwriter.jmx.UnifiedWriterMXBean;
import io.github.unifiedwriter.log4j2.UnifiedWriterManager;
import io.github.unifiedwriter.testing.NumberedLines;
import io.github.unifiedwriter.testing.Threads;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.core.LoggerContext;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Far more producer threads than cores, a small ring and two million events through Log4j2, under each
 * policy: nobody hangs, every call is accounted for, BLOCK loses nothing, and a drop policy never drops an
 * ERROR (the default discardThreshold is INFO).
 */
class FloodTest
{
    private static final int THREADS = 64;
    private static final int EVENTS = 2_000_000;
    private static final int PER_THREAD = EVENTS / THREADS;
    private static final int ERROR_EVERY = 50;
    private static final Pattern WARNED = Pattern.compile("; (\\d+) records dropped since the last warning");

    @TempDir
    Path dir;

    @ParameterizedTest(name = "policy={0}")
    @ValueSource(strings = {"block", "drop_newest", "drop_oldest", "warn"})
    void twoMillionEventsFromSixtyFourThreadsAreAllAccountedFor(final String policy) throws Exception
    {
        final Path file = dir.resolve(policy + ".log");
        final LoggerContext context = TestConfigs.start(dir, TestConfigs.config(
            Configs.writer("flood", file, "policy=\"" + policy + "\" ringSize=\"256\" jmx=\"true\""), "flood"));
        final UnifiedWriterManager manager = TestConfigs.appender(context, "flood").getManager();
        final Logger logger = context.getLogger("flood");
        final WriterMetrics metrics;
        final long nanos;
        try (StatusCapture status = new StatusCapture())
        {
            final long start = System.nanoTime();
            Threads.start("flood", THREADS, (id) ->
            {
                for (int i = 0; i < PER_THREAD; i++)
                {
                    if (i % ERROR_EVERY == 0)
                    {
                        logger.error("t{} {} E", id, i);
                    }
                    else
                    {
                        logger.info("t{} {}", id, i);
                    }
                }
            }).join(120);
            nanos = System.nanoTime() - start;

            assertTrue(manager.flush(Duration.ofSeconds(30)), "the ring drains once the callers are done");
            final UnifiedWriterMXBean bean = JMX.newMXBeanProxy(ManagementFactory.getPlatformMBeanServer(),
                manager.getObjectName(), UnifiedWriterMXBean.class);
            assertEquals(EVENTS, bean.getWritten() + bean.getDropped() + bean.getFailed(), "read through JMX");
            assertEquals(0, bean.getPending(), "read through JMX");
            context.stop();
            metrics = manager.metrics();

            if ("warn".equals(policy))
            {
                final List<String> warnings = status.about("flood", Level.WARN);
                long reported = 0;
                for (final String warning : warnings)
                {
                    final Matcher m = WARNED.matcher(warning);
                    assertTrue(m.find(), warning);
                    reported += Long.parseLong(m.group(1));
                }
                assertEquals(metrics.dropped(), reported, "every drop is reported, some only at stop");
                final long seconds = TimeUnit.NANOSECONDS.toSeconds(nanos);
                assertTrue(warnings.size() <= seconds + 2, "at most one warning a second and one at stop: " +
                    warnings.size() + " in " + seconds + " s");
            }
            else
            {
                assertEquals(List.of(), status.about("flood", Level.WARN));
            }
            assertEquals(List.of(), status.about("flood", Level.ERROR));
        }

        assertEquals(EVENTS, metrics.written() + metrics.dropped() + metrics.failed(), metrics.toString());
        assertEquals(0, metrics.pending(), metrics.toString());
        assertEquals(0, metrics.failed(), metrics.toString());
        final long lines = checkContent(Files.readAllBytes(file), "block".equals(policy), policy);
        assertEquals(metrics.written(), lines, "the file holds what was counted as written");
        if ("block".equals(policy))
        {
            assertEquals(0, metrics.dropped(), metrics.toString());
        }
        System.out.printf("flood %s: %,d events from %d threads in %d ms; written %,d, dropped %,d%n", policy,
            EVENTS, THREADS, TimeUnit.NANOSECONDS.toMillis(nanos), metrics.written(), metrics.dropped());
    }

    /**
     * Each thread's lines in order, none twice, ERROR lines exactly where they were logged, and every ERROR
     * present; with {@code everyLine}, every line present.
     *
     * @return the number of lines
     */
    private static long checkContent(final byte[] content, final boolean everyLine, final String context)
    {
        final long[] next = new long[THREADS];
        final long[] errors = new long[THREADS];
        final long[] count = new long[1];
        NumberedLines.visit(content, 0, (thread, seq, tag) ->
        {
            final boolean error = seq % ERROR_EVERY == 0;
            assertTrue(thread < THREADS && seq >= next[thread] && seq < PER_THREAD,
                "t" + thread + " " + seq + " follows " + (next[thread] - 1) + ": " + context);
            assertTrue(!everyLine || seq == next[thread], "t" + thread + " " + next[thread] + " is missing");
            assertEquals(error ? "E" : null, tag, "t" + thread + " " + seq + " has the level it was logged at");
            assertTrue(!error || errors[thread] == seq / ERROR_EVERY,
                "t" + thread + " " + seq + ": an ERROR is missing");
            errors[thread] += error ? 1 : 0;
            next[thread] = seq + 1;
            count[0]++;
        }, context);
        for (int t = 0; t < THREADS; t++)
        {
            assertEquals((PER_THREAD + ERROR_EVERY - 1) / ERROR_EVERY, errors[t], "every ERROR of t" + t);
            assertTrue(!everyLine || next[t] == PER_THREAD, "every line of t" + t);
        }
        return count[0];
    }
}
