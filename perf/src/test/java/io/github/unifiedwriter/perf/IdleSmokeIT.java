package io.github.unifiedwriter.perf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The idle command starts idle writers in both modes and prints their CPU share. No figure is checked. */
class IdleSmokeIT
{
    @Test
    void printsTheShareOfACoreForEachModeAndPeriod() throws Exception
    {
        final PerfJar.Result result = PerfJar.run(Duration.ofSeconds(60), List.of(), "idle", "--periods-ms", "100",
            "--seconds", "1");

        assertEquals(0, result.exitCode(), result.output());
        assertTrue(result.output().contains("loop     tick=100ms:"), result.output());
        assertTrue(result.output().contains("trigger  flushInterval=100ms:"), result.output());
    }
}
