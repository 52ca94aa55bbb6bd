package io.github.unifiedwriter.log4j2;

import java.nio.file.Path;
import java.util.List;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.impl.Log4jLogEvent;
import org.apache.logging.log4j.message.SimpleMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The builder used from code, without a configuration file: the same checks, the default layout. */
class ProgrammaticBuilderTest
{
    @TempDir
    Path dir;

    @Test
    void buildsAndWritesWithTheDefaultLayout()
    {
        final Path file = dir.resolve("code.log");
        final UnifiedWriterAppender appender = UnifiedWriterAppender.newBuilder().setName("code")
            .setAttribute("fileName", file.toString()).setAttribute("writerType", "line").setAttribute("jmx", "false")
            .build();
        assertNotNull(appender);
        appender.start();
        appender.append(Log4jLogEvent.newBuilder().setLevel(Level.INFO)
            .setMessage(new SimpleMessage("from code")).build());
        appender.stop();
        assertEquals(List.of("from code"), TestConfigs.lines(file));
    }

    @Test
    void refusesABadValueWithoutThrowing()
    {
        try (StatusCapture status = new StatusCapture())
        {
            assertNull(UnifiedWriterAppender.newBuilder().setName("code")
                .setAttribute("fileName", dir.resolve("x.log").toString()).setAttribute("shutdownTimeout", "5000")
                .build());
            assertTrue(status.errors().stream().anyMatch((e) -> e.contains("shutdownTimeout=\"5000\"") &&
                e.contains("5000ms")), status.errors().toString());
        }
    }
}
