package io.github.unifiedwriter.docs;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import io.github.unifiedwriter.log4j2.UnifiedWriterAppender;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.core.LoggerContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The rolling recipe rolls and gzips, and the migration from {@code RollingRandomAccessFile} writes the same set
 * of lines across its files as Log4j2's own appender.
 */
class RollingExamplesTest
{
    @TempDir
    Path dir;

    @Test
    void theRollingRecipeRollsOnRequestAndGzipsTheRolledFile() throws Exception
    {
        final LoggerContext context = Examples.start("rolling.xml", dir);
        final UnifiedWriterAppender appender = Examples.appender(context, "app");
        assertNotNull(appender);
        final Logger logger = context.getLogger("recipe");
        for (int i = 0; i < 100; i++)
        {
            logger.info("line {}", i);
        }
        assertTrue(appender.getManager().flush(Duration.ofSeconds(10)));
        appender.getManager().rolling().rollover();
        final long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (gzipped(dir.resolve("logs")).isEmpty() || appender.getManager().rolling().compressionsPending() > 0)
        {
            assertTrue(System.nanoTime() < deadline, "no gzipped file within 10 s");
            Thread.sleep(20);
        }
        logger.info("after the rollover");
        context.stop();

        final List<Path> gzipped = gzipped(dir.resolve("logs"));
        assertEquals(1, gzipped.size(), gzipped.toString());
        assertTrue(gzipped.get(0).getFileName().toString().matches("app-\\d{4}-\\d{2}-\\d{2}-1\\.log\\.gz"),
            gzipped.toString());
        final List<String> rolled = messages(read(gzipped.get(0)));
        assertEquals(100, rolled.size());
        assertEquals("line 0", rolled.get(0));
        assertEquals(List.of("after the rollover"), messages(Examples.lines(dir.resolve("logs/app.log"))));
    }

    @Test
    void rollingRandomAccessFileMigrationWritesTheSameLinesAcrossItsFiles()
    {
        assertEquals(run("migration/rolling-random-access-file-before.xml", "before"),
            run("migration/rolling-random-access-file-after.xml", "after"));
    }

    /** Logs 1000 lines, enough for several 16 KB files, and returns every line of every file, sorted. */
    private List<String> run(final String example, final String folder)
    {
        final Path own = dir.resolve(folder);
        try
        {
            Files.createDirectories(own);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
        final LoggerContext context = Examples.start(example, own);
        final Logger logger = context.getLogger("migrated");
        for (int i = 0; i < 1000; i++)
        {
            logger.info("line {}", i);
        }
        context.stop();
        final List<Path> rolled = gzipped(own.resolve("logs"));
        assertTrue(rolled.size() >= 3, example + " rolled " + rolled);
        final List<String> lines = new ArrayList<>();
        for (final Path file : rolled)
        {
            lines.addAll(messages(read(file)));
        }
        lines.addAll(messages(Examples.lines(own.resolve("logs/app.log"))));
        assertEquals(1000, lines.size(), example);
        return lines.stream().sorted().collect(Collectors.toList());
    }

    private static List<Path> gzipped(final Path logs)
    {
        try (Stream<Path> files = Files.list(logs))
        {
            return files.filter((f) -> f.getFileName().toString().endsWith(".gz")).sorted().toList();
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    private static List<String> read(final Path gzipped)
    {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(gzipped)))
        {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    /** Each line's message: what follows {@code " - "}. */
    private static List<String> messages(final List<String> lines)
    {
        return lines.stream().map((l) -> l.substring(l.indexOf(" - ") + 3)).collect(Collectors.toList());
    }
}
