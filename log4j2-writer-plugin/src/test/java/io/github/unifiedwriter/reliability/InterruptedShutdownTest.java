package io.github.unifiedwriter.reliability;

import java.nio.file.Path;

import io.github.unifiedwriter.core.WriterMetrics;
import io.github.unifiedwriter.log4j2.ManagerInternals;
import io.github.unifiedwriter.log4j2.TestConfigs;
import io.github.unifiedwriter.log4j2.UnifiedWriterManager;
import io.github.unifiedwriter.testing.NumberedLines;
import io.github.unifiedwriter.testing.Threads;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.core.LoggerContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code LoggerContext.stop()} called from a thread whose interrupt flag is set, as a cancelled task or an
 * executor shutting the application down does, while the ring is full of records behind a writer stuck on its
 * file: the stop still drains within {@code shutdownTimeout}.
 */
class InterruptedShutdownTest
{
    private static final int THREADS = 4;
    private static final int PER_THREAD = 1_000;

    @TempDir
    Path dir;

    @Test
    void anInterruptedContextStopStillWritesEveryLine()
    {
        final SlowReader reader = SlowReader.open(dir.resolve("pipe"));
        final LoggerContext context = TestConfigs.start(dir, TestConfigs.config(Configs.writer("piped", reader.path(),
            "ringSize=\"8192\" shutdownTimeout=\"30s\""), "piped"));
        final UnifiedWriterManager manager = TestConfigs.appender(context, "piped").getManager();
        final Logger logger = context.getLogger("piped");
        Threads.start("app", THREADS, (id) ->
        {
            for (int i = 0; i < PER_THREAD; i++)
            {
                logger.info(NumberedLines.message(id, i));
            }
        }).join(60);
        assertTrue(manager.metrics().pending() > 0, "records wait in the ring: " + manager.metrics());
        final Threads resumer = Threads.start("resumer", 1, (id) ->
        {
            Threads.await(() -> ManagerInternals.writer(manager).isStopped(), "the stop begins");
            reader.resume();
        });

        Thread.currentThread().interrupt();
        context.stop();
        assertTrue(Thread.interrupted(), "the interrupt flag is kept");
        resumer.join(60);

        final byte[] content = reader.awaitEnd();
        final WriterMetrics m = manager.metrics();
        assertEquals(THREADS * PER_THREAD, m.written(), m.toString());
        final long[] next = new long[THREADS];
        NumberedLines.visit(content, 0, (thread, seq, tag) ->
            assertEquals(next[thread]++, seq, "t" + thread + ": every line, in order, once"), "interrupted stop");
        for (int t = 0; t < THREADS; t++)
        {
            assertEquals(PER_THREAD, next[t], "lines of thread " + t);
        }
    }
}
