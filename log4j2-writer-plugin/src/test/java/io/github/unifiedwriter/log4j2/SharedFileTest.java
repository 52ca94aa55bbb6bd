package io.github.unifiedwriter.log4j2;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.apache.logging.log4j.core.LoggerContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two appenders of one configuration on one file share its one writer only when the writer's settings agree.
 * Otherwise the later appender is refused with an ERROR that names both appenders and the setting that differs,
 * and the first keeps its own settings. A reload may still change every setting.
 */
class SharedFileTest
{
    @TempDir
    Path dir;

    /** A setting of the later appender, its value, and the default the first appender keeps. */
    static Stream<Arguments> differences()
    {
        return Stream.of(
            Arguments.of("ringSize", "1024", "16384"),
            Arguments.of("queue", "1024", "16384"),
            Arguments.of("writerType", "line", "block"),
            Arguments.of("writer", "mmap", "block"),
            Arguments.of("mode", "loop", "trigger"),
            Arguments.of("policy", "drop_oldest", "block"),
            Arguments.of("batchSize", "16", "1024"),
            Arguments.of("flushInterval", "1s", "100ms"),
            Arguments.of("bufferSize", "4KB", "64KB"),
            Arguments.of("async", "false", "true"),
            Arguments.of("fsync", "batch", "never"),
            Arguments.of("append", "false", "true"),
            Arguments.of("shutdownTimeout", "1s", "5s"),
            Arguments.of("blockTimeout", "10ms", "none"),
            Arguments.of("autoRestart", "false", "true"),
            Arguments.of("maxRestarts", "3", "10"),
            Arguments.of("jmx", "true", "false"));
    }

    @ParameterizedTest(name = "{0}=\"{1}\"")
    @MethodSource("differences")
    void aLaterAppenderWithOtherWriterSettingsIsRefusedNamingBothAndTheSetting(final String attribute,
        final String value, final String kept)
    {
        final Path file = dir.resolve("shared.log");
        try (StatusCapture status = new StatusCapture())
        {
            final LoggerContext context = TestConfigs.start(dir, TestConfigs.config(
                TestConfigs.writer("first", file, "jmx=\"false\"") + "\n" +
                TestConfigs.writer("second", file,
                    ("jmx".equals(attribute) ? "" : "jmx=\"false\" ") + attribute + "=\"" + value + "\""),
                "first", "second"));
            final UnifiedWriterAppender first = TestConfigs.appender(context, "first");
            final UnifiedWriterAppender second = TestConfigs.appender(context, "second");
            context.getLogger("shared").info("one line");
            final UnifiedWriterManager manager = first.getManager();
            final String canonical = canonical(attribute);
            final List<String> errors = status.about("second");
            final String firstRing = String.valueOf(manager.config().ringSize());
            final String firstType = manager.writerType();
            context.stop();

            assertNotNull(first, "the first appender works");
            assertNull(second, "the later appender is refused");
            assertTrue(errors.stream().anyMatch((e) -> e.startsWith("ERROR") && e.contains("\"first\"") &&
                e.contains(canonical + "=\"" + value + "\"") && e.contains(canonical + "=\"" + kept + "\"") &&
                e.contains("not created")), "an ERROR naming both appenders and " + canonical + ", got " + errors);
            assertEquals("16384", firstRing, "the first appender's ring is untouched");
            assertEquals("block", firstType, "the first appender's writer is untouched");
            assertEquals(List.of("one line"), TestConfigs.lines(file));
        }
    }

    @Test
    void appendersWithTheSameWriterSettingsShareOneWriterAndKeepTheirOwnLevels()
    {
        final Path file = dir.resolve("agree.log");
        final String same = "ringSize=\"1024\" jmx=\"false\" policy=\"drop_newest\"";
        try (StatusCapture status = new StatusCapture())
        {
            final LoggerContext context = TestConfigs.start(dir, TestConfigs.config(
                TestConfigs.writer("first", file, same + " discardThreshold=\"INFO\"") + "\n" +
                TestConfigs.writer("second", file, same.replace("ringSize", "queue") + " discardThreshold=\"WARN\""),
                "first", "second"));
            final UnifiedWriterAppender first = TestConfigs.appender(context, "first");
            final UnifiedWriterAppender second = TestConfigs.appender(context, "second");
            context.getLogger("shared").info("twice");
            final boolean sameManager = first != null && second != null && first.getManager() == second.getManager();
            context.stop();

            assertTrue(sameManager, "both appenders exist and share one writer; " + status.all());
            assertEquals(List.of(), status.errors());
            assertEquals(List.of("twice", "twice"), TestConfigs.lines(file));
        }
    }

    @Test
    void aReloadMayChangeTheSettingsOfEveryAppenderOnTheFile()
    {
        final Path file = dir.resolve("reload.log");
        final String before = TestConfigs.config(
            TestConfigs.writer("first", file, "jmx=\"false\" ringSize=\"1024\"") + "\n" +
            TestConfigs.writer("second", file, "jmx=\"false\" ringSize=\"1024\""), "first", "second");
        final String after = before.replace("ringSize=\"1024\"", "ringSize=\"4096\" writerType=\"line\"");
        try (StatusCapture status = new StatusCapture())
        {
            final LoggerContext context = TestConfigs.start(dir, before);
            final UnifiedWriterManager manager = TestConfigs.appender(context, "first").getManager();
            context.getLogger("shared").info("before");
            context.setConfigLocation(TestConfigs.write(dir, "after.xml", after).toUri());
            final UnifiedWriterAppender first = TestConfigs.appender(context, "first");
            final UnifiedWriterAppender second = TestConfigs.appender(context, "second");
            context.getLogger("shared").info("after");
            assertNotNull(first, status.all().toString());
            assertNotNull(second, status.all().toString());
            assertSame(manager, first.getManager());
            assertSame(manager, second.getManager());
            assertEquals(4096, manager.config().ringSize());
            assertEquals("line", manager.writerType());
            context.stop();

            assertEquals(List.of(), status.errors());
            assertEquals(List.of("before", "before", "after", "after"), TestConfigs.lines(file));
        }
    }

    private static String canonical(final String attribute)
    {
        return switch (attribute)
        {
            case "queue" -> "ringSize";
            case "writer" -> "writerType";
            default -> attribute;
        };
    }
}
