package io.github.unifiedwriter.rolling;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipInputStream;

import static org.junit.jupiter.api.Assertions.fail;

/** Reads a folder of rolled files as a user would: by index, compressed or not. */
final class RolledFiles
{
    private static final Pattern INDEX = Pattern.compile("-(\\d+)\\.log");

    private RolledFiles()
    {
    }

    /** The rolled files matching {@code prefix}, by their {@code %i}, oldest (lowest) first. */
    static List<Path> byIndex(final Path dir, final String prefix)
    {
        try (Stream<Path> files = Files.list(dir))
        {
            final List<Path> rolled = new ArrayList<>(files.filter((f) -> f.getFileName().toString().startsWith(prefix))
                .toList());
            rolled.sort(Comparator.comparingInt(RolledFiles::index));
            return rolled;
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    static int index(final Path file)
    {
        final Matcher matcher = INDEX.matcher(file.getFileName().toString());
        if (!matcher.find())
        {
            throw new AssertionError("no index in " + file);
        }
        return Integer.parseInt(matcher.group(1));
    }

    /** The file's bytes, decompressed when its name ends in {@code .gz} or {@code .zip}. */
    static byte[] content(final Path file)
    {
        try (InputStream in = Files.newInputStream(file))
        {
            final String name = file.getFileName().toString();
            if (name.endsWith(".gz"))
            {
                return new GZIPInputStream(in).readAllBytes();
            }
            if (name.endsWith(".zip"))
            {
                final ZipInputStream zip = new ZipInputStream(in);
                zip.getNextEntry();
                final ByteArrayOutputStream out = new ByteArrayOutputStream();
                zip.transferTo(out);
                return out.toByteArray();
            }
            return in.readAllBytes();
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    static List<String> lines(final Path file)
    {
        final String text = new String(content(file), StandardCharsets.UTF_8);
        return text.isEmpty() ? List.of() : Arrays.asList(text.split("\n", -1)).subList(0, text.split("\n", -1).length - 1);
    }

    /** Waits, at most {@code bound}, until {@code condition} holds; fails otherwise. Polls every 20 ms. */
    static void await(final Duration bound, final String what, final BooleanSupplier condition)
    {
        final long deadline = System.nanoTime() + bound.toNanos();
        while (!condition.getAsBoolean())
        {
            if (System.nanoTime() > deadline)
            {
                fail("not within " + bound + ": " + what);
            }
            try
            {
                Thread.sleep(20);
            }
            catch (final InterruptedException ex)
            {
                Thread.currentThread().interrupt();
                fail("interrupted");
            }
        }
    }
}
