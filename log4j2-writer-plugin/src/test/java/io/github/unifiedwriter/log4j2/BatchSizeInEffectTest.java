package io.github.unifiedwriter.log4j2;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.List;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.LoggerContext;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A batch never holds more than half the ring. A {@code batchSize} above that is cut with a WARN naming the
 * attribute as written, and JMX shows the value in effect, not the one configured.
 */
class BatchSizeInEffectTest
{
    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "ringSize=\"64\" batchSize=\"100\"   | 32  | batchSize=\"100\"",
        "queue=\"100\" SIZE=\"65\"           | 64  | SIZE=\"65\"",
        "ringSize=\"1024\" batchSize=\"512\" | 512 | ",
        "ringSize=\"64\"                     | 32  | ",
        "batchSize=\"9000\"                  | 8192 | batchSize=\"9000\"",
        "ringSize=\"64\" batchSize=\"100\" async=\"false\" | 32 | "})
    void aBatchSizeOverHalfTheRingIsCutWithAWarnAndJmxShowsTheCut(final String attributes, final int inEffect,
        final String warned) throws Exception
    {
        final Path file = dir.resolve("batch.log");
        try (StatusCapture status = new StatusCapture())
        {
            final LoggerContext context = TestConfigs.start(dir,
                TestConfigs.config(TestConfigs.writer("batch", file, attributes + " jmx=\"true\""), "batch"));
            final UnifiedWriterAppender appender = TestConfigs.appender(context, "batch");
            context.getLogger("batch").info("written");
            final Object shown = ManagementFactory.getPlatformMBeanServer()
                .getAttribute(appender.getManager().getObjectName(), "BatchSize");
            final List<String> cut = status.about("batch", Level.WARN).stream()
                .filter((w) -> w.contains("more than half the ring")).toList();
            context.stop();

            assertEquals(inEffect, shown);
            assertEquals(inEffect, appender.getManager().config().batchSize());
            if (warned == null)
            {
                assertEquals(List.of(), cut);
            }
            else
            {
                assertEquals(1, cut.size(), cut.toString());
                assertEquals(true, cut.get(0).contains(warned + " is more than half the ring") &&
                    cut.get(0).contains("at most " + inEffect + " records"), cut.get(0));
            }
            assertEquals(List.of("written"), TestConfigs.lines(file));
        }
    }
}
