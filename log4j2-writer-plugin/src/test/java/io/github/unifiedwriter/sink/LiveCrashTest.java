package io.github.unifiedwriter.sink;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import io.github.unifiedwriter.core.BatchDestination;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** A child JVM writing through a sink is killed with SIGKILL mid-stream; the file is then appended to. */
class LiveCrashTest
{
    private static final int RUNS = 2;
    private static final int APPENDED = 100;

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(SinkType.class)
    void killedWriterLeavesAGapFreeRunOfWholeLinesAndAppendingContinuesRightAfterIt(final SinkType type)
        throws Exception
    {
        final long seed = System.nanoTime();
        final Random random = new Random(seed);
        for (int run = 0; run < RUNS; run++)
        {
            final Path file = dir.resolve(type + "-" + run + ".log");
            final String context = type + " run " + run + " seed " + seed;
            killMidStream(type, file, 5 + random.nextInt(60), context);
            try (BatchDestination sink = Sinks.open(type, file, FileSinkOptions.builder().regionSize(CrashChild.REGION)))
            {
                final List<String> appended = new ArrayList<>();
                for (int i = 0; i < APPENDED; i++)
                {
                    appended.add("p" + i + "\n");
                }
                sink.write(TestBatch.of(appended));
            }
            check(Files.readAllBytes(file), context);
        }
    }

    private static void killMidStream(final SinkType type, final Path file, final int delayMillis, final String context)
        throws IOException, InterruptedException
    {
        final Process child = new ProcessBuilder(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Xmx64m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
            "-cp", System.getProperty("java.class.path"),
            CrashChild.class.getName(), type.name(), file.toString())
            .redirectErrorStream(true)
            .start();
        try
        {
            final BufferedReader out =
                new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
            for (String line = out.readLine(); !"ready".equals(line); line = out.readLine())
            {
                if (line == null)
                {
                    fail("child ended before writing: " + context);
                }
            }
            Thread.sleep(delayMillis);
        }
        finally
        {
            child.destroyForcibly();
        }
        assertTrue(child.waitFor(30, TimeUnit.SECONDS), "child still alive: " + context);
        assertEquals(137, child.exitValue(), "killed by SIGKILL: " + context);
    }

    /** No zero bytes; whole lines only; child lines 0..k in order; then exactly the appended lines. */
    private static void check(final byte[] content, final String context)
    {
        for (int i = 0; i < content.length; i++)
        {
            if (content[i] == 0)
            {
                fail("zero byte at offset " + i + " of " + content.length + ": " + context);
            }
        }
        final String text = new String(content, StandardCharsets.UTF_8);
        assertTrue(text.endsWith("\n"), context);
        final String[] lines = text.substring(0, text.length() - 1).split("\n", -1);
        int k = 0;
        while (k < lines.length && lines[k].startsWith("c"))
        {
            assertEquals(CrashChild.line(k), lines[k] + "\n", "line " + k + ": " + context);
            k++;
        }
        assertTrue(k >= CrashChild.BATCH, "the child's first batch survived: " + k + " lines, " + context);
        assertEquals(k + APPENDED, lines.length, "only appended lines follow the child's: " + context);
        for (int i = 0; i < APPENDED; i++)
        {
            assertEquals("p" + i, lines[k + i], context);
        }
    }
}
