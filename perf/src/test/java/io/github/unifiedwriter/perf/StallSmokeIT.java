package io.github.unifiedwriter.perf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The {@code stall} command: bad arguments are refused before anything is mounted; a machine that cannot
 * run it is told so in one line with exit code 2; and, where it can run (root, loop devices, fsfreeze), a
 * short run freezes its own mount, keeps every line, and leaves nothing mounted or frozen. No timing.
 */
class StallSmokeIT
{
    @Test
    void refusesBadArgumentsWithAUsageError() throws Exception
    {
        assertRefused("--freeze-ms", "--freeze-ms", "0");
        assertRefused("--every-ms", "--freeze-ms", "500", "--every-ms", "500");
        assertRefused("--seconds", "--freeze-ms", "3000", "--every-ms", "5000", "--seconds", "2");
        assertRefused("--threads", "--threads", "0");
        assertRefused("unknown stack", "--stacks", "uw-block,no-such-stack");
        assertRefused("unknown option", "--freeze", "500");
    }

    @Test
    void saysInOneLineWhyItCannotRunAndExitsTwo() throws Exception
    {
        final Path noTools = PerfJar.workDir("stall-no-tools");
        final PerfJar.Result result = PerfJar.run(Duration.ofSeconds(60),
            List.of("-Duw.perf.stall.path=" + noTools), "stall", "--stacks", "uw-block", "--seconds", "1");

        assertEquals(2, result.exitCode(), result.output());
        assertEquals(1, result.output().lines().count(), result.output());
        assertTrue(result.output().startsWith("stall: cannot run here: "), result.output());
    }

    @Test
    void freezesItsOwnMountRunsTheControlKeepsEveryLineAndLeavesNothingBehind() throws Exception
    {
        Assumptions.assumeTrue(PerfJar.pluginPresent(), "the UnifiedWriter appender is not built yet");
        final PerfJar.Result probe = PerfJar.run(Duration.ofSeconds(60), List.of(), "stall", "--cleanup");
        Assumptions.assumeFalse(probe.output().contains("cannot run here"), probe.output());
        final Path json = PerfJar.workDir("stall").resolve("stall.json");
        try
        {
            final PerfJar.Result result = PerfJar.run(Duration.ofSeconds(150), List.of(), "stall", "--stacks",
                "uw-block", "--threads", "2", "--rate", "2000", "--seconds", "2", "--warmup", "0.5", "--freeze-ms",
                "200", "--every-ms", "700", "--json", json.toString(), "--jvm-args", "-Xmx256m", "--control", "--quiet");

            assertEquals(0, result.exitCode(), result.output());
            final String content = Files.readString(json);
            final List<String> runs = content.lines().filter(line -> line.contains("\"stack\"")).toList();
            assertEquals(2, runs.size(), content);
            assertTrue(runs.get(0).contains("\"control\": false") && runs.get(1).contains("\"control\": true"), content);
            for (final String run : runs)
            {
                assertTrue(run.contains("\"complete\": true"), run);
                assertTrue(run.contains("\"callerP9999Micros\""), run);
                final Matcher freezes = Pattern.compile("\"freezes\": (\\d+)").matcher(run);
                assertTrue(freezes.find() && Integer.parseInt(freezes.group(1)) > 0, run);
            }
            assertFalse(Files.readString(Path.of("/proc/self/mountinfo")).contains("/uw-stall-"),
                "a stall mount is still there");
        }
        finally
        {
            final PerfJar.Result cleanup = PerfJar.run(Duration.ofSeconds(120), List.of(), "stall", "--cleanup");
            assertTrue(cleanup.output().contains("nothing left behind"), cleanup.output());
        }
    }

    private static void assertRefused(final String expected, final String... options) throws Exception
    {
        final String[] args = new String[options.length + 1];
        args[0] = "stall";
        System.arraycopy(options, 0, args, 1, options.length);
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        final int exit = Main.run(args, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        final String output = bytes.toString(StandardCharsets.UTF_8);
        assertEquals(1, exit, output);
        assertTrue(output.startsWith("stall: ") && output.contains(expected), output);
        assertFalse(output.contains("cannot run here"), output);
    }
}
