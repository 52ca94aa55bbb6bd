package io.github.unifiedwriter.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * What the pages show is what the tests run: every {@code xml} block of a page is part of a file under
 * {@code docs/examples} (which {@link ExampleConfigurationsTest} loads), every {@code properties} block is part
 * of a file there (which {@link RemoteJmxSecurityTest} uses), every {@code java} block is part of a test in
 * this package, and every link of the guides leads to a file and a heading that exist. Maven snippets
 * are shown in blocks without a language.
 */
class CodeBlocksTest
{
    /** The guides whose links are checked here; reliability and performance pages are checked as targets. */
    private static final Set<String> GUIDES = Set.of("index.md", "configuration.md", "modes-and-policies.md",
        "recipes.md", "monitoring.md", "architecture.md");
    private static final Pattern FENCE = Pattern.compile("(?ms)^```(\\w*)\\n(.*?)^```");
    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");

    @Test
    void everyConfigurationShownIsPartOfAnExampleFile()
    {
        final List<String> examples = Examples.all().stream().map(Examples::text).map(CodeBlocksTest::trimLines)
            .collect(Collectors.toList());
        final List<String> missing = new ArrayList<>();
        for (final Path page : pages())
        {
            for (final String block : blocks(page, "xml"))
            {
                if (examples.stream().noneMatch((e) -> e.contains(trimLines(block))))
                {
                    missing.add(page.getFileName() + ":\n" + block);
                }
            }
        }
        assertEquals(List.of(), missing);
    }

    @Test
    void everyPropertiesBlockShownIsPartOfAnExampleFile() throws IOException
    {
        final List<String> files;
        try (Stream<Path> all = Files.walk(Examples.folder()))
        {
            files = all.filter(Files::isRegularFile).map(Examples::read).map(CodeBlocksTest::trimLines)
                .collect(Collectors.toList());
        }
        final List<String> missing = new ArrayList<>();
        for (final Path page : pages())
        {
            for (final String block : blocks(page, "properties"))
            {
                if (files.stream().noneMatch((f) -> f.contains(trimLines(block))))
                {
                    missing.add(page.getFileName() + ":\n" + block);
                }
            }
        }
        assertEquals(List.of(), missing);
    }

    @Test
    void everyJavaBlockShownIsPartOfATest()
    {
        final List<String> sources = testSources();
        final List<String> missing = new ArrayList<>();
        for (final Path page : pages())
        {
            for (final String block : blocks(page, "java"))
            {
                if (sources.stream().noneMatch((s) -> s.contains(trimLines(block))))
                {
                    missing.add(page.getFileName() + ":\n" + block);
                }
            }
        }
        assertEquals(List.of(), missing);
    }

    @Test
    void everyLinkOfTheGuidesLeadsToAFileAndAHeading()
    {
        final List<String> broken = new ArrayList<>();
        for (final Path page : pages())
        {
            if (!GUIDES.contains(page.getFileName().toString()))
            {
                continue;
            }
            final Matcher link = LINK.matcher(Examples.read(page));
            while (link.find())
            {
                final String target = link.group(1);
                if (target.startsWith("http://") || target.startsWith("https://"))
                {
                    continue;
                }
                final int hash = target.indexOf('#');
                final String file = hash < 0 ? target : target.substring(0, hash);
                final Path resolved = file.isEmpty() ? page : page.getParent().resolve(file).normalize();
                if (!Files.exists(resolved))
                {
                    broken.add(page.getFileName() + " -> " + target);
                }
                else if (hash >= 0 && !anchors(resolved).contains(target.substring(hash + 1)))
                {
                    broken.add(page.getFileName() + " -> " + target + " (no such heading)");
                }
            }
        }
        assertEquals(List.of(), broken);
    }

    private static List<Path> pages()
    {
        try (Stream<Path> files = Files.list(Examples.docs()))
        {
            return files.filter((p) -> p.toString().endsWith(".md")).sorted().collect(Collectors.toList());
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    private static List<String> blocks(final Path page, final String language)
    {
        final List<String> blocks = new ArrayList<>();
        final Matcher fence = FENCE.matcher(Examples.read(page));
        while (fence.find())
        {
            if (fence.group(1).equals(language))
            {
                blocks.add(fence.group(2));
            }
        }
        return blocks;
    }

    /** GitHub's anchors for the page's headings. */
    private static Set<String> anchors(final Path page)
    {
        return Examples.read(page).lines().filter((l) -> l.startsWith("#"))
            .map((l) -> l.replaceFirst("^#+\\s*", "").toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9 _-]", "")
                .replace(' ', '-'))
            .collect(Collectors.toSet());
    }

    private static List<String> testSources()
    {
        final Path folder = Path.of("src/test/java/io/github/unifiedwriter/docs");
        try (Stream<Path> files = Files.list(folder))
        {
            return files.filter((p) -> p.toString().endsWith(".java")).map(Examples::read)
                .map(CodeBlocksTest::trimLines).collect(Collectors.toList());
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    private static String trimLines(final String text)
    {
        return text.lines().map(String::stripTrailing).collect(Collectors.joining("\n"));
    }
}
