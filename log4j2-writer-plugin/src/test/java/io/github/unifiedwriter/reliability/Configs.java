package io.github.unifiedwriter.reliability;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.unifiedwriter.log4j2.TestConfigs;

/**
 * The reliability suite's configurations: {@link TestConfigs} with UnifiedWriter elements whose MXBean is
 * off unless a test asks for it, so a flood of contexts does not flood the platform MBean server.
 */
final class Configs
{
    static final String PATTERN = TestConfigs.PATTERN;
    private static final AtomicInteger CONTEXTS = new AtomicInteger();

    private Configs()
    {
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
        return TestConfigs.write(dir, "reliability-" + CONTEXTS.incrementAndGet() + ".xml", xml);
    }
}
