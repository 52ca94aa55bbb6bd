package io.github.unifiedwriter.log4j2;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.logging.log4j.core.LoggerContext;

/**
 * Configurations written as users write them, in XML, and private logger contexts started from them, so
 * tests go through Log4j2's own plugin loading, never around it. Shared by the test packages.
 */
public final class TestConfigs
{
    public static final String PATTERN = "%m%n";
    private static final AtomicInteger CONTEXTS = new AtomicInteger();

    private TestConfigs()
    {
    }

    /** A configuration whose root logger, at TRACE, refers to every named appender. */
    public static String config(final String appenders, final String... refs)
    {
        final StringBuilder xml = new StringBuilder()
            .append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
            .append("<Configuration>\n  <Appenders>\n").append(appenders).append("\n  </Appenders>\n")
            .append("  <Loggers>\n    <Root level=\"trace\">\n");
        for (final String ref : refs)
        {
            xml.append("      <AppenderRef ref=\"").append(ref).append("\"/>\n");
        }
        return xml.append("    </Root>\n  </Loggers>\n</Configuration>\n").toString();
    }

    /** A {@code <UnifiedWriter>} element with a {@code %m%n} pattern and the given attributes. */
    public static String writer(final String name, final Path file, final String attributes)
    {
        return "    <UnifiedWriter name=\"" + name + "\" fileName=\"" + file + "\" " + attributes + ">\n" +
            "      <PatternLayout pattern=\"" + PATTERN + "\"/>\n    </UnifiedWriter>";
    }

    /** Log4j2's own file appender, to show that other appenders keep working. */
    public static String plainFile(final String name, final Path file)
    {
        return "    <File name=\"" + name + "\" fileName=\"" + file + "\">\n" +
            "      <PatternLayout pattern=\"" + PATTERN + "\"/>\n    </File>";
    }

    public static Path write(final Path dir, final String fileName, final String xml)
    {
        try
        {
            final Path file = dir.resolve(fileName);
            Files.writeString(file, xml, StandardCharsets.UTF_8);
            return file;
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    public static LoggerContext start(final Path dir, final String xml)
    {
        return start(write(dir, "log4j2-" + CONTEXTS.incrementAndGet() + ".xml", xml).toUri());
    }

    public static LoggerContext start(final URI location)
    {
        final LoggerContext context = new LoggerContext("test-" + CONTEXTS.incrementAndGet(), null, location);
        context.start();
        return context;
    }

    public static List<String> lines(final Path file)
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

    public static UnifiedWriterAppender appender(final LoggerContext context, final String name)
    {
        return context.getConfiguration().getAppender(name);
    }
}
