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
        final URI plain = plainConfig("plain.xml", active);
        final URI rolling = config("rolling.xml", active, "app-%i.log", "2KB");
        try (StatusCapture status = new StatusCapture())
        {
            final LoggerContext context = TestConfigs.start(plain);
            final Logger logger = context.getLogger("reload");
            logLines(logger, 0, 100);
            context.setConfigLocation(rolling);
            final UnifiedWriterAppender appender = TestConfigs.appender(context, "reload");
            assertEquals(dir.resolve("app-%i.log").toString(), appender.getManager().rolling().filePattern());
            logLines(logger, 100, 2000);
            context.stop();
            assertEquals(List.of(), status.errors());
            assertEquals(List.of(), status.warnings());
        }

        final List<Path> rolled = RolledFiles.byIndex(dir, "app-");
        assertTrue(rolled.size() > 3, rolled.toString());
        final List<String> lines = new ArrayList<>();
        for (final Path file : rolled)
        {
            lines.addAll(RolledFiles.lines(file));
        }
        lines.addAll(RolledFiles.lines(active));
        assertInOrder(2000, lines);
        assertTrue(RolledFiles.lines(rolled.get(0)).contains("line 0"), "the first rolled file holds the lines " +
            "written before the reload");
    }

    @Test
    void aReloadThatRemovesTheFilePatternKeepsWritingTheSameFileWithoutRollingAndLosesNothing() throws Exception
    {
        final Path active = dir.resolve("app.log");
        final URI rolling = config("rolling.xml", active, "app-%i.log", "2KB");
        final URI plain = plainConfig("plain.xml", active);
        try (StatusCapture status = new StatusCapture())
        {
            final LoggerContext context = TestConfigs.start(rolling);
            final Logger logger = context.getLogger("reload");
            logLines(logger, 0, 1000);
            context.setConfigLocation(plain);
            final UnifiedWriterAppender appender = TestConfigs.appender(context, "reload");
            assertEquals(null, appender.getManager().rolling().filePattern());
            logLines(logger, 1000, 2000);
            context.stop();
            assertEquals(List.of(), status.errors());
            assertEquals(List.of(), status.warnings());
        }

        final List<Path> rolled = RolledFiles.byIndex(dir, "app-");
        assertTrue(rolled.size() > 3, rolled.toString());
        final List<String> lines = new ArrayList<>();
        for (final Path file : rolled)
        {
            lines.addAll(RolledFiles.lines(file));
        }
        assertTrue(lines.size() < 1000, "only lines logged before the reload were rolled: " + lines.size());
        lines.addAll(RolledFiles.lines(active));
        assertInOrder(2000, lines);
        assertTrue(Files.size(active) > 2048, "the file grows past the old limit: " + Files.size(active));
    }

    private static void logLines(final Logger logger, final int from, final int to)
    {
        for (int i = from; i < to; i++)
        {
            logger.info("line {}", i);
        }
    }

    private static void assertInOrder(final int count, final List<String> lines)
    {
        assertEquals(count, lines.size());
        for (int i = 0; i < count; i++)
        {
            assertEquals("line " + i, lines.get(i));
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
