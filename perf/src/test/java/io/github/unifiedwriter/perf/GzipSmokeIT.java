package io.github.unifiedwriter.perf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The gzip command compresses a small file and prints its cost. No figure is checked. */
class GzipSmokeIT
{
    @Test
    void printsTheCostOfCompressingARolledFile() throws Exception
    {
        final PerfJar.Result result = PerfJar.run(Duration.ofSeconds(120), List.of(), "gzip", "--megabytes", "2",
            "--repeat", "1");

        assertEquals(0, result.exitCode(), result.output());
        assertTrue(result.output().contains("CPU s per GB"), result.output());
        assertTrue(result.output().contains("compressed to"), result.output());
    }
}
