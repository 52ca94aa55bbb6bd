package io.github.unifiedwriter.perf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A short latency run at a low rate: percentiles appear and every line is there. No timing checked. */
class LatencySmokeIT
{
    @BeforeEach
    void needsThePlugin()
    {
        Assumptions.assumeTrue(PerfJar.pluginPresent(), "the UnifiedWriter appender is not built yet");
    }

    @Test
    void measuresTwoStacksAndChecksTheirLines() throws Exception
    {
        final Path dir = PerfJar.workDir("latency");
        final Path json = dir.resolve("latency.json");

        final PerfJar.Result result = PerfJar.run(Duration.ofSeconds(120), List.of(), "latency", "--stacks",
            "uw-block,log4j-raf", "--threads", "2", "--rate", "4000", "--seconds", "1", "--warmup", "0.5",
            "--json", json.toString(), "--jvm-args", "-Xmx256m", "--dir", dir.toString(), "--quiet");

        assertEquals(0, result.exitCode(), result.output());
        assertTrue(result.output().contains("p99.9"), result.output());
        final String content = Files.readString(json);
        assertEquals(2, content.split("\"complete\": true").length - 1, content);
        assertTrue(content.contains("\"callToFileNanos\""), content);
    }
}
