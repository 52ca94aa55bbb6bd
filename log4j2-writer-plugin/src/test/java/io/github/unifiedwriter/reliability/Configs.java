package io.github.unifiedwriter.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.unifiedwriter.log4j2.UnifiedWriterAppender;
import org.apache.logging.log4j.core.LoggerContext;

/**
 * Configurations written as users write them, in XML, and private logger contexts started from them: the
 * suite goes through Log4j2's own plugin loading, never around it.
 */
final class Configs
{
    static final String PATTERN = "%m%n";
    private static final AtomicInteger CONTEXTS = new AtomicInteger();

    private Configs()
    {
    }

    /** A configuration whose root logger, at TRACE, refers to every named appender. */
    static String config(final String appenders, final String... refs)
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

    /** The same configuration with attributes on its {@code <Configuration>} element. */
    static String withAttributes(final String xml, final String attributes)
    {
        return xml.replace("<Configuration>", "<Configuration " + attributes + ">");
    }

    /** A {@code <UnifiedWriter>} element with a {@code %m%n} pattern; jmx is off unless the attributes say. */
    static String writer(final String name, final Path file, final String attributes)
    {
        return writer(name, file.toString(), attributes, PATTERN);
    }

    static String writer(final String name, final String fileName, final String attributes, final String pattern)
    {
        final String jmx = attributes.contains("jmx=") ? "" : " jmx=\"false\"";
        return "    <UnifiedWriter name=\"" + name + "\" fileName=\"" + fileName + "\" " + attributes + jmx + ">\n" +
            "      <PatternLayout pattern=\"" + pattern + "\"/>\n    </UnifiedWriter>";
    }

    static Path write(final Path dir, final String xml)
    {
        try
        {
            final Path file = dir.resolve("log4j2-" + CONTEXTS.incrementAndGet() + ".xml");
            Files.writeString(file, xml, StandardCharsets.UTF_8);
            return file;
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    static LoggerContext start(final Path dir, final String xml)
    {
        return start(write(dir, xml).toUri());
    }

    static LoggerContext start(final URI location)
    {
        final LoggerContext context = new LoggerContext("reliability-" + CONTEXTS.incrementAndGet(), null, location);
        context.start();
        return context;
    }

    static UnifiedWriterAppender appender(final LoggerContext context, final String name)
    {
        return context.getConfiguration().getAppender(name);
    }
}
