package io.github.unifiedwriter.log4j2;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import io.github.unifiedwriter.core.WriterMetrics;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.impl.Log4jLogEvent;
import org.apache.logging.log4j.core.layout.AbstractStringLayout;
import org.apache.logging.log4j.message.SimpleMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An event the layout cannot encode is a call like any other: counted as failed, with the error. */
class EncodeFailureTest
{
    @TempDir
    Path dir;

    @Test
    void anEventWhoseLayoutThrowsCountsAsFailedWithTheError()
    {
        final Path file = dir.resolve("layout.log");
        final UnifiedWriterAppender appender = UnifiedWriterAppender.newBuilder().setName("layout")
            .setAttribute("fileName", file.toString()).setAttribute("jmx", "false").setLayout(new OddEventsThrow())
            .build();
        appender.start();
        for (int i = 0; i < 1000; i++)
        {
            appender.append(Log4jLogEvent.newBuilder().setLevel(Level.INFO)
                .setMessage(new SimpleMessage("line " + i)).build());
        }
        final UnifiedWriterManager manager = appender.getManager();
        appender.stop();
        final WriterMetrics m = manager.metrics();
        assertCounted(m, TestConfigs.lines(file));
        assertTrue(m.lastError().contains("odd event"), m.lastError());
    }

    @Test
    void aThrowableWhoseMessageThrowsCountsAsFailedWithTheError()
    {
        final WriterMetrics m = logHalfThrowing("%m %ex%n");
        assertTrue(m.lastError().contains("layout failed"), m.lastError());
    }

    private WriterMetrics logHalfThrowing(final String pattern)
    {
        final Path file = dir.resolve("encode.log");
        final LoggerContext context = TestConfigs.start(dir, TestConfigs.config(
            "    <UnifiedWriter name=\"encode\" fileName=\"" + file + "\">\n" +
            "      <PatternLayout pattern=\"" + pattern + "\"/>\n    </UnifiedWriter>", "encode"));
        final UnifiedWriterManager manager = TestConfigs.appender(context, "encode").getManager();
        final Logger logger = context.getLogger("encode");
        for (int i = 0; i < 1000; i++)
        {
            if (i % 2 == 0)
            {
                logger.info("line {}", i);
            }
            else
            {
                logger.info("line " + i, new ThrowingThrowable());
            }
        }
        context.stop();
        final WriterMetrics m = manager.metrics();
        assertCounted(m, TestConfigs.lines(file));
        return m;
    }

    private static void assertCounted(final WriterMetrics m, final List<String> lines)
    {
        assertEquals(1000, m.offered(), m.toString());
        assertEquals(500, m.written(), m.toString());
        assertEquals(500, m.failed(), m.toString());
        assertEquals(500, m.errors(), m.toString());
        assertEquals(0, m.pending(), m.toString());
        assertEquals(m.offered(), m.written() + m.dropped() + m.failed(), m.toString());
        assertNotNull(m.lastError());
        assertEquals(500, lines.size());
        for (int i = 0; i < 500; i++)
        {
            assertTrue(lines.get(i).startsWith("line " + 2 * i), lines.get(i));
        }
    }

    /** A layout that cannot encode every other event. */
    private static final class OddEventsThrow extends AbstractStringLayout
    {
        OddEventsThrow()
        {
            super(StandardCharsets.UTF_8);
        }

        @Override
        public String toSerializable(final LogEvent event)
        {
            final String text = event.getMessage().getFormattedMessage();
            if (Integer.parseInt(text.substring(5)) % 2 == 1)
            {
                throw new IllegalStateException("odd event");
            }
            return text + "\n";
        }
    }

    /** A throwable whose message cannot be read. */
    private static final class ThrowingThrowable extends RuntimeException
    {
        @Override
        public String getMessage()
        {
            throw new IllegalStateException("getMessage failed");
        }
    }
}
