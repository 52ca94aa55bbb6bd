package io.github.unifiedwriter.rolling;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.github.unifiedwriter.log4j2.StatusCapture;
import io.github.unifiedwriter.log4j2.TestConfigs;
import io.github.unifiedwriter.log4j2.UnifiedWriterAppender;
import org.apache.logging.log4j.core.LoggerContext;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code reopenOnRename}: after logrotate-style rename rotation, the writer notices by itself, with no JMX call,
 * that the name leads to no file or another one, and opens a new file by name. Every line is in exactly one of the
 * two files, in order, with no zero bytes.
 */
class ReopenOnRenameTest
{
    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"block", "mmap"})
    void aRenamedFileIsFollowedByANewOneWithNothingLost(final String type) throws Exception
    {
        final Path active = dir.resolve("app.log");
        final Path rotated = dir.resolve("app.log.1");
        final LoggerContext context = TestConfigs.start(dir, TestConfigs.config(TestConfigs.writer("reopen", active,
            "reopenOnRename=\"true\" writerType=\"" + type + "\""), "reopen"));
        final UnifiedWriterAppender appender = TestConfigs.appender(context, "reopen");
        for (int i = 0; i < 100; i++)
        {
            context.getLogger("reopen").info("line {}", i);
        }
        assertTrue(appender.getManager().flush(Duration.ofSeconds(10)));
        Files.move(active, rotated);
        RolledFiles.await(Duration.ofSeconds(10), "a new file under the name", () -> Files.exists(active));
        for (int i = 100; i < 200; i++)
        {
            context.getLogger("reopen").info("line {}", i);
        }
        context.stop();

        final List<String> lines = new ArrayList<>(RolledFiles.lines(rotated));
        assertEquals(100, lines.size(), "the lines written before the rename stay in the renamed file");
        lines.addAll(RolledFiles.lines(active));
        for (int i = 0; i < 200; i++)
        {
            assertEquals("line " + i, lines.get(i));
        }
        assertEquals(200, lines.size());
        for (final Path file : List.of(active, rotated))
        {
            for (final byte b : Files.readAllBytes(file))
            {
                assertTrue(b != 0, file + " holds a zero byte");
            }
        }
    }

    @Test
    void reopenOnRenameWithFilePatternIsRefused()
    {
        final String element = "    <UnifiedWriter name=\"both\" fileName=\"" + dir.resolve("a.log") +
            "\" filePattern=\"" + dir.resolve("a-%i.log") + "\" reopenOnRename=\"true\">\n" +
            "      <PatternLayout pattern=\"%m%n\"/>\n      <SizeBasedTriggeringPolicy size=\"1MB\"/>\n" +
            "    </UnifiedWriter>";
        try (StatusCapture status = new StatusCapture())
        {
            final LoggerContext context = TestConfigs.start(dir, TestConfigs.config(element, "both"));
            assertNull(context.getConfiguration().getAppender("both"));
            context.stop();
            assertTrue(status.errors().stream().anyMatch((m) -> m.startsWith("UnifiedWriter appender \"both\": " +
                "reopenOnRename=\"true\" conflicts with filePattern=")), status.errors().toString());
        }
    }
}
