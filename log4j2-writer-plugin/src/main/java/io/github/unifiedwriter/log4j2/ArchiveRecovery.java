package io.github.unifiedwriter.log4j2;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipInputStream;

import org.apache.logging.log4j.core.appender.rolling.DefaultRolloverStrategy;
import org.apache.logging.log4j.core.appender.rolling.FileExtension;
import org.apache.logging.log4j.core.appender.rolling.PatternProcessor;
import org.apache.logging.log4j.status.StatusLogger;

/**
 * Finishes at start what a crash interrupted between renaming a rolled file and compressing it. For each file
 * named by the pattern but not yet compressed: beside a complete archive it is deleted; beside a partial one the
 * archive is deleted and the file compressed again; alone it is compressed. A record therefore never ends up in
 * two files. Only {@code .gz} and {@code .zip} archives are checked for completeness; other extensions are
 * compressed again only when no archive exists.
 *
 * <p>The thread that opens the file at the appender's first start; compression runs on the {@link Archiver}.
 */
final class ArchiveRecovery
{
    private static final Pattern TOKEN = Pattern.compile("%d\\{[^}]*}|%\\d*i|%[a-zA-Z]+");

    private ArchiveRecovery()
    {
    }

    static void run(final RollingSettings rolling, final Path active, final Archiver archiver)
    {
        final FileExtension extension = new PatternProcessor(rolling.filePattern()).getFileExtension();
        final Path pattern = Path.of(rolling.filePattern()).toAbsolutePath();
        final Path folder = pattern.getParent();
        if (extension == null || folder == null || folder.toString().contains("%") || !Files.isDirectory(folder))
        {
            return;
        }
        final String name = pattern.getFileName().toString();
        final Pattern unpacked = nameRegex(name.substring(0, name.length() - extension.getExtension().length()));
        final int level = rolling.strategy() instanceof DefaultRolloverStrategy ?
            ((DefaultRolloverStrategy)rolling.strategy()).getCompressionLevel() : -1;
        for (final Path file : candidates(folder, unpacked, active))
        {
            final Path archive = file.resolveSibling(file.getFileName() + extension.getExtension());
            try
            {
                if (Files.exists(archive) && complete(archive, extension))
                {
                    StatusLogger.getLogger().info("UnifiedWriter: {} is already archived as {}; deleting it", file,
                        archive);
                    Files.delete(file);
                    continue;
                }
                if (Files.deleteIfExists(archive))
                {
                    StatusLogger.getLogger().info("UnifiedWriter: {} is a partial archive; compressing {} again",
                        archive, file);
                }
                archiver.run(extension.createCompressAction(file.toString(), archive.toString(), true, level),
                    file.toString());
            }
            catch (final IOException ex)
            {
                StatusLogger.getLogger().warn("UnifiedWriter: cannot recover the archive of {}: {}", file,
                    ex.toString());
            }
        }
    }

    /** The pattern's file name with each converter as a wildcard. */
    private static Pattern nameRegex(final String name)
    {
        final StringBuilder regex = new StringBuilder();
        final Matcher token = TOKEN.matcher(name);
        int at = 0;
        while (token.find())
        {
            regex.append(Pattern.quote(name.substring(at, token.start()))).append(".+?");
            at = token.end();
        }
        return Pattern.compile(regex.append(Pattern.quote(name.substring(at))).toString());
    }

    private static List<Path> candidates(final Path folder, final Pattern unpacked, final Path active)
    {
        final List<Path> found = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder))
        {
            for (final Path file : files)
            {
                if (unpacked.matcher(file.getFileName().toString()).matches() && !file.equals(active) &&
                    Files.isRegularFile(file))
                {
                    found.add(file);
                }
            }
        }
        catch (final IOException ex)
        {
            StatusLogger.getLogger().warn("UnifiedWriter: cannot look for unfinished archives in {}: {}", folder,
                ex.toString());
        }
        found.sort(null);
        return found;
    }

    /** Whether the archive reads to its end without error. */
    private static boolean complete(final Path archive, final FileExtension extension)
    {
        final String ext = extension.getExtension();
        if (!".gz".equals(ext) && !".zip".equals(ext))
        {
            return true;
        }
        try (InputStream raw = Files.newInputStream(archive);
             InputStream in = ".gz".equals(ext) ? new GZIPInputStream(raw) : new ZipInputStream(raw))
        {
            if (in instanceof ZipInputStream && ((ZipInputStream)in).getNextEntry() == null)
            {
                return false;
            }
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return true;
        }
        catch (final IOException ex)
        {
            return false;
        }
    }
}
