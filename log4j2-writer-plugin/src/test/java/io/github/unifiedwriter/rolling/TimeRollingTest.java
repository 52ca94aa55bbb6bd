package io.github.unifiedwriter.rolling;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import io.github.unifiedwriter.log4j2.StatusCapture;
import io.github.unifiedwriter.log4j2.TestConfigs;
import io.github.unifiedwriter.log4j2.UnifiedWriterAppender;
import org.apache.logging.log4j.core.LoggerContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A period closes even when nothing more is logged: the writer rolls from its idle wake-ups, with a time policy
 * and with a cron schedule, and a period with no records leaves no rolled file, nor, with a direct-write strategy,
 * an active file named for a period that has ended.
 */
class TimeRollingTest
{
    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
        "trigger | <TimeBasedTriggeringPolicy interval=\"1\"/>",
        "loop    | <TimeBasedTriggeringPolicy interval=\"1\"/>",
        "trigger | <CronTriggeringPolicy schedule=\"* * * * * ?\"/>",
        "loop    | <Policies><CronTriggeringPolicy schedule=\"* * * * * ?\"/><SizeBasedTriggeringPolicy size=\"1MB\"/></Policies>",
    })
    void theFileRollsWhileIdleAndEmptyPeriodsLeaveNoFile(final String mode, final String policy) throws Exception
    {
        final Path active = dir.resolve("app.log");
        final String element = "    <UnifiedWriter name=\"roll\" mode=\"" + mode + "\" fileName=\"" + active +
            "\" filePattern=\"" + dir.resolve("app-%d{yyyy-MM-dd-HH-mm-ss}-%i.log") + "\">\n" +
            "      <PatternLayout pattern=\"%m%n\"/>\n      " + policy + "\n    </UnifiedWriter>";
        final LoggerContext context;
        try (StatusCapture status = new StatusCapture())
        {
            context = TestConfigs.start(dir, TestConfigs.config(element, "roll"));
            assertEquals(List.of(), status.errors());
        }
        context.getLogger("roll").info("first");
        RolledFiles.await(Duration.ofSeconds(15), "a rolled file while nothing is logged", () -> rolled().size() == 1);
        assertEquals(List.of("first"), RolledFiles.lines(rolled().get(0)));
        context.getLogger("roll").info("second");
        RolledFiles.await(Duration.ofSeconds(15), "a second rolled file", () -> rolled().size() == 2);
        context.stop();

        final List<String> lines = new ArrayList<>();
        for (final Path file : rolled())
        {
            final List<String> held = RolledFiles.lines(file);
            assertFalse(held.isEmpty(), file + " is empty");
            lines.addAll(held);
        }
        lines.addAll(RolledFiles.lines(active));
        assertEquals(List.of("first", "second"), lines);
    }

    @Test
    void aDirectWriteFileLeftEmptyWhenItsPeriodEndsIsReplacedByOneNamedForTheNextPeriod() throws Exception
    {
        final DateTimeFormatter seconds = DateTimeFormatter.ofPattern("yyyy-MM-dd-HH-mm-ss").withZone(ZoneId.systemDefault());
        final String element = "    <UnifiedWriter name=\"roll\" filePattern=\"" +
            dir.resolve("app-%d{yyyy-MM-dd-HH-mm-ss}-%i.log") + "\">\n" +
            "      <PatternLayout pattern=\"%m%n\"/>\n      <TimeBasedTriggeringPolicy interval=\"1\"/>\n" +
            "      <DirectWriteRolloverStrategy maxFiles=\"100\"/>\n    </UnifiedWriter>";
        final LoggerContext context = TestConfigs.start(dir, TestConfigs.config(element, "roll"));
        final UnifiedWriterAppender appender = TestConfigs.appender(context, "roll");
        context.getLogger("roll").info("first");
        final long first = System.currentTimeMillis() / 1000 * 1000;
        RolledFiles.await(Duration.ofSeconds(15), "two periods with no record have ended",
            () -> System.currentTimeMillis() >= first + 3500);
        final long logged = System.currentTimeMillis();
        context.getLogger("roll").info("second");
        assertTrue(appender.getManager().flush(Duration.ofSeconds(10)));
        final Path holder = Path.of(appender.getManager().fileName());
        context.stop();

        assertEquals(List.of("second"), RolledFiles.lines(holder));
        final String named = holder.getFileName().toString().substring("app-".length(), "app-".length() + 19);
        assertTrue(named.compareTo(seconds.format(Instant.ofEpochMilli(logged))) >= 0,
            holder + " is named for a period before the record's, " + seconds.format(Instant.ofEpochMilli(logged)));
        final List<String> lines = new ArrayList<>();
        for (final Path file : rolled())
        {
            final List<String> held = RolledFiles.lines(file);
            assertFalse(held.isEmpty(), file + " is empty");
            lines.addAll(held);
        }
        assertEquals(List.of("first", "second"), lines);
    }

    private List<Path> rolled()
    {
        try (var files = Files.list(dir))
        {
            return files.filter((f) -> f.getFileName().toString().startsWith("app-")).sorted().toList();
        }
        catch (final java.io.IOException ex)
        {
            throw new java.io.UncheckedIOException(ex);
        }
    }
}
