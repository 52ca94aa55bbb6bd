package io.github.unifiedwriter.perf.stall;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.github.unifiedwriter.perf.latency.LatencyMeasure;
import io.github.unifiedwriter.perf.latency.Percentiles;
import io.github.unifiedwriter.perf.stack.Stack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A control run, whose file was off the frozen mount, is told apart from the stack's own run wherever it is reported. */
class StallControlReportTest
{
    private static final Stack UW = Stack.byIds(List.of("uw-block")).get(0);

    @Test
    void theTableMarksTheControlRowAndExplainsIt()
    {
        final List<StallResult> results = List.of(result(false, 7_000_000), result(true, 3_000_000));
        final String own = StallTable.row(results.get(0));
        final String control = StallTable.row(results.get(1));
        assertTrue(own.startsWith("uw-block caller ") && own.contains("7,000"), own);
        assertTrue(control.startsWith("uw-block ctl caller ") && control.contains("3,000"), control);
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        StallTable.print(new PrintStream(bytes, true, StandardCharsets.UTF_8), results);
        assertTrue(bytes.toString(StandardCharsets.UTF_8).contains("ctl = the same stack with its file off the mount"));
    }

    @Test
    void theJsonSaysWhichObjectIsTheControl(@TempDir final Path dir) throws Exception
    {
        final Path file = dir.resolve("stall.json");
        StallJson.write(file, List.of(result(false, 7_000_000), result(true, 3_000_000)), "");
        final List<String> objects = Files.readAllLines(file, StandardCharsets.UTF_8).stream()
            .filter(line -> line.contains("\"stack\"")).toList();
        assertTrue(objects.get(0).contains("\"control\": false") && objects.get(0).contains("\"callerP999Micros\": 7000.0"),
            objects.get(0));
        assertTrue(objects.get(1).contains("\"control\": true") && objects.get(1).contains("\"callerP999Micros\": 3000.0"),
            objects.get(1));
    }

    private static StallResult result(final boolean control, final long p999Nanos)
    {
        final Percentiles caller = new Percentiles(300_000, 80_000, 1_000_000, p999Nanos, 2 * p999Nanos, 3 * p999Nanos);
        final Percentiles other = new Percentiles(300_000, 1_000, 10_000, 100_000, 200_000, 300_000);
        final LatencyMeasure m = new LatencyMeasure(360_000, 360_000, true, 0, 0, 20_000, 20_000, caller, other, other,
            null);
        return new StallResult(UW, control, m, 5, 2_900, 600, 36_000_000, null);
    }
}
