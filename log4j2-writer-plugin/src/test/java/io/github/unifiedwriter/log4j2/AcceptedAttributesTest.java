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
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Valid values through a real configuration: one that has no effect where it stands is a WARN and the appender is
 * created; the compatibility names, in any case, are read as the attributes they stand for.
 */
class AcceptedAttributesTest
{
    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0} -> WARN about {1}")
    @MethodSource("noEffect")
    void warnsAboutValidValuesWithoutEffect(final String attributes, final String warned)
    {
        try (StatusCapture status = new StatusCapture())
        {
            final Path file = dir.resolve("quiet.log");
            final String xml = TestConfigs.config(
                "    <UnifiedWriter name=\"quiet\" fileName=\"" + file + "\" " + attributes + "/>", "quiet");
            final LoggerContext context = TestConfigs.start(dir, xml);
            context.getLogger("quiet").info("still written");
            final UnifiedWriterAppender appender = TestConfigs.appender(context, "quiet");
            context.stop();

            assertNotNull(appender, "the appender is created");
            assertTrue(status.warnings().stream().anyMatch((w) -> w.contains(warned + "=") &&
                w.contains("has no effect")), "a WARN about " + warned + ", got " + status.warnings());
            assertEquals(List.of("still written"), TestConfigs.lines(file));
        }
    }

    static Stream<Arguments> noEffect()
    {
        return Stream.of(
            Arguments.of("tick=\"5ms\"", "tick"),
            Arguments.of("mode=\"manual\" tick=\"5ms\" triggerLevel=\"INFO\"", "tick"),
            Arguments.of("regionSize=\"1MB\"", "regionSize"),
            Arguments.of("writerType=\"line\" regionSize=\"1MB\"", "regionSize"),
            Arguments.of("triggerLevel=\"ERROR\"", "triggerLevel"),
            Arguments.of("policy=\"drop_newest\" blockTimeout=\"10ms\"", "blockTimeout"),
            Arguments.of("discardThreshold=\"WARN\"", "discardThreshold"),
            Arguments.of("autoRestart=\"false\" maxRestarts=\"3\"", "maxRestarts"),
            Arguments.of("async=\"false\" ringSize=\"1024\"", "ringSize"),
            Arguments.of("async=\"false\" policy=\"drop_oldest\"", "policy"),
            Arguments.of("async=\"false\" mode=\"loop\"", "mode"),
            Arguments.of("async=\"false\" flushInterval=\"50ms\"", "flushInterval"),
            Arguments.of("async=\"false\" blockTimeout=\"10ms\"", "blockTimeout"),
            Arguments.of("async=\"false\" policy=\"drop_newest\" discardThreshold=\"WARN\"", "discardThreshold"),
            Arguments.of("async=\"false\" maxRestarts=\"3\"", "maxRestarts"),
            Arguments.of("async=\"false\" autoRestart=\"false\"", "autoRestart"));
    }

    @Test
    void compatibilityNamesAndAnyCase()
    {
        final Path file = dir.resolve("compat.log");
        final String xml = TestConfigs.config("    <UnifiedWriter name=\"compat\" fileName=\"" + file +
            "\" FLUSH=\"0.05\" deadline=\"2\" Queue=\"128\" size=\"16\" writer=\"LINE\" async_en=\"TRUE\"" +
            " Policy=\"Drop_Oldest\"/>", "compat");
        final LoggerContext context = TestConfigs.start(dir, xml);
        final UnifiedWriterAppender appender = TestConfigs.appender(context, "compat");
        assertNotNull(appender);
        final var config = appender.getManager().config();
        context.stop();

        assertEquals(java.time.Duration.ofMillis(50), config.flushInterval());
        assertEquals(java.time.Duration.ofSeconds(2), config.shutdownTimeout());
        assertEquals(128, config.ringSize());
        assertEquals(16, config.batchSize());
        assertEquals("line", appender.getManager().writerType());
        assertEquals(io.github.unifiedwriter.core.QueuePolicy.DROP_OLDEST, config.policy());
    }
}
