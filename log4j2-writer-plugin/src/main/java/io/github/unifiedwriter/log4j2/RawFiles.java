package io.github.unifiedwriter.log4j2;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.logging.log4j.status.StatusLogger;

/**
 * The names of files the writer has moved aside and the background thread has not archived yet:
 * {@code .<active name>.<period time>-<n>.raw}, beside the active file. The leading dot keeps them out of a
 * tailer's glob for the active file and out of the strategy's own patterns; the period time names them later.
 *
 * <p>Writer thread, and the thread that opens the file at start.
 */
final class RawFiles
{
    private static final String SUFFIX = ".raw";

    private RawFiles()
    {
    }

    /** A name for the active file moved aside, that no other file has. */
    static Path name(final Path active, final long naming)
    {
        final String base = "." + active.getFileName() + "." + naming + "-";
        for (int i = 0; ; i++)
        {
            final Path candidate = active.resolveSibling(base + i + SUFFIX);
            if (Files.notExists(candidate))
            {
                return candidate;
            }
        }
    }

    /** Queues again, oldest first, the raw files an earlier run left beside {@code active} when it stopped or died. */
    static void requeue(final Path active, final Archiver archiver, final RollingSettings rolling,
        final String permissions)
    {
        final Pattern form = Pattern.compile(Pattern.quote("." + active.getFileName() + ".") + "(\\d+)-(\\d+)" +
            Pattern.quote(SUFFIX));
        final List<Path> found = new ArrayList<>();
        final Path folder = active.getParent();
        if (folder == null || !Files.isDirectory(folder))
        {
            return;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder))
        {
            for (final Path file : files)
            {
                if (form.matcher(file.getFileName().toString()).matches())
                {
                    found.add(file);
                }
            }
        }
        catch (final IOException ex)
        {
            StatusLogger.getLogger().warn("UnifiedWriter: cannot look for rolled files left in {}: {}", folder,
                ex.toString());
            return;
        }
        found.sort(Comparator.comparingLong((Path f) -> part(form, f, 1)).thenComparingLong((f) -> part(form, f, 2)));
        for (final Path file : found)
        {
            StatusLogger.getLogger().info("UnifiedWriter: archiving {}, left by an earlier run", file);
            archiver.archive(file, part(form, file, 1), rolling, permissions);
        }
    }

    private static long part(final Pattern form, final Path file, final int group)
    {
        final Matcher matcher = form.matcher(file.getFileName().toString());
        return matcher.matches() ? Long.parseLong(matcher.group(group)) : 0;
    }
}
