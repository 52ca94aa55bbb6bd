package io.github.unifiedwriter.perf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The jar's stress command runs the lifecycle stress from the jar itself, for a few seeds. */
class StressSmokeIT
{
    @Test
    void runsSeedsAndSaysHowManyFailed() throws Exception
    {
        Assumptions.assumeTrue(PerfJar.pluginPresent(), "the UnifiedWriter appender is not built yet");
        final PerfJar.Result result = PerfJar.run(Duration.ofSeconds(120), List.of(), "stress", "--seed", "11",
            "--seeds", "20");

        assertEquals(0, result.exitCode(), result.output());
        assertTrue(result.output().contains("20 of 20 seeds run, 0 failed"), result.output());
    }
}
