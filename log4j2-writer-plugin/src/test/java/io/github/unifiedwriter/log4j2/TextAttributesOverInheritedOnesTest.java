package io.github.unifiedwriter.log4j2;

import java.nio.file.Path;
import java.util.List;

import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.filter.ThresholdFilter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The builder extends Log4j2's appender builder, yet {@code name} and {@code ignoreExceptions} are read as text
 * and checked: Log4j2's typed field would take {@code ignoreExceptions="ture"} as false, and its required name
 * would refuse a blank one without naming the value.
 */
class TextAttributesOverInheritedOnesTest
{
    @TempDir
    Path dir;

    @Test
    void aTypoInIgnoreExceptionsIsRefusedNamingTheAttributeAndTheValue()
    {
        try (StatusCapture status = new StatusCapture())
        {
            final LoggerContext context = TestConfigs.start(dir, TestConfigs.config(
                TestConfigs.writer("typo", dir.resolve("typo.log"), "ignoreExceptions=\"ture\""), "typo"));
            final UnifiedWriterAppender appender = TestConfigs.appender(context, "typo");
            context.stop();

            assertNull(appender, "no appender for ignoreExceptions=\"ture\"");
            assertTrue(status.errors().stream().anyMatch((e) -> e.contains("invalid ignoreExceptions=\"ture\"") &&
                e.contains("Accepted: true or false")), status.errors().toString());
        }
    }

    @Test
    void ignoreExceptionsFalseFromTheXmlReachesTheAppender()
    {
        final LoggerContext context = TestConfigs.start(dir, TestConfigs.config(
            TestConfigs.writer("strict", dir.resolve("strict.log"), "ignoreExceptions=\"false\" jmx=\"false\""),
            "strict"));
        final UnifiedWriterAppender appender = TestConfigs.appender(context, "strict");
        context.stop();

        assertNotNull(appender);
        assertFalse(appender.ignoreExceptions());
    }

    @Test
    void theInheritedSettersWorkFromCode()
    {
        final ThresholdFilter filter = ThresholdFilter.createFilter(null, null, null);
        final UnifiedWriterAppender appender = UnifiedWriterAppender.newBuilder().setName("code")
            .setAttribute("FILENAME", dir.resolve("code.log").toString()).setAttribute("jmx", "false")
            .setIgnoreExceptions(false).setFilter(filter).build();

        assertNotNull(appender);
        assertEquals("code", appender.getName());
        assertFalse(appender.ignoreExceptions());
        assertSame(filter, appender.getFilter());
        appender.stop();
    }

    @Test
    void aBlankNameIsRefusedNamingTheValue()
    {
        try (StatusCapture status = new StatusCapture())
        {
            assertNull(UnifiedWriterAppender.newBuilder().setName("")
                .setAttribute("fileName", dir.resolve("x.log").toString()).build());
            assertEquals(List.of(), status.errors().stream().filter((e) -> !e.contains("invalid name=\"\"")).toList());
        }
    }

    @Test
    void anUnknownAttributeFromCodeIsRefusedAtOnce()
    {
        assertThrows(IllegalArgumentException.class,
            () -> UnifiedWriterAppender.newBuilder().setAttribute("fileNme", "x.log"));
    }
}
