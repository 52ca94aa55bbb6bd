package io.github.unifiedwriter.docs;

import java.nio.file.Path;
import java.util.List;

import io.github.unifiedwriter.core.QueuePolicy;
import io.github.unifiedwriter.log4j2.UnifiedWriterAppender;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.impl.Log4jLogEvent;
import org.apache.logging.log4j.core.layout.PatternLayout;
import org.apache.logging.log4j.message.SimpleMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Java shown in {@code docs/configuration.md} under "Configuring from code", run as shown. */
class FromCodeExampleTest
{
    @TempDir
    Path dir;

    @Test
    void theBuilderFromCodeWritesWithTheDocumentedSettings()
    {
        final Path file = dir.resolve("app.log");
        final UnifiedWriterAppender appender = UnifiedWriterAppender.newBuilder()
            .setName("app")
            .setAttribute("fileName", file.toString())
            .setAttribute("policy", "drop_oldest")
            .setLayout(PatternLayout.newBuilder().withPattern("%d %-5level %c{1} - %m%n").build())
            .build();

        assertNotNull(appender);
        assertEquals(QueuePolicy.DROP_OLDEST, appender.getManager().config().policy());
        appender.start();
        appender.append(Log4jLogEvent.newBuilder().setLoggerName("docs.FromCode").setLevel(Level.INFO)
            .setMessage(new SimpleMessage("built from code")).build());
        appender.stop();
        final List<String> lines = Examples.lines(file);
        assertEquals(1, lines.size());
        assertTrue(lines.get(0).endsWith(" INFO  FromCode - built from code"), lines.get(0));
    }
}
