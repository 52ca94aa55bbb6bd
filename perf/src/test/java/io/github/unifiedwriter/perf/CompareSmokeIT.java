package io.github.unifiedwriter.perf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** A tiny comparison: the table, the JSON and the chart appear, and every line is there. No timing. */
class CompareSmokeIT
{
    @Test
    void comparesTwoStacksAndChecksTheirLines() throws Exception
    {
        Assumptions.assumeTrue(PerfJar.pluginPresent(), "the UnifiedWriter appender is not built yet");
        final Path dir = PerfJar.workDir("compare");
        final Path json = dir.resolve("compare.json");
        final Path chart = dir.resolve("compare.png");

        final PerfJar.Result result = PerfJar.run(Duration.ofSeconds(120), List.of(), "compare", "--events", "3000",
            "--threads", "2", "--stacks", "uw-block,log4j-raf", "--json", json.toString(), "--chart", chart.toString(),
            "--jvm-args", "-Xmx256m", "--dir", dir.toString(), "--quiet");

        assertEquals(0, result.exitCode(), result.output());
        assertTrue(result.output().contains("best complete Log4j2 stack"), result.output());
        final String content = Files.readString(json);
        assertEquals(2, content.split("\"complete\": true").length - 1, content);
        assertTrue(content.contains("\"stack\": \"uw-block\""), content);
        assertTrue(content.contains("\"linesWritten\": 3000"), content);
        assertTrue(Files.size(chart) > 0);
    }

    /** Disruptor 3 and Logback each run on their own class path beside the perf jar. */
    @Test
    void runsStacksThatBringTheirOwnJars() throws Exception
    {
        final Path dir = PerfJar.workDir("compare-libs");

        final PerfJar.Result result = PerfJar.run(Duration.ofSeconds(120), List.of(), "compare", "--events", "2000",
            "--threads", "1", "--stacks", "log4j-async-logger-d3,logback-async,logstash-disruptor",
            "--jvm-args", "-Xmx256m", "--dir", dir.toString(), "--quiet");

        assertEquals(0, result.exitCode(), result.output());
        final String out = result.output();
        assertTrue(out.contains("[disruptor-3.4.4.jar]"), out);
        assertEquals(6, out.split("complete, in order").length - 1, out);
    }
}
