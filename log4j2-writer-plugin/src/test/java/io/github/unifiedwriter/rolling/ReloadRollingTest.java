package io.github.unifiedwriter.rolling;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.github.unifiedwriter.log4j2.StatusCapture;
import io.github.unifiedwriter.log4j2.TestConfigs;
import io.github.unifiedwriter.log4j2.UnifiedWriterAppender;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.core.LoggerContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A reload that changes the size and the pattern applies from the next rollover: the file being written keeps the
 * old rule and name, the files after it follow the new ones, and no line is lost or written twice.
 */
class ReloadRollingTest
{
    @TempDir
    Path dir;

    @Test
    void aNewSizeAndPatternApplyFromTheNextRolloverAndNothingIsLost() throws Exception
    {
        final Path active = dir.resolve("app.log");
        final URI before = config("before.xml", active, "old-%i.log", "1MB");
        final URI after = config("after.xml", active, "new-%i.log", "2KB");
        try (StatusCapture status = new StatusCapture())
        {
            final LoggerContext context = TestConfigs.start(before);
            final Logger logger = context.getLogger("reload");
            for (int i = 0; i < 100; i++)
            {
                logger.info("line {}", i);
            }
            context.setConfigLocation(after);
            final UnifiedWriterAppender appender = TestConfigs.appender(context, "reload");
            for (int i = 100; i < 200; i++)
            {
                logger.info("line {}", i);
            }
            assertTrue(appender.getManager().flush(Duration.ofSeconds(10)));
            assertEquals(List.of(), RolledFiles.byIndex(dir, "new-"), "no rollover before the boundary");
            appender.getManager().rolling().rollover();
            RolledFiles.await(Duration.ofSeconds(10), "old-1.log", () -> Files.exists(dir.resolve("old-1.log")));
            assertEquals(dir.resolve("new-%i.log").toString(), appender.getManager().rolling().filePattern());
            for (int i = 200; i < 2000; i++)
            {
                logger.info("line {}", i);
            }
            context.stop();
            assertEquals(List.of(), status.errors());
        }

        assertEquals(List.of(dir.resolve("old-1.log")), RolledFiles.byIndex(dir, "old-"));
        final List<Path> rolled = RolledFiles.byIndex(dir, "new-");
        assertTrue(rolled.size() > 3, rolled.toString());
        final List<String> lines = new ArrayList<>(RolledFiles.lines(dir.resolve("old-1.log")));
        assertEquals(200, lines.size(), "the lines written before the rollover keep the old name");
        for (final Path file : rolled)
        {
            assertTrue(Files.size(file) <= 2048, file + " holds " + Files.size(file) + " bytes");
            lines.addAll(RolledFiles.lines(file));
        }
        lines.addAll(RolledFiles.lines(active));
        assertEquals(2000, lines.size());
        for (int i = 0; i < 2000; i++)
        {
            assertEquals("line " + i, lines.get(i));
        }
    }

    @Test
    void aReloadThatAddsAFilePatternRollsTheSameFileFromThenOnAndLosesNothing() throws Exception
    {
        final Path active = dir.resolve("app.log");
        final List<String> rolledLines = reloadWhileLogging(plainConfig("plain.xml", active),
            config("rolling.xml", active, "app-%i.log", "2KB"), 100, dir.resolve("app-%i.log").toString());
        assertTrue(rolledLines.contains("line 0"), "the first rolled file holds the lines written before the reload");
    }

    @Test
    void aReloadThatRemovesTheFilePatternKeepsWritingTheSameFileWithoutRollingAndLosesNothing() throws Exception
    {
        final Path active = dir.resolve("app.log");
        final List<String> rolledLines = reloadWhileLogging(config("rolling.xml", active, "app-%i.log", "2KB"),
            plainConfig("plain.xml", active), 1000, null);
        assertTrue(rolledLines.size() < 1000, "only lines logged before the reload were rolled: " + rolledLines.size());
        assertTrue(Files.size(active) > 2048, "the file grows past the old limit: " + Files.size(active));
    }

    /**
     * Logs 2,000 numbered lines, reloading from {@code first} to {@code second} after {@code before} of them, and
     * checks that every line is in the rolled files and {@code app.log}, once and in order.
     *
     * @return the lines of the rolled files
     */
    private List<String> reloadWhileLogging(final URI first, final URI second, final int before,
        final String patternAfter) throws Exception
    {
        try (StatusCapture status = new StatusCapture())
        {
            final LoggerContext context = TestConfigs.start(first);
            final Logger logger = context.getLogger("reload");
            logLines(logger, 0, before);
            context.setConfigLocation(second);
            final UnifiedWriterAppender appender = TestConfigs.appender(context, "reload");
            assertEquals(patternAfter, appender.getManager().rolling().filePattern());
            logLines(logger, before, 2000);
            context.stop();
            assertEquals(List.of(), status.errors());
            assertEquals(List.of(), status.warnings());
        }
        final List<Path> rolled = RolledFiles.byIndex(dir, "app-");
        assertTrue(rolled.size() > 3, rolled.toString());
        final List<String> rolledLines = new ArrayList<>();
        for (final Path file : rolled)
        {
            rolledLines.addAll(RolledFiles.lines(file));
        }
        final List<String> lines = new ArrayList<>(rolledLines);
        lines.addAll(RolledFiles.lines(dir.resolve("app.log")));
        assertEquals(2000, lines.size());
        for (int i = 0; i < 2000; i++)
        {
            assertEquals("line " + i, lines.get(i));
        }
        return rolledLines;
    }

    private static void logLines(final Logger logger, final int from, final int to)
    {
        for (int i = from; i < to; i++)
        {
            logger.info("line {}", i);
        }
    }

    private URI plainConfig(final String name, final Path active)
    {
        final String element = "    <UnifiedWriter name=\"reload\" fileName=\"" + active + "\">\n" +
            "      <PatternLayout pattern=\"%m%n\"/>\n    </UnifiedWriter>";
        return TestConfigs.write(dir, name, TestConfigs.config(element, "reload")).toUri();
    }

    private URI config(final String name, final Path active, final String pattern, final String size)
    {
        final String element = "    <UnifiedWriter name=\"reload\" fileName=\"" + active + "\" filePattern=\"" +
            dir.resolve(pattern) + "\">\n      <PatternLayout pattern=\"%m%n\"/>\n" +
            "      <SizeBasedTriggeringPolicy size=\"" + size + "\"/>\n" +
            "      <DefaultRolloverStrategy max=\"1000\"/>\n    </UnifiedWriter>";
        return TestConfigs.write(dir, name, TestConfigs.config(element, "reload")).toUri();
    }
}
