package io.github.unifiedwriter.log4j2;

import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.github.unifiedwriter.sink.SinkType;
import io.github.unifiedwriter.core.WriterMetrics;
import io.github.unifiedwriter.testing.NumberedLines;
import io.github.unifiedwriter.testing.Threads;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.core.Appender;
import org.apache.logging.log4j.core.LoggerContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Real configurations, real files, several threads: every line is in the file exactly once, whole, in each
 * thread's order, and the counters add up once the context has stopped.
 */
class EndToEndTest
{
    private static final int THREADS = 4;
    private static final int PER_THREAD = 5_000;

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "writerType=\"block\"",
        "writerType=\"line\" mode=\"loop\" tick=\"1ms\"",
        "writerType=\"mmap\" regionSize=\"64KB\"",
        "writerType=\"block\" ringSize=\"64\" batchSize=\"7\" bufferSize=\"100\"",
        "async=\"false\"",
    })
    void everyLineOnceInOrder(final String attributes) throws Exception
    {
        final Path file = dir.resolve("e2e.log");
        final LoggerContext context = TestConfigs.start(dir,
            TestConfigs.config(TestConfigs.writer("e2e", file, attributes), "e2e"));
        final UnifiedWriterAppender appender = TestConfigs.appender(context, "e2e");
        assertNotNull(appender, "found with no packages= attribute");

        logFromThreads(context.getLogger("e2e"), "e2e");
        context.stop();

        assertLinesPerThread(TestConfigs.lines(file), "e2e");
        assertAddsUp(appender.getManager().metrics(), THREADS * PER_THREAD);
    }

    /** The example configuration at the top of the repository, as the demo loads it. */
    @Test
    void theExampleConfiguration() throws Exception
    {
        final String before = System.getProperty("uw.logdir");
        System.setProperty("uw.logdir", dir.toString());
        try
        {
            final LoggerContext context = TestConfigs.start(exampleConfiguration());
            final Map<String, UnifiedWriterAppender> ours = new HashMap<>();
            for (final Appender appender : context.getConfiguration().getAppenders().values())
            {
                if (appender instanceof UnifiedWriterAppender)
                {
                    ours.put(appender.getName(), (UnifiedWriterAppender)appender);
                }
            }
            assertEquals(List.of("block", "flight", "line", "mmap"), ours.keySet().stream().sorted().toList());
            assertEquals(SinkType.MMAP, ours.get("mmap").getManager().getWriterType());
            assertEquals(SinkType.LINE, ours.get("line").getManager().getWriterType());

            logFromThreads(context.getLogger("demo"), "demo");
            context.getLogger("demo").error("the end");
            context.stop();

            for (final String name : List.of("block", "line", "mmap"))
            {
                final List<String> lines = TestConfigs.lines(dir.resolve(name + ".log"));
                final String last = lines.get(lines.size() - 1);
                assertTrue(last.contains(" ERROR ") && last.endsWith(" demo - the end"), last);
                assertLinesPerThread(messages(lines.subList(0, lines.size() - 1)), "demo");
                assertAddsUp(ours.get(name).getManager().metrics(), THREADS * PER_THREAD + 1);
            }
            final List<String> flight = TestConfigs.lines(dir.resolve("flight.log"));
            assertTrue(flight.get(flight.size() - 1).endsWith("the end"), "the recorder dumps up to the ERROR");
            final WriterMetrics recorder = ours.get("flight").getManager().metrics();
            assertEquals(flight.size(), recorder.written());
            assertEquals(THREADS * PER_THREAD + 1, recorder.written() + recorder.dropped() + recorder.failed());
        }
        finally
        {
            if (before == null)
            {
                System.clearProperty("uw.logdir");
            }
            else
            {
                System.setProperty("uw.logdir", before);
            }
        }
    }

    static java.net.URI exampleConfiguration() throws URISyntaxException
    {
        return EndToEndTest.class.getResource("/log4j2-test.xml").toURI();
    }

    /** Each of {@link #THREADS} threads logs "{prefix} t{id} {seq}" {@link #PER_THREAD} times. */
    static void logFromThreads(final Logger logger, final String prefix)
    {
        Threads.start("producer", THREADS, (id) ->
        {
            for (int i = 0; i < PER_THREAD; i++)
            {
                logger.info("{} t{} {}", prefix, id, i);
            }
        }).join(60);
    }

    /** Every thread's lines, each once, whole and in order, and nothing else. */
    static void assertLinesPerThread(final List<String> lines, final String prefix)
    {
        final StringBuilder numbered = new StringBuilder();
        for (final String line : lines)
        {
            assertTrue(line.startsWith(prefix + " "), "a line of this test: '" + line + "'");
            numbered.append(line, prefix.length() + 1, line.length()).append('\n');
        }
        final long[] next = new long[THREADS];
        NumberedLines.visit(numbered.toString().getBytes(StandardCharsets.UTF_8), 0, (id, seq, tag) ->
        {
            assertEquals(next[id]++, seq, "t" + id + " in order, each once");
            assertNull(tag, "a whole line");
        }, prefix);
        for (int t = 0; t < THREADS; t++)
        {
            assertEquals(PER_THREAD, next[t], "every line of t" + t);
        }
    }

    static void assertAddsUp(final WriterMetrics metrics, final long calls)
    {
        assertEquals(calls, metrics.written() + metrics.dropped() + metrics.failed(), metrics.toString());
        assertEquals(calls, metrics.written(), metrics.toString());
        assertEquals(0, metrics.pending(), metrics.toString());
    }

    /** Strips the example pattern's date, level, thread and logger from each line. */
    private static List<String> messages(final List<String> lines)
    {
        return lines.stream().map((l) -> l.substring(l.indexOf(" - ") + 3)).toList();
    }

    @Test
    void theFileIsCreatedWithItsFolders() throws Exception
    {
        final Path file = dir.resolve("a/b/c.log");
        final LoggerContext context = TestConfigs.start(dir,
            TestConfigs.config(TestConfigs.writer("nested", file, ""), "nested"));
        context.getLogger("x").info("hello");
        context.stop();
        assertTrue(Files.isDirectory(file.getParent()));
        assertEquals(List.of("hello"), TestConfigs.lines(file));
    }
}
