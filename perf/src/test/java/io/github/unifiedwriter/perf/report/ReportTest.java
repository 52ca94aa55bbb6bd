package io.github.unifiedwriter.perf.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

import io.github.unifiedwriter.perf.stack.Stack;

/** A lossy stack is marked, kept out of the baseline and the chart; the JSON carries every run. */
class ReportTest
{
    @TempDir
    Path dir;

    private static RunResult run(final Stack stack, final long lines, final double linesPerSec)
    {
        return new RunResult(stack, 2, 1000, lines, linesPerSec, linesPerSec, 500, 1, 10, lines == 1000,
            1000 - lines, 0, "-", null);
    }

    private final List<RunResult> results = List.of(
        run(Stack.UW_BLOCK, 1000, 300),
        run(Stack.LOG4J_RAF, 1000, 200),
        run(Stack.LOG4J_ASYNC_LOGGER, 400, 900),
        RunResult.failed(Stack.LOG4J_MMF, 2, 1000, "child exited with 1"));

    @Test
    void baselineIgnoresLosingAndFailedRuns()
    {
        assertEquals(Stack.LOG4J_RAF, Baseline.bestLog4j(results, 2).orElseThrow().stack());
        assertTrue(Baseline.bestLog4j(results, 4).isEmpty());
    }

    @Test
    void tableMarksLossAndPrintsTheRatio()
    {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ResultTable.print(new PrintStream(bytes, true, StandardCharsets.UTF_8), RunGroup.of(results), List.of(2));
        final String text = bytes.toString(StandardCharsets.UTF_8);

        assertTrue(text.contains("LOST 600 lines"), text);
        assertTrue(text.contains("NOT COUNTED"), text);
        assertTrue(text.contains("FAILED"), text);
        assertTrue(text.contains("best complete Log4j2 stack: log4j-raf"), text);
        assertTrue(text.contains("1.50x the best Log4j2 lines/s"), text);
    }

    @Test
    void repeatsShowTheMedianAndNeverHideALoss()
    {
        final List<RunResult> repeats = List.of(run(Stack.UW_BLOCK, 1000, 100), run(Stack.UW_BLOCK, 1000, 300),
            run(Stack.UW_BLOCK, 1000, 200), run(Stack.LOG4J_RAF, 1000, 500), run(Stack.LOG4J_RAF, 10, 900));

        final List<RunGroup> groups = RunGroup.of(repeats);

        assertEquals(2, groups.size());
        assertEquals(200, groups.get(0).shown().linesPerSec());
        assertEquals(100, groups.get(0).minLinesPerSec());
        assertEquals(300, groups.get(0).maxLinesPerSec());
        assertFalse(groups.get(1).shown().counts());
        assertEquals(10, groups.get(1).shown().linesWritten());
    }

    @Test
    void jsonHasOneObjectPerRunWithTheRequiredFields() throws IOException
    {
        final Path file = dir.resolve("out/compare.json");
        ResultJson.write(file, results);
        final String json = Files.readString(file);

        assertEquals(results.size(), json.split("\"stack\"").length - 1);
        for (final String field : List.of("threads", "events", "linesWritten", "linesPerSec", "cpuNsPerEvent", "complete"))
        {
            assertEquals(results.size(), json.split("\"" + field + "\"").length - 1, field);
        }
        assertTrue(json.contains("\"stack\": \"log4j-async-logger\", \"threads\": 2, \"events\": 1000, \"linesWritten\": 400"));
        assertFalse(json.contains("\n\"error\": \"child exited with 1\"\n"));
    }

    @Test
    void chartIsAPng() throws IOException
    {
        final Path file = dir.resolve("compare.png");
        ThroughputChart.write(file, results, "test");
        final byte[] head = new byte[4];
        System.arraycopy(Files.readAllBytes(file), 0, head, 0, 4);
        assertEquals("\u0089PNG", new String(head, StandardCharsets.ISO_8859_1));
    }
}
