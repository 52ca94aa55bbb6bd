package io.github.unifiedwriter.perf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The {@code memory} command: a tiny run prints a row per record size, at the size asked for. No figure checked. */
class MemorySmokeIT
{
    @Test
    void measuresOneAppenderAtTheRecordSizeAskedFor() throws Exception
    {
        Assumptions.assumeTrue(PerfJar.pluginPresent(), "the UnifiedWriter appender is not built yet");
        final PerfJar.Result result = PerfJar.run(Duration.ofSeconds(120), List.of(), "memory", "--stacks", "uw-block",
            "--record-bytes", "98,300", "--threads", "2", "--events", "2000", "--jvm-args", "-Xmx256m");

        assertEquals(0, result.exitCode(), result.output());
        assertTrue(result.output().contains("uw-block         98 B"), result.output());
        assertTrue(result.output().contains("uw-block        300 B"), result.output());
    }

    @Test
    void refusesAStackThatIsNotOneLog4j2Appender() throws Exception
    {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        final int exit = Main.run(new String[] {"memory", "--stacks", "logback-async"},
            new PrintStream(bytes, true, StandardCharsets.UTF_8));
        final String output = bytes.toString(StandardCharsets.UTF_8);
        assertEquals(1, exit, output);
        assertTrue(output.contains("logback-async is not one"), output);
    }
}
