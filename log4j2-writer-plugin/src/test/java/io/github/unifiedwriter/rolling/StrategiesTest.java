package io.github.unifiedwriter.rolling;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.management.MBeanServer;
import javax.management.ObjectName;

import io.github.unifiedwriter.log4j2.ManagerInternals;
import io.github.unifiedwriter.log4j2.StatusCapture;
import io.github.unifiedwriter.log4j2.TestConfigs;
import io.github.unifiedwriter.log4j2.UnifiedWriterAppender;
import io.github.unifiedwriter.log4j2.UnifiedWriterManager;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.core.LoggerContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Log4j2's strategies and policies driven by the writer: a window of {@code max} files, direct writing, JMX's
 * {@code rollover()} and a roll at start-up.
 */
class StrategiesTest
{
    @TempDir
    Path dir;

    @Test
    void aWindowOfMaxFilesKeepsTheNewestLinesInOrder() throws Exception
    {
        final LoggerContext context = start("fileName=\"" + dir.resolve("app.log") + "\" filePattern=\"" +
            dir.resolve("app-%i.log") + "\"", "<SizeBasedTriggeringPolicy size=\"2KB\"/>" +
            "<DefaultRolloverStrategy max=\"3\"/>");
        final Logger logger = context.getLogger("roll");
        final int count = 2000;
        for (int i = 0; i < count; i++)
        {
            logger.info("line {}", i);
        }
        context.stop();

        final List<Path> rolled = RolledFiles.byIndex(dir, "app-");
        assertEquals(List.of("app-1.log", "app-2.log", "app-3.log"),
            rolled.stream().map((f) -> f.getFileName().toString()).toList());
        final List<String> kept = new ArrayList<>();
        for (final Path file : rolled)
        {
            assertTrue(Files.size(file) <= 2048, file + " is over the limit");
            kept.addAll(RolledFiles.lines(file));
        }
        kept.addAll(RolledFiles.lines(dir.resolve("app.log")));
        final int first = count - kept.size();
        assertTrue(first > 0, "older files were deleted");
        for (int i = 0; i < kept.size(); i++)
        {
            assertEquals("line " + (first + i), kept.get(i));
        }
    }

    @Test
    void directWriteWritesStraightToTheNumberedFiles() throws Exception
    {
        final LoggerContext context = start("filePattern=\"" + dir.resolve("app-%i.log") + "\"",
            "<SizeBasedTriggeringPolicy size=\"4KB\"/><DirectWriteRolloverStrategy maxFiles=\"1000\"/>");
        final UnifiedWriterAppender appender = TestConfigs.appender(context, "roll");
        final Logger logger = context.getLogger("roll");
        final int count = 3000;
        for (int i = 0; i < count; i++)
        {
            logger.info("line {}", i);
        }
        assertTrue(appender.getManager().flush(Duration.ofSeconds(10)));
        final String current = appender.getManager().activeFile();
        context.stop();

        final List<Path> files = RolledFiles.byIndex(dir, "app-");
        assertTrue(files.size() > 5, files.toString());
        assertEquals(files.get(files.size() - 1).toString(), current, "the MXBean's FileName is the current file");
        int next = 0;
        for (final Path file : files)
        {
            assertTrue(Files.size(file) <= 4096, file + " is over the limit");
            for (final String line : RolledFiles.lines(file))
            {
                assertEquals("line " + next++, line, file.toString());
            }
        }
        assertEquals(count, next);
        try (var names = Files.list(dir))
        {
            assertEquals(List.of(), names.filter((f) -> f.getFileName().toString().startsWith(".")).toList());
        }
    }

    @Test
    void rolloverFromJmxRollsBetweenTwoRecords() throws Exception
    {
        final LoggerContext context = start("fileName=\"" + dir.resolve("app.log") + "\" filePattern=\"" +
            dir.resolve("app-%i.log.gz") + "\"", "<SizeBasedTriggeringPolicy size=\"10MB\"/>");
        final UnifiedWriterAppender appender = TestConfigs.appender(context, "roll");
        final Logger logger = context.getLogger("roll");
        logger.info("a");
        logger.info("b");
        assertTrue(appender.getManager().flush(Duration.ofSeconds(10)));
        final MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        final ObjectName name = appender.getManager().getObjectName();
        assertEquals(dir.resolve("app-%i.log.gz").toString(), server.getAttribute(name, "FilePattern"));
        assertEquals(0L, server.getAttribute(name, "Rollovers"));
        server.invoke(name, "rollover", new Object[0], new String[0]);
        final Path rolled = dir.resolve("app-1.log.gz");
        RolledFiles.await(Duration.ofSeconds(10), "app-1.log.gz", () -> Files.exists(rolled) &&
            appender.getManager().rolling().compressionsPending() == 0);
        assertEquals(1L, server.getAttribute(name, "Rollovers"));
        assertTrue((Long)server.getAttribute(name, "LastRolloverTime") > 0);
        logger.info("c");
        context.stop();

        assertEquals(List.of("a", "b"), RolledFiles.lines(rolled));
        assertEquals(List.of("c"), RolledFiles.lines(dir.resolve("app.log")));
        assertEquals(List.of(rolled), RolledFiles.byIndex(dir, "app-"));
    }

    @Test
    void onStartupRollsTheFileAnEarlierRunLeft() throws Exception
    {
        final Path active = dir.resolve("app.log");
        Files.writeString(active, "earlier\n");
        Files.setLastModifiedTime(active, FileTime.from(System.currentTimeMillis() - TimeUnit.HOURS.toMillis(1),
            TimeUnit.MILLISECONDS));
        final LoggerContext context = start("fileName=\"" + active + "\" filePattern=\"" + dir.resolve("app-%i.log") +
            "\"", "<OnStartupTriggeringPolicy/>");
        context.getLogger("roll").info("now");
        context.stop();

        final Path rolled = dir.resolve("app-1.log");
        RolledFiles.await(Duration.ofSeconds(10), "app-1.log", () -> Files.exists(rolled));
        assertEquals(List.of("earlier"), RolledFiles.lines(rolled));
        assertEquals(List.of("now"), RolledFiles.lines(active));
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void aCronPolicyThatEvaluatesOnStartupRollsAFileLeftFromAnEarlierPeriodUnderThatPeriodsName(
        final boolean evaluateOnStartup) throws Exception
    {
        final Path active = dir.resolve("app.log");
        Files.writeString(active, "earlier\n");
        final long twoDaysAgo = System.currentTimeMillis() - TimeUnit.DAYS.toMillis(2);
        Files.setLastModifiedTime(active, FileTime.fromMillis(twoDaysAgo));
        final LoggerContext context = start("fileName=\"" + active + "\" filePattern=\"" +
            dir.resolve("app-%d{yyyy-MM-dd}.log") + "\"", "<CronTriggeringPolicy schedule=\"0 0 0 * * ?\" " +
            "evaluateOnStartup=\"" + evaluateOnStartup + "\"/>");
        context.getLogger("roll").info("now");
        context.stop();

        final Path rolled = dir.resolve("app-" + LocalDate.ofInstant(Instant.ofEpochMilli(twoDaysAgo),
            ZoneId.systemDefault()) + ".log");
        if (evaluateOnStartup)
        {
            RolledFiles.await(Duration.ofSeconds(10), rolled.toString(), () -> Files.exists(rolled));
            assertEquals(List.of("earlier"), RolledFiles.lines(rolled));
            assertEquals(List.of("now"), RolledFiles.lines(active));
        }
        else
        {
            assertEquals(List.of("earlier", "now"), RolledFiles.lines(active));
            try (var names = Files.list(dir))
            {
                assertEquals(List.of("app.log"), names.map((f) -> f.getFileName().toString())
                    .filter((f) -> f.startsWith("app")).toList());
            }
        }
    }

    @Test
    void filesStillQueuedWhenTheStopsBudgetEndsStayRawAreReportedAndAreArchivedAtTheNextStart() throws Exception
    {
        final Path active = dir.resolve("app.log");
        final String attributes = "fileName=\"" + active + "\" filePattern=\"" + dir.resolve("app-%i.log.gz") +
            "\" shutdownTimeout=\"200 ms\"";
        final String policy = "<SizeBasedTriggeringPolicy size=\"1KB\"/><DefaultRolloverStrategy max=\"1000\"/>";
        final CountDownLatch release = new CountDownLatch(1);
        final LoggerContext context = start(attributes, policy);
        final UnifiedWriterManager manager = TestConfigs.appender(context, "roll").getManager();
        ManagerInternals.holdArchiver(manager, release);
        final Logger logger = context.getLogger("roll");
        for (int i = 0; i < 1000; i++)
        {
            logger.info("line {}", i);
        }
        assertTrue(manager.flush(Duration.ofSeconds(10)));
        try (StatusCapture status = new StatusCapture())
        {
            context.stop();
            assertTrue(status.warnings().stream().anyMatch((w) -> w.contains("archived at the next start")),
                status.warnings().toString());
        }
        release.countDown();
        final List<Path> raw = hidden();
        assertTrue(raw.size() > 2, "rolled files left raw: " + raw);
        assertEquals(List.of(), RolledFiles.byIndex(dir, "app-"), "nothing archived after the stop");

        final LoggerContext again = start(attributes, policy);
        again.getLogger("roll").info("after");
        again.stop();

        assertEquals(List.of(), hidden());
        final List<String> lines = new ArrayList<>();
        for (final Path file : RolledFiles.byIndex(dir, "app-"))
        {
            lines.addAll(RolledFiles.lines(file));
        }
        lines.addAll(RolledFiles.lines(active));
        assertEquals(1001, lines.size(), lines.toString());
        for (int i = 0; i < 1000; i++)
        {
            assertEquals("line " + i, lines.get(i));
        }
        assertEquals("after", lines.get(1000));
    }

    private List<Path> hidden() throws java.io.IOException
    {
        try (var names = Files.list(dir))
        {
            return names.filter((f) -> f.getFileName().toString().endsWith(".raw")).sorted().toList();
        }
    }

    @Test
    void aFileMovedAsideButNotArchivedBeforeAStopIsArchivedAtTheNextStart() throws Exception
    {
        final Path active = dir.resolve("app.log");
        Files.writeString(dir.resolve(".app.log." + System.currentTimeMillis() + "-0.raw"), "left\n");
        final LoggerContext context = start("fileName=\"" + active + "\" filePattern=\"" +
            dir.resolve("app-%i.log.gz") + "\"", "<SizeBasedTriggeringPolicy size=\"1MB\"/>");
        context.getLogger("roll").info("now");
        context.stop();

        assertEquals(List.of("left"), RolledFiles.lines(dir.resolve("app-1.log.gz")));
        assertEquals(List.of("now"), RolledFiles.lines(active));
        try (var names = Files.list(dir))
        {
            assertEquals(List.of(), names.filter((f) -> f.getFileName().toString().endsWith(".raw")).toList());
        }
    }

    @Test
    void compressionACrashInterruptedIsFinishedAtTheNextStartAndNoLineIsInTwoFiles() throws Exception
    {
        final Path active = dir.resolve("app.log");
        Files.writeString(dir.resolve("app-1.log"), "one\n");
        final byte[] partial = gzip("one\n".repeat(1000));
        Files.write(dir.resolve("app-1.log.gz"), java.util.Arrays.copyOf(partial, partial.length / 2));
        Files.writeString(dir.resolve("app-2.log"), "two\n");
        Files.write(dir.resolve("app-2.log.gz"), gzip("two\n"));
        Files.writeString(dir.resolve("app-3.log"), "three\n");
        final LoggerContext context = start("fileName=\"" + active + "\" filePattern=\"" +
            dir.resolve("app-%i.log.gz") + "\"", "<SizeBasedTriggeringPolicy size=\"1MB\"/>");
        context.getLogger("roll").info("now");
        context.stop();

        assertEquals(List.of(dir.resolve("app-1.log.gz"), dir.resolve("app-2.log.gz"), dir.resolve("app-3.log.gz")),
            RolledFiles.byIndex(dir, "app-"));
        assertEquals(List.of("one"), RolledFiles.lines(dir.resolve("app-1.log.gz")));
        assertEquals(List.of("two"), RolledFiles.lines(dir.resolve("app-2.log.gz")));
        assertEquals(List.of("three"), RolledFiles.lines(dir.resolve("app-3.log.gz")));
        assertEquals(List.of("now"), RolledFiles.lines(active));
    }

    @Test
    void filePermissionsApplyToEveryNewFileRolledCompressedOrActive() throws Exception
    {
        final Path active = dir.resolve("app.log");
        final LoggerContext context = start("fileName=\"" + active + "\" filePattern=\"" +
            dir.resolve("app-%i.log.gz") + "\" filePermissions=\"rw-r-----\"",
            "<SizeBasedTriggeringPolicy size=\"1MB\"/>");
        final UnifiedWriterAppender appender = TestConfigs.appender(context, "roll");
        context.getLogger("roll").info("first");
        assertTrue(appender.getManager().flush(Duration.ofSeconds(10)));
        appender.getManager().rolling().rollover();
        final Path rolled = dir.resolve("app-1.log.gz");
        RolledFiles.await(Duration.ofSeconds(10), "app-1.log.gz", () -> Files.exists(rolled) &&
            appender.getManager().rolling().compressionsPending() == 0);
        context.getLogger("roll").info("second");
        context.stop();

        final java.util.Set<java.nio.file.attribute.PosixFilePermission> mode =
            java.nio.file.attribute.PosixFilePermissions.fromString("rw-r-----");
        assertEquals(mode, Files.getPosixFilePermissions(rolled), "the compressed file");
        assertEquals(mode, Files.getPosixFilePermissions(active), "the new active file");
        assertEquals(List.of("first"), RolledFiles.lines(rolled));
    }

    private static byte[] gzip(final String text) throws java.io.IOException
    {
        final java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream out = new java.util.zip.GZIPOutputStream(bytes))
        {
            out.write(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }

    private LoggerContext start(final String attributes, final String elements)
    {
        final String element = "    <UnifiedWriter name=\"roll\" " + attributes + ">\n" +
            "      <PatternLayout pattern=\"%m%n\"/>\n      " + elements + "\n    </UnifiedWriter>";
        try (StatusCapture status = new StatusCapture())
        {
            final LoggerContext context = TestConfigs.start(dir, TestConfigs.config(element, "roll"));
            assertEquals(List.of(), status.errors());
            return context;
        }
    }
}
