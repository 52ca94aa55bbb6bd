package io.github.unifiedwriter.rolling;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.github.unifiedwriter.log4j2.StatusCapture;
import io.github.unifiedwriter.log4j2.TestConfigs;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.core.LoggerContext;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Size rolling: no rolled file is over the limit, header and footer included, every line is in exactly one file,
 * and each thread's lines keep their order across the rolled files and the active one, compressed or not, written
 * by the writer thread or, with {@code async="false"}, by the callers under the write lock.
 */
class SizeRollingTest
{
    private static final int LIMIT = 8 * 1024;
    private static final int THREADS = 2;
    private static final int PER_THREAD = 4000;

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0} {1} async={2}")
    @CsvSource({"block, '', true", "line, '', true", "mmap, '', true", "block, .gz, true", "mmap, .zip, true",
        "block, .gz, false", "mmap, '', false"})
    void noFileOverTheLimitAndEveryLineOnceInOrder(final String type, final String compression, final boolean async)
        throws Exception
    {
        final Path active = dir.resolve("app.log");
        final String element = "    <UnifiedWriter name=\"roll\" fileName=\"" + active + "\" filePattern=\"" +
            dir.resolve("app-%i.log" + compression) + "\" writerType=\"" + type + "\" async=\"" + async + "\">\n" +
            "      <PatternLayout pattern=\"%m%n\" header=\"HEADER%n\" footer=\"FOOTER%n\"/>\n" +
            "      <SizeBasedTriggeringPolicy size=\"" + LIMIT + "\"/>\n" +
            "      <DefaultRolloverStrategy max=\"100000\"/>\n" +
            "    </UnifiedWriter>";
        try (StatusCapture status = new StatusCapture())
        {
            final LoggerContext context = TestConfigs.start(dir, TestConfigs.config(element, "roll"));
            final Logger logger = context.getLogger("roll");
            final List<Thread> threads = new ArrayList<>();
            for (int t = 0; t < THREADS; t++)
            {
                final int thread = t;
                threads.add(new Thread(() ->
                {
                    for (int i = 0; i < PER_THREAD; i++)
                    {
                        logger.info("t{}-{} {}", thread, i, "x".repeat(i % 97));
                    }
                }));
            }
            threads.forEach(Thread::start);
            for (final Thread thread : threads)
            {
                thread.join();
            }
            context.stop();
            assertEquals(List.of(), status.errors());
        }

        final List<Path> rolled = RolledFiles.byIndex(dir, "app-");
        assertTrue(rolled.size() > 10, "rolled " + rolled.size() + " files");
        final List<Path> all = new ArrayList<>(rolled);
        all.add(active);
        final Map<Integer, Integer> next = new HashMap<>();
        for (final Path file : all)
        {
            assertTrue(file.getFileName().toString().endsWith(".log" + compression) || file.equals(active), file.toString());
            final byte[] bytes = RolledFiles.content(file);
            if (!file.equals(active))
            {
                assertTrue(bytes.length <= LIMIT, file + " holds " + bytes.length + " bytes");
            }
            for (final byte b : bytes)
            {
                assertTrue(b != 0, file + " holds a zero byte");
            }
            final List<String> lines = RolledFiles.lines(file);
            assertEquals("HEADER", lines.get(0), file.toString());
            assertEquals("FOOTER", lines.get(lines.size() - 1), file.toString());
            for (final String line : lines.subList(1, lines.size() - 1))
            {
                final String[] id = line.split(" ")[0].substring(1).split("-");
                final int thread = Integer.parseInt(id[0]);
                final int seq = Integer.parseInt(id[1]);
                assertEquals(next.getOrDefault(thread, 0), seq, "in " + file + ": " + line);
                next.put(thread, seq + 1);
            }
        }
        for (int t = 0; t < THREADS; t++)
        {
            assertEquals(PER_THREAD, next.get(t), "thread " + t);
        }
        try (var leftovers = Files.list(dir))
        {
            assertEquals(List.of(), leftovers.filter((f) -> f.getFileName().toString().endsWith(".raw")).toList());
        }
    }
}
