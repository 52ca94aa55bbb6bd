package io.github.unifiedwriter.log4j2;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Collectors;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The published jar carries its Disruptor relocated and its plugin descriptor, and its pom does not depend on
 * the Disruptor: adding our jar never changes which Disruptor the application's own AsyncLoggers get.
 */
class PackagingIT
{
    private static final String PLUGINS = "META-INF/org/apache/logging/log4j/core/config/plugins/Log4j2Plugins.dat";

    @Test
    void theJarRelocatesTheDisruptorAndCarriesThePluginDescriptor() throws Exception
    {
        final Path jar = Path.of(System.getProperty("uw.jar"));
        assertTrue(Files.isRegularFile(jar), jar.toString());
        try (JarFile file = new JarFile(jar.toFile()))
        {
            final List<String> names = file.stream().map(JarEntry::getName).collect(Collectors.toList());
            assertEquals(List.of(), names.stream().filter((n) -> n.startsWith("com/lmax/")).toList());
            assertTrue(names.contains("io/github/unifiedwriter/shaded/com/lmax/disruptor/RingBuffer.class"),
                "the relocated Disruptor is inside");
            assertFalse(names.contains("module-info.class"));
            final JarEntry plugins = file.getJarEntry(PLUGINS);
            assertNotNull(plugins, PLUGINS);
            final String descriptor = new String(file.getInputStream(plugins).readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(descriptor.contains(UnifiedWriterAppender.class.getName()), descriptor);
        }
    }

    @Test
    void thePublishedPomDoesNotDependOnTheDisruptor() throws Exception
    {
        final Path pom = Path.of(System.getProperty("uw.reducedPom"));
        final Document document = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile());
        final NodeList dependencies = document.getElementsByTagName("dependency");
        final List<String> coordinates = new ArrayList<>();
        for (int i = 0; i < dependencies.getLength(); i++)
        {
            final Element dependency = (Element)dependencies.item(i);
            coordinates.add(text(dependency, "groupId") + ":" + text(dependency, "artifactId") + ":" +
                text(dependency, "scope"));
        }
        assertTrue(coordinates.contains("org.apache.logging.log4j:log4j-core:provided"), coordinates.toString());
        assertEquals(List.of(), coordinates.stream().filter((c) -> c.contains("disruptor")).toList());
    }

    private static String text(final Element parent, final String child)
    {
        final NodeList nodes = parent.getElementsByTagName(child);
        return nodes.getLength() == 0 ? "" : nodes.item(0).getTextContent().trim();
    }

    @Test
    void theRelocatedClassesAreTheOnesInUse() throws Exception
    {
        final Path jar = Path.of(System.getProperty("uw.jar"));
        try (JarFile file = new JarFile(jar.toFile()))
        {
            final JarEntry entry = file.getJarEntry("io/github/unifiedwriter/core/UnifiedWriter.class");
            final byte[] writer = file.getInputStream(entry).readAllBytes();
            final String constants = new String(writer, StandardCharsets.ISO_8859_1);
            assertTrue(constants.contains("io/github/unifiedwriter/shaded/com/lmax/disruptor/RingBuffer"));
            assertFalse(constants.contains("Lcom/lmax/disruptor/"));
        }
    }
}
