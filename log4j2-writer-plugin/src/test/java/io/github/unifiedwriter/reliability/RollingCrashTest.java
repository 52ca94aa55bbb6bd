package io.github.unifiedwriter.reliability;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.github.unifiedwriter.log4j2.TestConfigs;
import io.github.unifiedwriter.testing.NumberedLines;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.core.LoggerContext;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A SIGKILL in the middle of size rollovers leaves only whole lines across all the files, rolled, moved aside and
 * active; each thread's lines appear at most once and in order, as a gap-free prefix. A restart in append mode
 * archives what was moved aside and carries on in the active file, after the last whole line.
 */
class RollingCrashTest
{
    private static final int RESTART_THREAD = 9;
    private static final int APPENDED = 100;
    private static final Pattern INDEXED = Pattern.compile("app-(\\d+)\\.log");
    private static final Pattern RAW = Pattern.compile("\\.app\\.log\\.(\\d+)-(\\d+)\\.raw");

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0} writer")
    @ValueSource(strings = {"block", "mmap"})
    void aKillDuringRolloversLeavesWholeLinesOnceInOrderAndARestartCarriesOn(final String type) throws Exception
    {
        final long seed = Long.getLong("uw.crash.seed", System.nanoTime());
        final String context = type + " seed " + seed + " (repeat with -Duw.crash.seed=" + seed + ")";
        final Path active = dir.resolve("app.log");
        final Path config = Configs.write(dir, TestConfigs.config(element("child", active, type), "child"));
        final long delay = new Random(seed).nextInt(300);
        try (LoggingChildJvm child = LoggingChildJvm.start(config, "until-killed"))
        {
            child.awaitLine("ready");
            Thread.sleep(delay);
            child.kill();
        }
        final List<Path> afterKill = files();
        assertTrue(afterKill.size() > 2, "rolled before the kill: " + afterKill + "; " + context);
        final long[] survived = check(afterKill, active, false, context);

        final LoggerContext restarted = TestConfigs.start(dir, TestConfigs.config(element("restart", active, type),
            "restart"));
        final Logger logger = restarted.getLogger("restart");
        for (int i = 0; i < APPENDED; i++)
        {
            logger.info(NumberedLines.message(RESTART_THREAD, i));
        }
        restarted.stop();

        final List<Path> afterRestart = files();
        assertTrue(afterRestart.stream().noneMatch((f) -> RAW.matcher(f.getFileName().toString()).matches()),
            "every file moved aside is archived at the restart: " + afterRestart);
        final long[] kept = check(afterRestart, active, true, context);
        for (int t = 0; t < LoggingChild.THREADS; t++)
        {
            assertEquals(survived[t], kept[t], "t" + t + ": the whole lines the kill left, no more, no less; " + context);
        }
        assertEquals(APPENDED, kept[RESTART_THREAD], context);
        System.out.println("rolling crash " + type + ": killed " + delay + " ms after ready, " + afterKill.size() +
            " files, lines per thread " + java.util.Arrays.toString(java.util.Arrays.copyOf(kept, 4)));
    }

    private static String element(final String name, final Path active, final String type)
    {
        return "    <UnifiedWriter name=\"" + name + "\" fileName=\"" + active + "\" filePattern=\"" +
            active.resolveSibling("app-%i.log") + "\" writerType=\"" + type + "\" jmx=\"false\">\n" +
            "      <PatternLayout pattern=\"%m%n\"/>\n      <SizeBasedTriggeringPolicy size=\"8KB\"/>\n" +
            "      <DefaultRolloverStrategy max=\"1000000\"/>\n    </UnifiedWriter>";
    }

    /**
     * Reads the files in the order they were written: archived by index, then moved aside by time, then the active
     * one. Every file but the active one must hold whole lines only; the active one may end in a torn line or zeros
     * after a kill, never after a clean stop.
     *
     * @return per thread, the lines seen, each checked to come once and in order
     */
    private static long[] check(final List<Path> files, final Path active, final boolean clean, final String context)
        throws IOException
    {
        final long[] next = new long[RESTART_THREAD + 1];
        for (final Path file : files)
        {
            if (file.equals(active) && !clean && Files.notExists(file))
            {
                continue; // killed between moving the old file aside and opening the new one
            }
            final byte[] content = Files.readAllBytes(file);
            final int end = file.equals(active) && !clean ? wholeLinesEnd(content) : content.length;
            final byte[] whole = java.util.Arrays.copyOf(content, end);
            NumberedLines.visit(whole, 0, (thread, seq, tag) ->
            {
                assertTrue(NumberedLines.wholeTag(seq, tag), "a whole line in " + file + "; " + context);
                assertEquals(next[thread]++, seq, "t" + thread + " once and in order, in " + file + "; " + context);
            }, file + "; " + context);
        }
        return next;
    }

    /** The offset just past the last newline before the first NUL byte: where a restart trims the file to. */
    private static int wholeLinesEnd(final byte[] content)
    {
        int end = 0;
        for (int i = 0; i < content.length && content[i] != 0; i++)
        {
            if (content[i] == '\n')
            {
                end = i + 1;
            }
        }
        return end;
    }

    private List<Path> files() throws IOException
    {
        final List<Path> indexed = new ArrayList<>();
        final List<Path> raw = new ArrayList<>();
        try (Stream<Path> all = Files.list(dir))
        {
            all.forEach((f) ->
            {
                final String name = f.getFileName().toString();
                if (INDEXED.matcher(name).matches())
                {
                    indexed.add(f);
                }
                else if (RAW.matcher(name).matches())
                {
                    raw.add(f);
                }
            });
        }
        indexed.sort(Comparator.comparingLong((f) -> group(INDEXED, f, 1)));
        raw.sort(Comparator.comparingLong((Path f) -> group(RAW, f, 1)).thenComparingLong((f) -> group(RAW, f, 2)));
        final List<Path> ordered = new ArrayList<>(indexed);
        ordered.addAll(raw);
        ordered.add(dir.resolve("app.log"));
        return ordered;
    }

    private static long group(final Pattern pattern, final Path file, final int group)
    {
        final Matcher matcher = pattern.matcher(file.getFileName().toString());
        assertTrue(matcher.matches());
        return Long.parseLong(matcher.group(group));
    }
}
