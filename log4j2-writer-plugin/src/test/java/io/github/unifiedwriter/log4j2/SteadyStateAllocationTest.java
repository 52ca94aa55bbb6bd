package io.github.unifiedwriter.log4j2;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.impl.Log4jLogEvent;
import org.apache.logging.log4j.message.SimpleMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Once warm, the appender allocates nothing per event with PatternLayout: the event is encoded into the thread's
 * reused buffer and copied into a preallocated slot.
 *
 * <p>The event is handed to the appender directly, so only the appender's path is measured: Log4j2's own event
 * creation and its date converter leave allocations to the JIT's escape analysis, which removes them or not
 * depending on what ran before in the same JVM.
 */
class SteadyStateAllocationTest
{
    private static final int WARM_UP = 200_000;
    private static final int MEASURED = 100_000;

    @TempDir
    Path dir;

    @Test
    void aWarmAppendAllocatesNothing()
    {
        final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
        assumeTrue(threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled());
        final Path file = dir.resolve("gc-free.log");
        final String element = "    <UnifiedWriter name=\"gcfree\" fileName=\"" + file + "\" ringSize=\"131072\">\n" +
            "      <PatternLayout pattern=\"%-5level [%t] %c{1} - %m%n\"/>\n    </UnifiedWriter>";
        final LoggerContext context = TestConfigs.start(dir, TestConfigs.config(element, "gcfree"));
        final UnifiedWriterAppender appender = TestConfigs.appender(context, "gcfree");
        final LogEvent event = Log4jLogEvent.newBuilder().setLevel(Level.INFO).setLoggerName("io.example.Steady")
            .setThreadName("steady").setMessage(new SimpleMessage("a warm call")).build();
        final long thread = Thread.currentThread().getId();

        for (int i = 0; i < WARM_UP; i++)
        {
            appender.append(event);
        }
        // The ring holds every measured call, so none waits for room: waiting is not the steady state.
        appender.getManager().flush(Duration.ofSeconds(30));
        final long before = threads.getThreadAllocatedBytes(thread);
        for (int i = 0; i < MEASURED; i++)
        {
            appender.append(event);
        }
        final long allocated = threads.getThreadAllocatedBytes(thread) - before;
        context.stop();

        assertEquals(WARM_UP + MEASURED, appender.getManager().metrics().written());
        assertTrue(allocated < MEASURED / 10, allocated + " bytes for " + MEASURED + " calls");
    }
}
