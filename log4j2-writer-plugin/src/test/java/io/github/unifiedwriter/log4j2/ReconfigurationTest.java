package io.github.unifiedwriter.log4j2;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;

import io.github.unifiedwriter.sink.SinkType;
import io.github.unifiedwriter.core.WriterMetrics;
import io.github.unifiedwriter.testing.NumberedLines;
import io.github.unifiedwriter.testing.Threads;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.core.LoggerContext;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

/**
 * Four threads log while the configuration reloads twenty times, and some reloads change the ring size and the
 * writer type: every record is in the file exactly once, in each thread's order, the last settings are in
 * effect, and the file was never open twice at once.
 */
class ReconfigurationTest
{
    private static final int THREADS = 4;
    private static final int RELOADS = Integer.getInteger("uw.reloads", 20);
    private static final String[] VARIANTS = {
        "writerType=\"block\" ringSize=\"1024\"",
        "writerType=\"block\" ringSize=\"1024\" flushInterval=\"50ms\" policy=\"block\"",
        "writerType=\"line\" ringSize=\"256\" mode=\"loop\" tick=\"1ms\"",
        "writerType=\"mmap\" ringSize=\"128\" regionSize=\"64KB\"",
        "writerType=\"block\" ringSize=\"64\" bufferSize=\"1KB\" batchSize=\"8\"",
    };
    private static final int[] RING_SIZES = {1024, 1024, 256, 128, 64};
    private static final SinkType[] TYPES = {
        SinkType.BLOCK, SinkType.BLOCK, SinkType.LINE, SinkType.MMAP, SinkType.BLOCK};

    @TempDir
    Path dir;

    @ParameterizedTest(name = "memory sink: {0}")
    @ValueSource(booleans = {false, true})
    void reloadsWhileThreadsLogLoseNothing(final boolean memory) throws Exception
    {
        final Path file = dir.resolve("reload.log");
        final URI[] configs = new URI[VARIANTS.length];
        for (int v = 0; v < VARIANTS.length; v++)
        {
            configs[v] = TestConfigs.write(dir, "reload-" + v + ".xml",
                TestConfigs.config(TestConfigs.writer("reload", file, VARIANTS[v]), "reload")).toUri();
        }
        final MemorySinks sinks = memory ? new MemorySinks() : null;
        final UnifiedWriterManager registered = memory ? sinks.register("reload", file.toString()) : null;
        final LoggerContext context = TestConfigs.start(configs[0]);
        final UnifiedWriterManager manager = TestConfigs.appender(context, "reload").getManager();
        final Logger logger = context.getLogger("reload");

        final AtomicBoolean running = new AtomicBoolean(true);
        final AtomicLongArray calls = new AtomicLongArray(THREADS);
        final AtomicLong total = new AtomicLong();
        final Threads producers = Threads.start("producer", THREADS, (id) ->
        {
            long seq = 0;
            while (running.get())
            {
                logger.info("t{} {}", id, seq++);
                calls.set(id, seq);
                total.incrementAndGet();
            }
        });

        int last = 0;
        for (int reload = 1; reload <= RELOADS; reload++)
        {
            awaitProgress(total, 300);
            last = reload % VARIANTS.length;
            context.setConfigLocation(configs[last]);
        }
        awaitProgress(total, 300);
        running.set(false);
        producers.join(60);
        final UnifiedWriterManager after = TestConfigs.appender(context, "reload").getManager();
        final int ringSize = after.config().ringSize();
        final String type = after.writerType();
        context.stop();
        if (registered != null)
        {
            registered.stop(0, TimeUnit.MILLISECONDS);
        }

        assertSame(manager, after, "one manager for the file across every reload");
        assertEquals(RING_SIZES[last], ringSize);
        assertEquals(TYPES[last].name().toLowerCase(java.util.Locale.ROOT), type);
        final List<String> lines = memory ? sinks.lines() : TestConfigs.lines(file);
        final long[] expected = new long[THREADS];
        final byte[] content = (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
        NumberedLines.visit(content, 0, (id, seq, tag) ->
        {
            assertEquals(expected[id]++, seq, "t" + id + ": in order, none missing, none twice");
            assertNull(tag, "a whole line");
        }, "reloads");
        for (int t = 0; t < THREADS; t++)
        {
            assertEquals(calls.get(t), expected[t], "records of t" + t);
        }
        final WriterMetrics metrics = manager.metrics();
        assertEquals(total.get(), metrics.written());
        assertEquals(0, metrics.dropped() + metrics.failed() + metrics.pending());
        if (memory)
        {
            assertEquals(0, sinks.overlaps(), "the file was open twice at once");
        }
    }

    private static void awaitProgress(final AtomicLong total, final long records)
    {
        final long target = total.get() + records;
        while (total.get() < target)
        {
            LockSupport.parkNanos(200_000);
        }
    }
}
