package io.github.unifiedwriter.perf.compare;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The files one run wrote: the rolled ones ({@code <file>.<n>}, oldest first, as {@code DefaultRolloverStrategy}
 * numbers them with {@code fileIndex="max"}) and then the active one. A stack that does not roll has only the
 * active file. Used by the compare thread only.
 */
final class RunFiles
{
    private RunFiles()
    {
    }

    /** {@return the run's files in the order their lines were written} */
    static List<Path> inOrder(final Path file) throws IOException
    {
        final Pattern rolled = Pattern.compile(Pattern.quote(file.getFileName().toString()) + "\\.(\\d+)");
        final List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> siblings = Files.newDirectoryStream(file.toAbsolutePath().getParent()))
        {
            for (final Path sibling : siblings)
            {
                if (rolled.matcher(sibling.getFileName().toString()).matches())
                {
                    files.add(sibling);
                }
            }
        }
        files.sort(Comparator.comparingLong((f) -> index(rolled, f)));
        files.add(file);
        return files;
    }

    /** Deletes the run's files, rolled and active. */
    static void delete(final Path file) throws IOException
    {
        for (final Path each : inOrder(file))
        {
            Files.deleteIfExists(each);
        }
    }

    private static long index(final Pattern rolled, final Path file)
    {
        final Matcher matcher = rolled.matcher(file.getFileName().toString());
        return matcher.matches() ? Long.parseLong(matcher.group(1)) : Long.MAX_VALUE;
    }
}
