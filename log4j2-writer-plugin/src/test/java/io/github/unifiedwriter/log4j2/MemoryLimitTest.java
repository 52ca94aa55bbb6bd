package io.github.unifiedwriter.log4j2;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * In a JVM of 64 MB of heap and 8 MB of direct memory, a ring or a block writer's buffer that does not fit is
 * refused before anything is allocated, with an ERROR that names the attribute as written and the memory it
 * needs; what fits is created. A child JVM keeps the limits fixed whatever machine runs the suite.
 */
class MemoryLimitTest
{
    @TempDir
    Path dir;

    @Test
    void ringsAndBuffersThatDoNotFitAreRefusedNamingTheMemoryTheyNeed() throws Exception
    {
        final String[] appenders = {"bigRing", "bigQueue", "ring", "bigBuffer", "lineBuffer", "buffer", "syncRing"};
        final String xml = TestConfigs.config(String.join("\n",
            TestConfigs.writer("bigRing", dir.resolve("a.log"), "ringSize=\"1048576\" jmx=\"false\""),
            TestConfigs.writer("bigQueue", dir.resolve("b.log"), "QUEUE=\"1048576\" jmx=\"false\""),
            TestConfigs.writer("ring", dir.resolve("c.log"), "ringSize=\"16384\" jmx=\"false\""),
            TestConfigs.writer("bigBuffer", dir.resolve("d.log"), "bufferSize=\"16MB\" jmx=\"false\""),
            TestConfigs.writer("lineBuffer", dir.resolve("e.log"),
                "bufferSize=\"16MB\" writerType=\"line\" jmx=\"false\""),
            TestConfigs.writer("buffer", dir.resolve("f.log"), "bufferSize=\"1MB\" jmx=\"false\""),
            TestConfigs.writer("syncRing", dir.resolve("g.log"), "ringSize=\"1048576\" async=\"false\" jmx=\"false\"")),
            appenders);
        final List<String> output = runChild(TestConfigs.write(dir, "limits.xml", xml), List.of(), appenders);

        assertTrue(output.contains("APPENDER bigRing refused"), output.toString());
        assertTrue(output.contains("APPENDER bigQueue refused"), output.toString());
        assertTrue(output.contains("APPENDER ring created"), output.toString());
        assertTrue(output.contains("APPENDER bigBuffer refused"), output.toString());
        assertTrue(output.contains("APPENDER lineBuffer created"), "the line writer allocates no buffer; " + output);
        assertTrue(output.contains("APPENDER buffer created"), output.toString());
        assertTrue(output.contains("APPENDER syncRing created"), "async=\"false\" allocates no ring; " + output);
        assertOneError(output, "bigRing", "ringSize=\"1048576\"", "272MB of heap", "Accepted: at most 65536 here");
        assertOneError(output, "bigQueue", "QUEUE=\"1048576\"", "272MB of heap", "Accepted: at most 65536 here");
        assertOneError(output, "bigBuffer", "bufferSize=\"16MB\"", "16MB of direct memory", "Accepted");
        Map.of("ring", "c.log", "lineBuffer", "e.log", "buffer", "f.log", "syncRing", "g.log").forEach(
            (created, file) -> assertEquals(List.of("written"), TestConfigs.lines(dir.resolve(file)), created));
    }

    /** The limit leaves room for a heap half full; a heap fuller still fails the allocation, named the same way. */
    @Test
    void aRingThatRunsOutOfHeapWhileAllocatedIsRefusedNamingIt() throws Exception
    {
        final String xml = TestConfigs.config(
            TestConfigs.writer("full", dir.resolve("full.log"), "ringSize=\"65536\" jmx=\"false\""), "full");
        final List<String> output = runChild(TestConfigs.write(dir, "full.xml", xml), List.of("-Dballast.mb=48"),
            "full");

        assertTrue(output.contains("APPENDER full refused"), output.toString());
        assertOneError(output, "full", "ringSize=\"65536\"", "17MB of heap", "not enough memory");
    }

    private static void assertOneError(final List<String> output, final String appender, final String attribute,
        final String memory, final String accepted)
    {
        final List<String> errors = output.stream().filter((line) -> line.startsWith("STATUS ERROR") &&
            line.contains("\"" + appender + "\"") && line.contains(attribute) && line.contains(memory) &&
            line.contains(accepted) && line.contains("not created")).toList();
        assertEquals(1, errors.size(), "one ERROR for " + appender + " naming " + attribute + " and " + memory +
            "; the child said " + output);
    }

    private static List<String> runChild(final Path config, final List<String> options, final String... appenders)
        throws IOException, InterruptedException
    {
        final List<String> command = new ArrayList<>(List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Xmx64m", "-XX:MaxDirectMemorySize=8m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"));
        command.addAll(options);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), ConfigurationChild.class.getName(),
            config.toString()));
        command.addAll(List.of(appenders));
        final Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
        final List<String> output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8)
            .lines().toList();
        assertTrue(child.waitFor(60, TimeUnit.SECONDS), "the child ends");
        assertEquals(0, child.exitValue(), output.toString());
        return output;
    }
}
