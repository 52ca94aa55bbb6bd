package io.github.unifiedwriter.rolling;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.github.unifiedwriter.log4j2.StatusCapture;
import io.github.unifiedwriter.log4j2.TestConfigs;
import io.github.unifiedwriter.log4j2.UnifiedWriterAppender;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.impl.Log4jLogEvent;
import org.apache.logging.log4j.message.SimpleMessage;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A record goes to the period of its event's own time, not of its write: an event from the next period rolls
 * the file before it, and one from the ended period that arrives after the rollover goes to the new file, since
 * no record is held back.
 */
class EventTimeRollingTest
{
    @TempDir
    Path dir;

    @ParameterizedTest(name = "async={0}")
    @ValueSource(strings = {"true", "false"})
    void recordsAreFiledByTheirEventTime(final String async) throws Exception
    {
        final Path active = dir.resolve("app.log");
        final String element = "    <UnifiedWriter name=\"roll\" async=\"" + async + "\" fileName=\"" + active +
            "\" filePattern=\"" + dir.resolve("app-%d{yyyy-MM-dd}-%i.log") + "\">\n" +
            "      <PatternLayout pattern=\"%m%n\"/>\n      <TimeBasedTriggeringPolicy/>\n    </UnifiedWriter>";
        final LoggerContext context;
        try (StatusCapture status = new StatusCapture())
        {
            context = TestConfigs.start(dir, TestConfigs.config(element, "roll"));
            assertEquals(List.of(), status.errors());
        }
        final UnifiedWriterAppender appender = TestConfigs.appender(context, "roll");
        final long today = System.currentTimeMillis();
        final long later = today + TimeUnit.DAYS.toMillis(2);
        append(appender, today, "today");
        append(appender, later, "later");
        append(appender, today, "today, arriving late");
        append(appender, later + 1, "later again");
        context.stop();

        final List<Path> rolled;
        try (var files = Files.list(dir))
        {
            rolled = files.filter((f) -> f.getFileName().toString().startsWith("app-")).sorted().toList();
        }
        assertEquals(1, rolled.size(), rolled.toString());
        assertEquals(List.of("today"), RolledFiles.lines(rolled.get(0)));
        assertEquals(List.of("later", "today, arriving late", "later again"), RolledFiles.lines(active));
    }

    private static void append(final UnifiedWriterAppender appender, final long time, final String text)
    {
        appender.append(Log4jLogEvent.newBuilder().setLevel(Level.INFO).setTimeMillis(time)
            .setMessage(new SimpleMessage(text)).build());
    }
}
