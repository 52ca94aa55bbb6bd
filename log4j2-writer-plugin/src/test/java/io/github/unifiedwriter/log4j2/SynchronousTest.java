package io.github.unifiedwriter.log4j2;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.unifiedwriter.core.WriterMetrics;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.core.LoggerContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code async="false"}: each record is written on the caller's thread before the call returns. */
class SynchronousTest
{
    @TempDir
    Path dir;

    @Test
    void writesOnTheCallersThreadWithTheSameCounters()
    {
        final Path file = dir.resolve("sync.log");
        final MemorySinks sinks = new MemorySinks();
        final LoggerContext context = sinks.start(dir, "sync", file, "async=\"false\"");
        final UnifiedWriterManager manager = TestConfigs.appender(context, "sync").getManager();
        final List<String> writers = new CopyOnWriteArrayList<>();
        sinks.beforeWrite((batch) -> writers.add(Thread.currentThread().getName()));
        final Logger logger = context.getLogger("sync");

        for (int i = 0; i < 100; i++)
        {
            logger.info("line {}", i);
            assertEquals(i + 1, sinks.lines().size(), "written before the call returned");
        }
        final WriterMetrics running = manager.metrics();
        context.stop();
        sinks.release();

        assertTrue(writers.stream().allMatch(Thread.currentThread().getName()::equals), writers.toString());
        assertEquals(100, running.enqueued());
        assertEquals(100, running.written());
        assertEquals(0, running.pending());
        assertEquals(100, manager.metrics().written());
    }
}
