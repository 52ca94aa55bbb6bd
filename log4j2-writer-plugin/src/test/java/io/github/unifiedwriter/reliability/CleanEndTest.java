package io.github.unifiedwriter.reliability;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import io.github.unifiedwriter.core.WriterMetrics;
import io.github.unifiedwriter.log4j2.StatusCapture;
import io.github.unifiedwriter.log4j2.TestConfigs;
import io.github.unifiedwriter.log4j2.UnifiedWriterAppender;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.core.LoggerContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A file that was let go cleanly is never cut, whatever its records end with, and a file the writer lets go
 * ends at its last record: across a restart, a reload that changes the writer type, and a rotation followed by
 * the MXBean's {@code reopen()}. A file that another tool wrote is appended to as it is.
 */
class CleanEndTest
{
    /** Records end with ';', never with a newline. */
    private static final String SEMICOLON = "<PatternLayout pattern=\"%m;\"/>";
    /** Records are JSON objects with nothing after them. */
    private static final String JSON = "<JsonTemplateLayout eventDelimiter=\"\" " +
        "eventTemplate=\"{&quot;m&quot;:{&quot;$resolver&quot;:&quot;message&quot;,&quot;stringified&quot;:true}}\"/>";
    private static final int RECORDS = 200;

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0} writer, {1}")
    @CsvSource({"block, semicolon", "line, semicolon", "mmap, semicolon", "block, json", "line, json", "mmap, json"})
    void aCleanRestartKeepsEveryEarlierRecordWhateverItsRecordsEndWith(final String type, final String layout)
        throws Exception
    {
        final Path file = dir.resolve(type + "-" + layout + ".log");
        final String element = "json".equals(layout) ? JSON : SEMICOLON;
        try (StatusCapture status = new StatusCapture())
        {
            log(file, type, element, "first", RECORDS);
            log(file, type, element, "second", RECORDS);
            assertTrue(status.warnings().isEmpty(), "a clean end is not warned about: " + status.warnings());
        }
        final String expected = records("json".equals(layout), "first", RECORDS) +
            records("json".equals(layout), "second", RECORDS);
        assertEquals(expected, Files.readString(file), "both runs' records, whole, in order");
    }

    /** The footer is written through the writer like a record, so a footer without a newline is kept too. */
    @ParameterizedTest(name = "{0} writer")
    @ValueSource(strings = {"block", "line", "mmap"})
    void aCleanRestartKeepsAFooterWithoutAFinalNewline(final String type) throws Exception
    {
        final Path file = dir.resolve(type + "-footer.log");
        final String layout = "<PatternLayout pattern=\"%m%n\" footer=\"END\"/>";
        log(file, type, layout, "first", 2);
        log(file, type, layout, "second", 2);
        assertEquals("first-0\nfirst-1\nENDsecond-0\nsecond-1\nEND", Files.readString(file));
    }

    /** Block to mmap and back: each writer lets go of the file at its last record, and the next keeps it all. */
    @Test
    void reloadingFromBlockToMmapAndBackKeepsEveryRecord() throws Exception
    {
        final Path file = dir.resolve("reload.log");
        final Path block = Configs.write(dir, config(file, "block", SEMICOLON));
        final Path mmap = Configs.write(dir, config(file, "mmap", SEMICOLON));
        final LoggerContext context = TestConfigs.start(block.toUri());
        final UnifiedWriterAppender first = TestConfigs.appender(context, "app");
        final Logger logger = context.getLogger("reload");
        final StringBuilder expected = new StringBuilder();
        final Path[] order = {mmap, block, mmap};
        for (int step = 0; step <= order.length; step++)
        {
            for (int i = 0; i < RECORDS; i++)
            {
                logger.info("s" + step + "-" + i);
                expected.append("s").append(step).append('-').append(i).append(';');
            }
            if (step < order.length)
            {
                context.setConfigLocation(order[step].toUri());
                assertEquals(step % 2 == 0 ? "mmap" : "block", first.getManager().writerType());
            }
        }
        context.stop();
        final WriterMetrics metrics = first.getManager().metrics();
        assertEquals(4L * RECORDS, metrics.written(), metrics.toString());
        assertEquals(expected.toString(), Files.readString(file), "every record once, in order, and no NUL");
    }

    /** Rotation by rename: the renamed file ends exactly at its last record, and the next ones go to a new file. */
    @ParameterizedTest(name = "{0} writer")
    @ValueSource(strings = {"mmap", "block", "line"})
    void aRenameThenTheMXBeansReopenLeaveTheRenamedFileEndingAtItsLastLine(final String type) throws Exception
    {
        final Path file = dir.resolve(type + ".log");
        final Path rotated = dir.resolve(type + ".log.1");
        final LoggerContext context = TestConfigs.start(dir, TestConfigs.config(
            Configs.writer("app", file, "writerType=\"" + type + "\" jmx=\"true\""), "app"));
        final UnifiedWriterAppender appender = TestConfigs.appender(context, "app");
        final Logger logger = context.getLogger("rotate");
        for (int i = 0; i < 3; i++)
        {
            logger.info("before " + i);
        }
        assertTrue(appender.getManager().flush(Duration.ofSeconds(10)));
        Files.move(file, rotated);

        ManagementFactory.getPlatformMBeanServer().invoke(appender.getManager().getObjectName(), "reopen",
            new Object[0], new String[0]);
        awaitCreated(file);
        logger.info("after");
        context.stop();

        assertEquals("before 0\nbefore 1\nbefore 2\n", Files.readString(rotated), "no zero tail, nothing after");
        assertEquals("after\n", Files.readString(file));
    }

    @ParameterizedTest(name = "{0} writer")
    @ValueSource(strings = {"block", "line", "mmap"})
    void aFileAnotherToolWroteIsAppendedToAsItIs(final String type) throws Exception
    {
        final Path file = Files.writeString(dir.resolve(type + ".log"), "line1\nline2 without newline");
        final Path single = Files.writeString(dir.resolve(type + "-single.log"), "no newline at all");
        try (StatusCapture status = new StatusCapture())
        {
            log(file, type, "<PatternLayout pattern=\"%m%n\"/>", "new", 2);
            log(single, type, "<PatternLayout pattern=\"%m%n\"/>", "new", 1);
            assertTrue(status.warnings().isEmpty(), status.warnings().toString());
        }
        assertEquals("line1\nline2 without newlinenew-0\nnew-1\n", Files.readString(file));
        assertEquals("no newline at allnew-0\n", Files.readString(single));
        assertFalse(Files.exists(dir.resolve("." + type + ".log.uw-open")), "the open marker is gone at stop");
    }

    /** A NUL at the end of each record cannot be told from the mmap writer's zeros; the channel writers take it. */
    @Test
    void theMmapWriterIsRefusedForALayoutThatEndsRecordsWithNulAndTheBlockWriterWritesThem() throws Exception
    {
        final String nul = "<JsonTemplateLayout eventDelimiter=\"\" nullEventDelimiterEnabled=\"true\" " +
            "eventTemplate=\"{&quot;m&quot;:{&quot;$resolver&quot;:&quot;message&quot;,&quot;stringified&quot;:true}}\"/>";
        final Path mapped = dir.resolve("mapped.log");
        try (StatusCapture status = new StatusCapture())
        {
            final LoggerContext context = TestConfigs.start(Configs.write(dir, config(mapped, "mmap", nul)).toUri());
            context.stop();
            assertEquals(null, TestConfigs.appender(context, "app"), "no appender");
            assertTrue(status.errors().stream().anyMatch((e) -> e.contains("writerType=\"mmap\"") &&
                e.contains("end with a NUL byte") && e.contains("accepted with this layout: writerType block or line")),
                status.errors().toString());
        }
        assertFalse(Files.exists(mapped), "nothing opened");

        final Path file = dir.resolve("block.log");
        log(file, "block", nul, "first", 2);
        log(file, "block", nul, "second", 1);
        assertEquals("{\"m\":\"first-0\"}\0{\"m\":\"first-1\"}\0{\"m\":\"second-0\"}\0", Files.readString(file));
    }

    private void log(final Path file, final String type, final String layout, final String prefix, final int count)
    {
        final LoggerContext context = TestConfigs.start(Configs.write(dir, config(file, type, layout)).toUri());
        final UnifiedWriterAppender appender = TestConfigs.appender(context, "app");
        final Logger logger = context.getLogger("clean");
        for (int i = 0; i < count; i++)
        {
            logger.info(prefix + "-" + i);
        }
        context.stop();
        final WriterMetrics metrics = appender.getManager().metrics();
        assertEquals(count, metrics.written(), metrics.toString());
    }

    private static String config(final Path file, final String type, final String layout)
    {
        final String region = "mmap".equals(type) ? " regionSize=\"64KB\"" : "";
        return TestConfigs.config("    <UnifiedWriter name=\"app\" fileName=\"" + file + "\" writerType=\"" + type +
            "\"" + region + " jmx=\"false\">\n      " + layout + "\n    </UnifiedWriter>", "app");
    }

    private static String records(final boolean json, final String prefix, final int count)
    {
        final StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++)
        {
            text.append(json ? "{\"m\":\"" + prefix + "-" + i + "\"}" : prefix + "-" + i + ";");
        }
        return text.toString();
    }

    /** The reopen runs on the writer thread; the new file at the path shows it has let the old one go. */
    private static void awaitCreated(final Path file) throws InterruptedException
    {
        for (int i = 0; i < 10_000 && !Files.exists(file); i++)
        {
            Thread.sleep(1);
        }
        assertTrue(Files.exists(file), "the writer reopened " + file);
    }
}
