package io.github.unifiedwriter.perf.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.unifiedwriter.perf.report.Baseline;
import io.github.unifiedwriter.perf.report.ResultJson;
import io.github.unifiedwriter.perf.report.ResultTable;
import io.github.unifiedwriter.perf.report.RunGroup;
import io.github.unifiedwriter.perf.report.RunResult;
import io.github.unifiedwriter.perf.stack.Stack;

/**
 * The reference stack writes no file: compare shows its calls, says it was not checked, and never takes it for
 * the best Log4j2 peer nor for a loss, however fast it is.
 */
class ReferenceStackTest
{
    @TempDir
    Path dir;

    /** 1,000 events: calls done after 1 ms, stop returned after 2 ms. */
    private static RunResult reference(final int threads)
    {
        return CompareRunner.reference(Stack.byId("log4j-null"), threads, 1000,
            new RunMeasure(1_000_000, 2_000_000, 500_000, "-"));
    }

    private static RunResult checked(final Stack stack, final double linesPerSec)
    {
        return new RunResult(stack, 2, 1000, 1000, linesPerSec, linesPerSec, 500, 1, 10, true, 0, 0, "-", null);
    }

    private final List<RunResult> results = List.of(checked(Stack.UW_BLOCK, 300), checked(Stack.LOG4J_RAF, 200),
        reference(2));

    @Test
    void parsesAsALog4j2StackThatWritesNoFile()
    {
        final Stack stack = Stack.byId(" LOG4J-NULL ");

        assertEquals(Stack.LOG4J_NULL, stack);
        assertEquals("stacks/log4j-null.xml", stack.configResource());
        assertFalse(stack.writesFile());
        assertFalse(stack.log4jBaseline());
        assertFalse(stack.ours());
        assertTrue(Stack.LOG4J_RAF.writesFile());
        assertTrue(Stack.ids().contains("log4j-null"));
    }

    @Test
    void itsResultIsAReferenceTimedOnTheSameClock()
    {
        final RunResult r = reference(2);

        assertTrue(r.reference());
        assertTrue(r.sound());
        assertFalse(r.counts());
        assertEquals(0, r.lost());
        assertEquals(500_000, r.linesPerSec(), 1e-6);
        assertEquals(1_000_000, r.callsPerSec(), 1e-6);
        assertEquals(1.0, r.drainMillis(), 1e-9);
    }

    @Test
    void itsRowSaysReferenceAndShowsCallsOnly()
    {
        final String row = ResultTable.row(reference(2));

        assertTrue(row.startsWith("log4j-null "), row);
        assertTrue(row.contains("no file / 1,000"), row);
        assertTrue(row.contains("reference, not checked: writes no file"), row);
        assertFalse(row.contains("LOST"), row);
        assertFalse(row.contains("NOT COUNTED"), row);
    }

    @Test
    void itIsNeverTheBestPeerEvenWhenFastest()
    {
        assertEquals(Stack.LOG4J_RAF, Baseline.bestLog4j(results, 2).orElseThrow().stack());
        assertTrue(Baseline.bestLog4j(List.of(reference(2)), 2).isEmpty());

        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ResultTable.print(new PrintStream(bytes, true, StandardCharsets.UTF_8), RunGroup.of(results), List.of(2));
        final String text = bytes.toString(StandardCharsets.UTF_8);

        assertTrue(text.contains("best complete Log4j2 stack: log4j-raf"), text);
        assertTrue(text.contains("1.50x the best Log4j2 lines/s"), text);
        assertFalse(text.contains("LOST"), text);
    }

    @Test
    void itsRepeatsShowTheMedianNotTheWorst()
    {
        final RunResult slow = CompareRunner.reference(Stack.LOG4J_NULL, 1, 1000, new RunMeasure(1, 4_000_000, 1, "-"));
        final RunResult middle = CompareRunner.reference(Stack.LOG4J_NULL, 1, 1000, new RunMeasure(1, 2_000_000, 1, "-"));
        final RunResult fast = CompareRunner.reference(Stack.LOG4J_NULL, 1, 1000, new RunMeasure(1, 1_000_000, 1, "-"));

        final RunGroup group = RunGroup.of(List.of(slow, fast, middle)).get(0);

        assertEquals(middle, group.shown());
        assertEquals(250_000, group.minLinesPerSec(), 1e-6);
        assertEquals(1_000_000, group.maxLinesPerSec(), 1e-6);
    }

    @Test
    void itsJsonSaysReferenceAndLeavesTheCheckUnknown() throws IOException
    {
        final Path file = dir.resolve("compare.json");
        ResultJson.write(file, results);
        final String json = Files.readString(file);

        assertTrue(json.contains("\"stack\": \"log4j-null\", \"threads\": 2, \"events\": 1000, \"linesWritten\": null"), json);
        assertTrue(json.contains("\"complete\": null, \"counted\": false, \"reference\": true, \"missing\": null,"
            + " \"repeated\": null"), json);
        assertTrue(json.contains("\"stack\": \"log4j-raf\", \"threads\": 2, \"events\": 1000, \"linesWritten\": 1000"), json);
        assertTrue(json.contains("\"complete\": true, \"counted\": true, \"reference\": false, \"missing\": 0"), json);
    }

    @Test
    void commandsThatReadTheFileBackRefuseIt()
    {
        final IllegalArgumentException ex = assertThrows(IllegalArgumentException.class,
            () -> Stack.requireFiles(Stack.byIds(List.of("log4j-raf", "log4j-null")), "latency"));

        assertTrue(ex.getMessage().contains("log4j-null writes no file"), ex.getMessage());
        assertTrue(ex.getMessage().contains("latency reads each stack's file back"), ex.getMessage());
        assertFalse(ex.getMessage().contains("\n"), ex.getMessage());
        assertEquals(List.of(Stack.LOG4J_RAF), Stack.requireFiles(List.of(Stack.LOG4J_RAF), "latency"));
    }
}
