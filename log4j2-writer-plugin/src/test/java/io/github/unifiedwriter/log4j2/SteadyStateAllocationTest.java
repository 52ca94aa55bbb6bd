package io.github.unifiedwriter.log4j2;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;

import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.core.LoggerContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * With PatternLayout, a log call through the appender allocates nothing once warm: the event is encoded into the
 * thread's reused buffer and copied into a preallocated slot.
 */
class SteadyStateAllocationTest
{
    private static final int WARM_UP = 200_000;
    private static final int MEASURED = 100_000;

    @TempDir
    Path dir;

    @Test
    void aWarmLogCallAllocatesNothing() throws Exception
    {
        final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
        assumeTrue(threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled());
        final Path file = dir.resolve("gc-free.log");
        final String element = "    <UnifiedWriter name=\"gcfree\" fileName=\"" + file + "\" ringSize=\"131072\">\n" +
            "      <PatternLayout pattern=\"%d{yyyy-MM-dd HH:mm:ss.SSS} %-5level [%t] %c{1} - %m%n\"/>\n" +
            "    </UnifiedWriter>";
        final LoggerContext context = TestConfigs.start(dir, TestConfigs.config(element, "gcfree"));
        final Logger logger = context.getLogger("gcfree");
        final String argument = "steady";
        final long thread = Thread.currentThread().getId();

        for (int i = 0; i < WARM_UP; i++)
        {
            logger.info("a warm {} call", argument);
        }
        // The ring holds every measured call, so no call waits for room: waiting is not the steady state.
        TestConfigs.appender(context, "gcfree").getManager().flush(java.time.Duration.ofSeconds(30));
        final long before = threads.getThreadAllocatedBytes(thread);
        for (int i = 0; i < MEASURED; i++)
        {
            logger.info("a warm {} call", argument);
        }
        final long allocated = threads.getThreadAllocatedBytes(thread) - before;
        context.stop();

        assertTrue(allocated < MEASURED / 10, allocated + " bytes for " + MEASURED + " calls");
    }
}
