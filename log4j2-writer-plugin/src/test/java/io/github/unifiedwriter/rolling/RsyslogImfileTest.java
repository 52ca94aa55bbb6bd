package io.github.unifiedwriter.rolling;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.github.unifiedwriter.log4j2.TestConfigs;
import io.github.unifiedwriter.log4j2.UnifiedWriterAppender;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.core.LoggerContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A real log shipper reads the rolled files: rsyslog's {@code imfile}, in inotify mode, tails {@code app.log}
 * while the appender writes 200,000 lines through more than 10 size rollovers, and ships them to a file of its
 * own, which must hold every line exactly once and in order. Skipped, with a message, where {@code rsyslogd} is
 * not installed ({@code apt-get install rsyslog}).
 *
 * <p>rsyslog runs in the foreground with its own configuration, work folder and PID file, and is stopped by its
 * PID. The files are neither compressed nor deleted: freed inodes could be reused, and imfile keys its state by
 * inode. Each file lives for more than a second: imfile can skip a file created and renamed within about 50 ms.
 */
class RsyslogImfileTest
{
    private static final int LINES = 200_000;
    private static final int BLOCK = 2_000;

    @TempDir
    Path dir;

    @Test
    void rsyslogShipsEveryLineOnceAndInOrderAcrossSizeRollovers() throws Exception
    {
        final Path rsyslogd = rsyslogd();
        assumeTrue(rsyslogd != null, "rsyslogd is not installed: the rsyslog imfile test is skipped " +
            "(apt-get install rsyslog runs it)");
        final Path logs = Files.createDirectories(dir.resolve("logs"));
        final Path work = Files.createDirectories(dir.resolve("work"));
        final Path shipped = dir.resolve("shipped.log");
        final Path conf = dir.resolve("rsyslog.conf");
        Files.writeString(conf, String.join("\n",
            "global(workDirectory=\"" + work + "\" maxMessageSize=\"16k\")",
            "module(load=\"imfile\" mode=\"inotify\")",
            "template(name=\"lineOnly\" type=\"string\" string=\"%msg%\\n\")",
            "ruleset(name=\"ship\") {",
            "  action(type=\"omfile\" file=\"" + shipped + "\" template=\"lineOnly\")",
            "}",
            "input(type=\"imfile\" file=\"" + logs.resolve("app.log") + "\" tag=\"app\" ruleset=\"ship\")",
            ""), StandardCharsets.UTF_8);
        final Process rsyslog = new ProcessBuilder(rsyslogd.toString(), "-n", "-f", conf.toString(),
            "-i", dir.resolve("rsyslogd.pid").toString())
            .redirectErrorStream(true).redirectOutput(dir.resolve("rsyslogd.out").toFile()).start();
        try
        {
            final String element = "    <UnifiedWriter name=\"shipped\" fileName=\"" + logs.resolve("app.log") +
                "\" filePattern=\"" + logs.resolve("app-%i.log") + "\">\n" +
                "      <PatternLayout pattern=\"%m%n\"/>\n" +
                "      <SizeBasedTriggeringPolicy size=\"1MB\"/>\n" +
                "      <DefaultRolloverStrategy max=\"1000\"/>\n    </UnifiedWriter>";
            final LoggerContext context = TestConfigs.start(dir, TestConfigs.config(element, "shipped"));
            final UnifiedWriterAppender appender = TestConfigs.appender(context, "shipped");
            final Logger logger = context.getLogger("shipped");
            logger.info("warm-up");
            RolledFiles.await(Duration.ofSeconds(30), "rsyslog ships the warm-up line", () ->
                lines(shipped).contains("warm-up"));
            for (int block = 0; block < LINES / BLOCK; block++)
            {
                for (int i = block * BLOCK; i < (block + 1) * BLOCK; i++)
                {
                    logger.info("line {} {}", String.format("%07d", i), "x".repeat(40));
                }
                // Paces the writing so that each 1 MB file lives for more than a second (see the class comment).
                Thread.sleep(150);
            }
            assertTrue(appender.getManager().flush(Duration.ofSeconds(30)));
            final long rollovers = appender.getManager().rolling().rollovers();
            final long expected = "warm-up\n".length() + (long)LINES * ("line 0000000 ".length() + 41);
            RolledFiles.await(Duration.ofSeconds(120), "rsyslog ships every line", () -> size(shipped) >= expected);
            context.stop();
            assertTrue(rollovers >= 10, "rolled " + rollovers + " times");

            final List<String> got = lines(shipped);
            assertEquals("warm-up", got.get(0));
            assertEquals(LINES + 1, got.size(), "no line twice");
            for (int i = 0; i < LINES; i++)
            {
                assertEquals("line " + String.format("%07d", i) + " " + "x".repeat(40), got.get(i + 1));
            }
        }
        finally
        {
            rsyslog.destroy();
            if (!rsyslog.waitFor(10, TimeUnit.SECONDS))
            {
                rsyslog.destroyForcibly();
            }
        }
    }

    private static Path rsyslogd()
    {
        for (final String folder : List.of("/usr/sbin", "/sbin", "/usr/local/sbin"))
        {
            final Path candidate = Path.of(folder, "rsyslogd");
            if (Files.isExecutable(candidate))
            {
                return candidate;
            }
        }
        final String path = System.getenv("PATH");
        for (final String folder : path == null ? new String[0] : path.split(File.pathSeparator))
        {
            final Path candidate = Path.of(folder, "rsyslogd");
            if (Files.isExecutable(candidate))
            {
                return candidate;
            }
        }
        return null;
    }

    private static long size(final Path file)
    {
        try
        {
            return Files.exists(file) ? Files.size(file) : 0;
        }
        catch (final IOException ex)
        {
            return 0;
        }
    }

    private static List<String> lines(final Path file)
    {
        try
        {
            return Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : List.of();
        }
        catch (final IOException ex)
        {
            return List.of();
        }
    }
}
