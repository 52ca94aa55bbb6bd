package io.github.unifiedwriter.log4j2;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

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
        final String text = Files.readString(pom, StandardCharsets.UTF_8);
        assertTrue(text.contains("<artifactId>log4j2-writer-plugin</artifactId>"), pom.toString());
        assertFalse(text.contains("disruptor"), text);
    }

    @Test
    void theRelocatedClassesAreTheOnesInUse() throws Exception
    {
        final Path jar = Path.of(System.getProperty("uw.jar"));
        try (JarFile file = new JarFile(jar.toFile()))
        {
            final byte[] writer = file.getInputStream(file.getJarEntry("io/github/unifiedwriter/core/UnifiedWriter.class"))
                .readAllBytes();
            final String constants = new String(writer, StandardCharsets.ISO_8859_1);
            assertTrue(constants.contains("io/github/unifiedwriter/shaded/com/lmax/disruptor/RingBuffer"));
            assertFalse(constants.contains("Lcom/lmax/disruptor/"));
        }
    }
}
