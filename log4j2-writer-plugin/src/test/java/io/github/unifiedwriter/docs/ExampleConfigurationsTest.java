package io.github.unifiedwriter.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import io.github.unifiedwriter.core.WriterMetrics;
import io.github.unifiedwriter.log4j2.UnifiedWriterAppender;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.layout.template.json.util.JsonReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every configuration the documentation shows is a file under {@code docs/examples}; each is loaded here as a
 * user would load it, logged through, and its lines are looked for in the file it names.
 */
class ExampleConfigurationsTest
{
    /** The examples this class, {@link Slf4jRecipeTest} and {@link RollingExamplesTest} load; a new example must be added to a test. */
    static final Set<String> EXERCISED = Set.of(
        "quick-start.xml",
        "nested-elements.xml",
        "flight-recorder.xml",
        "lowest-latency.xml",
        "lowest-cpu.xml",
        "durable.xml",
        "json-lines.xml",
        "spring-boot/log4j2-spring.xml",
        "migration/random-access-file-before.xml",
        "migration/random-access-file-after.xml",
        "migration/async-appender-before.xml",
        "migration/async-appender-after.xml",
        "rolling.xml",
        "migration/rolling-random-access-file-before.xml",
        "migration/rolling-random-access-file-after.xml");

    private static final Duration PATIENCE = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    @Test
    void everyExampleFileIsLoadedByATest()
    {
        assertEquals(new TreeSet<>(EXERCISED), new TreeSet<>(Examples.all()));
    }

    @Test
    void quickStartWritesEveryInfoLineInOrderAndNoDebug()
    {
        final LoggerContext context = Examples.start("quick-start.xml", dir);
        final Logger logger = context.getLogger("quick.Start");
        for (int i = 0; i < 1000; i++)
        {
            logger.info("quick start {}", i);
            logger.debug("below the root level {}", i);
        }
        context.stop();

        final List<String> lines = Examples.lines(dir.resolve("logs/app.log"));
        assertEquals(1000, lines.size());
        for (int i = 0; i < 1000; i++)
        {
            assertTrue(lines.get(i).endsWith(" INFO  [main] Start - quick start " + i), lines.get(i));
        }
    }

    @Test
    void nestedElementsFilterTheLevelsAndWriteTheHeaderOnlyIntoANewFile()
    {
        for (int run = 1; run <= 2; run++)
        {
            final LoggerContext context = Examples.start("nested-elements.xml", dir);
            final Logger logger = context.getLogger("nested");
            logger.info("info {}", run);
            logger.warn("warn {}", run);
            logger.error("error {}", run, new IllegalStateException("the cause"));
            context.stop();
        }

        final List<String> lines = Examples.lines(dir.resolve("logs/problems.log"));
        assertEquals(1, count(lines, (l) -> l.equals("# problems log opened")), lines.toString());
        assertEquals("# problems log opened", lines.get(0));
        assertEquals(2, count(lines, (l) -> l.equals("# problems log closed")), "one footer per close");
        assertEquals("# problems log closed", lines.get(lines.size() - 1));
        assertEquals(0, count(lines, (l) -> l.contains(" - info ")), "the filter keeps INFO out");
        assertEquals(2, count(lines, (l) -> l.contains(" - warn ")));
        assertEquals(2, count(lines, (l) -> l.contains(" - error ")));
        assertEquals(2, count(lines, (l) -> l.startsWith("java.lang.IllegalStateException: the cause")));
    }

    @Test
    void flightRecorderHoldsItsContextUntilAnErrorThenWritesItAll() throws Exception
    {
        final LoggerContext context = Examples.start("flight-recorder.xml", dir);
        final Logger logger = context.getLogger("flight");
        final Path flight = dir.resolve("logs/flight.log");
        final Path app = dir.resolve("logs/app.log");
        for (int i = 0; i < 100; i++)
        {
            logger.debug("context {}", i);
        }
        logger.info("info");
        Thread.sleep(300);
        assertEquals(0, Examples.lines(flight).size(), "nothing is written before the trigger");
        assertTrue(eventually(app, (lines) -> lines.size() == 1), "the everyday log has the INFO at once");

        logger.error("boom");
        assertTrue(eventually(flight, (lines) -> lines.size() == 102), "the ERROR writes out its context");
        final List<String> lines = Examples.lines(flight);
        for (int i = 0; i < 100; i++)
        {
            assertTrue(lines.get(i).endsWith(" DEBUG [main] flight - context " + i), lines.get(i));
        }
        assertTrue(lines.get(100).endsWith(" - info"));
        assertTrue(lines.get(101).endsWith(" ERROR [main] flight - boom"));
        context.stop();
        assertEquals(2, Examples.lines(app).size(), "no DEBUG in the everyday log");
    }

    @Test
    void flightRecorderKeepsTheNewestContextWhenTheRingOverflows() throws Exception
    {
        final LoggerContext context = Examples.start("flight-recorder.xml", dir);
        final Logger logger = context.getLogger("flight");
        final Path flight = dir.resolve("logs/flight.log");
        final int logged = 20_000;
        for (int i = 0; i < logged; i++)
        {
            logger.debug("context {}", i);
        }
        logger.error("boom");
        assertTrue(eventually(flight, (lines) -> !lines.isEmpty() && lines.get(lines.size() - 1).endsWith("boom")));
        final UnifiedWriterAppender recorder = Examples.appender(context, "flight");
        final WriterMetrics metrics = recorder.getManager().metrics();
        context.stop();

        final List<String> lines = Examples.lines(flight);
        final int context0 = lines.size() - 1;
        assertTrue(context0 <= 8192, "at most a ring of context: " + context0);
        assertTrue(context0 > 0, "some context is kept");
        assertTrue(lines.get(context0 - 1).endsWith(" - context " + (logged - 1)), "the newest context is kept");
        assertEquals(logged - context0, metrics.dropped(), "every discarded record is counted");
    }

    @Test
    void lowestLatencyShowsALineAtOnceAndKeepsEveryLineFromFourThreads() throws Exception
    {
        final LoggerContext context = Examples.start("lowest-latency.xml", dir);
        final Logger logger = context.getLogger("latency");
        final Path file = dir.resolve("logs/app.log");
        logger.info("first");
        assertTrue(eventually(file, (lines) -> lines.size() == 1), "the writer wakes for one record");

        fromThreads(logger, 4, 5_000);
        final WriterMetrics metrics = Examples.appender(context, "app").getManager().metrics();
        context.stop();
        assertEquals(0, metrics.dropped(), "a ring of 65536 holds this burst");
        assertEquals(1 + 4 * 5_000, Examples.lines(file).size());
    }

    @Test
    void lowestCpuWritesWithinAboutTheFlushInterval() throws Exception
    {
        final LoggerContext context = Examples.start("lowest-cpu.xml", dir);
        final Logger logger = context.getLogger("cpu");
        final Path file = dir.resolve("logs/app.log");
        for (int i = 0; i < 1000; i++)
        {
            logger.info("cpu {}", i);
        }
        assertTrue(eventually(file, (lines) -> lines.size() == 1000), "written without a stop or flush");
        context.stop();
        assertEquals(1000, Examples.lines(file).size());
    }

    @Test
    void durableCountsEveryLineAsWrittenAfterForcingIt()
    {
        final LoggerContext context = Examples.start("durable.xml", dir);
        final Logger logger = context.getLogger("audit");
        fromThreads(logger, 2, 500);
        final UnifiedWriterAppender audit = Examples.appender(context, "audit");
        context.stop();

        final WriterMetrics metrics = audit.getManager().metrics();
        assertEquals(1000, metrics.written());
        assertEquals(0, metrics.failed() + metrics.dropped());
        assertEquals(1000, Examples.lines(dir.resolve("logs/audit.log")).size());
    }

    @Test
    void jsonLinesWritesOneParsableObjectPerEvent()
    {
        final LoggerContext context = Examples.start("json-lines.xml", dir);
        final Logger logger = context.getLogger("json.Shipper");
        for (int i = 0; i < 100; i++)
        {
            logger.info("event {} with \"quotes\"\nand a second line", i);
        }
        logger.error("failed", new IllegalStateException("the cause"));
        context.stop();

        final List<String> lines = Examples.lines(dir.resolve("logs/app.json"));
        assertEquals(101, lines.size(), "one line per event, whatever the message holds");
        for (int i = 0; i < 100; i++)
        {
            final Map<?, ?> event = (Map<?, ?>)JsonReader.read(lines.get(i));
            assertEquals("event " + i + " with \"quotes\"\nand a second line", event.get("message"));
            assertEquals("INFO", event.get("log.level"));
            assertEquals("json.Shipper", event.get("log.logger"));
        }
        final Map<?, ?> error = (Map<?, ?>)JsonReader.read(lines.get(100));
        assertEquals("java.lang.IllegalStateException", error.get("error.type"));
        assertTrue(String.valueOf(error.get("error.stack_trace")).contains("the cause"));
    }

    @Test
    void springBootConfigurationWritesUnderLogPath()
    {
        final String before = System.getProperty("LOG_PATH");
        System.setProperty("LOG_PATH", dir.resolve("spring").toString());
        try
        {
            final LoggerContext context = Examples.start("spring-boot/log4j2-spring.xml", dir);
            final Logger logger = context.getLogger("spring");
            for (int i = 0; i < 10; i++)
            {
                logger.info("spring {}", i);
            }
            context.stop();
        }
        finally
        {
            if (before == null)
            {
                System.clearProperty("LOG_PATH");
            }
            else
            {
                System.setProperty("LOG_PATH", before);
            }
        }
        assertEquals(10, Examples.lines(dir.resolve("spring/app.log")).size());
    }

    @Test
    void randomAccessFileMigrationWritesTheSameLines()
    {
        assertEquals(withoutTimestamps(run("migration/random-access-file-before.xml", "before")),
            withoutTimestamps(run("migration/random-access-file-after.xml", "after")));
    }

    @Test
    void asyncAppenderMigrationWritesTheSameLines()
    {
        assertEquals(withoutTimestamps(run("migration/async-appender-before.xml", "before")),
            withoutTimestamps(run("migration/async-appender-after.xml", "after")));
    }

    /** Logs 500 lines through the example in a folder of its own and returns its {@code logs/app.log}. */
    private List<String> run(final String example, final String folder)
    {
        final Path own = dir.resolve(folder);
        final LoggerContext context = Examples.start(example, createDirectories(own));
        final Logger logger = context.getLogger("migrated");
        for (int i = 0; i < 500; i++)
        {
            logger.info("line {}", i);
        }
        context.stop();
        final List<String> lines = Examples.lines(own.resolve("logs/app.log"));
        assertEquals(500, lines.size(), example);
        return lines;
    }

    private static Path createDirectories(final Path folder)
    {
        try
        {
            return Files.createDirectories(folder);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    /** Drops the ISO8601 date and time, the first two words. */
    private static List<String> withoutTimestamps(final List<String> lines)
    {
        return lines.stream().map((l) -> l.substring(l.indexOf(' ', l.indexOf(' ') + 1) + 1))
            .collect(Collectors.toList());
    }

    private static void fromThreads(final Logger logger, final int threads, final int perThread)
    {
        final List<Thread> started = new ArrayList<>();
        for (int t = 0; t < threads; t++)
        {
            final int id = t;
            final Thread thread = new Thread(() ->
            {
                for (int i = 0; i < perThread; i++)
                {
                    logger.info("thread {} line {}", id, i);
                }
            }, "producer-" + t);
            thread.start();
            started.add(thread);
        }
        for (final Thread thread : started)
        {
            try
            {
                thread.join();
            }
            catch (final InterruptedException ex)
            {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(ex);
            }
        }
    }

    private static boolean eventually(final Path file, final Predicate<List<String>> condition)
        throws InterruptedException
    {
        final long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < deadline)
        {
            if (condition.test(Examples.lines(file)))
            {
                return true;
            }
            Thread.sleep(10);
        }
        return condition.test(Examples.lines(file));
    }

    private static long count(final List<String> lines, final Predicate<String> which)
    {
        assertNotNull(lines);
        return lines.stream().filter(which).count();
    }
}
