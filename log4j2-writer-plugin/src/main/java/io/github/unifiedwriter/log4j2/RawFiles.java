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

    /**
     * A name for the active file moved aside, that sorts after every raw file still waiting with the same time: one
     * past the highest number among them. The archiver takes them oldest first, so those still here are the newest,
     * and a number it freed below them is never taken again, which would put a newer file before an older one.
     */
    static Path name(final Path active, final long naming) throws IOException
    {
        final String base = "." + active.getFileName() + "." + naming + "-";
        final Pattern form = Pattern.compile(Pattern.quote(base) + "(\\d+)" + Pattern.quote(SUFFIX));
        long next = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(active.toAbsolutePath().getParent(),
            (file) -> file.getFileName().toString().startsWith(base)))
        {
            for (final Path file : files)
            {
                final Matcher matcher = form.matcher(file.getFileName().toString());
                if (matcher.matches())
                {
                    next = Math.max(next, Long.parseLong(matcher.group(1)) + 1);
                }
            }
        }
        return active.resolveSibling(base + next + SUFFIX);
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
