package io.github.unifiedwriter.log4j2;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.logging.log4j.core.LoggerContext;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The layout's header goes only into a new or empty file; its footer only when the last user lets go, so
 * reloads, even those that reopen the file as another writer type, never put a footer mid-file.
 */
class HeaderFooterTest
{
    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"block", "line", "mmap"})
    void headerOnceAtTheTopFooterOnceAtTheEnd(final String type) throws Exception
    {
        final Path file = dir.resolve("hf.log");
        final URI same = config("same.xml", file, "writerType=\"" + type + "\"");
        final URI reshaped = config("reshaped.xml", file, "writerType=\"" + (type.equals("block") ? "line" : "block") +
            "\" ringSize=\"128\"");

        final LoggerContext context = TestConfigs.start(same);
        context.getLogger("hf").info("one");
        context.setConfigLocation(reshaped);
        context.getLogger("hf").info("two");
        context.setConfigLocation(same);
        context.getLogger("hf").info("three");
        context.stop();
        assertEquals(List.of("HEADER", "one", "two", "three", "FOOTER"), TestConfigs.lines(file));

        final LoggerContext again = TestConfigs.start(same);
        again.getLogger("hf").info("four");
        again.stop();
        assertEquals(List.of("HEADER", "one", "two", "three", "FOOTER", "four", "FOOTER"), TestConfigs.lines(file),
            "appending to a file that has content: no second header");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"block", "mmap"})
    void anEmptyFileGetsTheHeader(final String type) throws Exception
    {
        final Path file = dir.resolve("empty.log");
        Files.createFile(file);
        final LoggerContext context = TestConfigs.start(config("empty.xml", file, "writerType=\"" + type + "\""));
        context.getLogger("hf").info("first");
        context.stop();
        assertEquals(List.of("HEADER", "first", "FOOTER"), TestConfigs.lines(file));
    }

    private URI config(final String name, final Path file, final String attributes)
    {
        final String element = "    <UnifiedWriter name=\"hf\" fileName=\"" + file + "\" " + attributes + ">\n" +
            "      <PatternLayout pattern=\"%m%n\" header=\"HEADER%n\" footer=\"FOOTER%n\"/>\n    </UnifiedWriter>";
        return TestConfigs.write(dir, name, TestConfigs.config(element, "hf")).toUri();
    }
}
