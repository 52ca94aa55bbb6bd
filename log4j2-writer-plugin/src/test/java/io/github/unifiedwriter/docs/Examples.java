package io.github.unifiedwriter.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.github.unifiedwriter.log4j2.UnifiedWriterAppender;
import org.apache.logging.log4j.core.Appender;
import org.apache.logging.log4j.core.LoggerContext;

/**
 * The documentation's folder and its example configurations, loaded the way a user would load them. The only
 * change made to a file before it is loaded is where its logs go: {@code fileName="logs/...} is moved under
 * the test's own folder.
 */
final class Examples
{
    private static final AtomicInteger CONTEXTS = new AtomicInteger();

    private Examples()
    {
    }

    /** The repository's {@code docs} folder. */
    static Path docs()
    {
        final Path docs = Path.of(System.getProperty("uw.docs", "../docs")).toAbsolutePath().normalize();
        if (!Files.isDirectory(docs))
        {
            throw new IllegalStateException("no docs folder at " + docs);
        }
        return docs;
    }

    /** The folder of example configurations. */
    static Path folder()
    {
        return docs().resolve("examples");
    }

    /** Every example configuration, as a path relative to the examples folder, with forward slashes. */
    static List<String> all()
    {
        try (Stream<Path> files = Files.walk(folder()))
        {
            return files.filter((p) -> p.toString().endsWith(".xml")).map((p) -> relative(p))
                .sorted().collect(Collectors.toList());
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    /** The example's text, exactly as the documentation shows it. */
    static String text(final String example)
    {
        return read(folder().resolve(example));
    }

    /**
     * Writes the example into {@code dir} with its {@code logs/} folder moved into {@code dir}, and returns the copy.
     */
    static Path prepare(final String example, final Path dir)
    {
        final String logs = dir.resolve("logs").toString();
        final String xml = text(example).replace("fileName=\"logs/", "fileName=\"" + logs + "/")
            .replace("filePattern=\"logs/", "filePattern=\"" + logs + "/")
            .replace("basePath=\"logs\"", "basePath=\"" + logs + "\"");
        final Path config = dir.resolve("config-" + CONTEXTS.incrementAndGet() + ".xml");
        write(config, xml);
        return config;
    }

    /** Starts a private logger context from the {@link #prepare prepared} example. */
    static LoggerContext start(final String example, final Path dir)
    {
        final Path config = prepare(example, dir);
        final LoggerContext context = new LoggerContext("docs-" + CONTEXTS.incrementAndGet(), null, config.toUri());
        context.start();
        return context;
    }

    /** The UnifiedWriter appender of that name in the context's configuration, or null. */
    static UnifiedWriterAppender appender(final LoggerContext context, final String name)
    {
        final Appender appender = context.getConfiguration().getAppender(name);
        return appender instanceof UnifiedWriterAppender ? (UnifiedWriterAppender)appender : null;
    }

    /** The file's lines, or none if it does not exist. */
    static List<String> lines(final Path file)
    {
        try
        {
            return Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : new ArrayList<>();
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    static String read(final Path file)
    {
        try
        {
            return Files.readString(file, StandardCharsets.UTF_8);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    private static void write(final Path file, final String text)
    {
        try
        {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    private static String relative(final Path file)
    {
        return folder().relativize(file).toString().replace('\\', '/');
    }
}
