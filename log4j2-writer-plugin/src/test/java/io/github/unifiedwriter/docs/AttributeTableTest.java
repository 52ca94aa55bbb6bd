package io.github.unifiedwriter.docs;

import io.github.unifiedwriter.log4j2.StatusCapture;

import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.unifiedwriter.core.WriterConfig;
import io.github.unifiedwriter.log4j2.UnifiedWriterAppender;
import io.github.unifiedwriter.log4j2.UnifiedWriterBuilder;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.config.plugins.PluginAliases;
import org.apache.logging.log4j.core.config.plugins.PluginBuilderAttribute;
import org.apache.logging.log4j.core.config.plugins.PluginElement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The attribute table of {@code docs/configuration.md} against the builder the plugin really uses: every
 * attribute and alias is in the table, every row is an attribute, the defaults are the ones an appender gets,
 * and every example in the table builds an appender that writes.
 */
class AttributeTableTest
{
    /** Defaults the public API does not show; the other tests of the plugin cover them. */
    private static final Set<String> DEFAULTS_NOT_OBSERVABLE =
        Set.of("append", "regionSize", "fsync", "filePermissions", "flush", "deadline", "reopenOnRename");
    private static final Pattern EXAMPLE = Pattern.compile("`(\\w+)=\"([^\"]*)\"`");
    private static final AtomicInteger CONTEXTS = new AtomicInteger();

    @TempDir
    Path dir;

    @Test
    void everyBuilderAttributeHasARowAndEveryRowIsAnAttribute()
    {
        assertEquals(new TreeSet<>(builderAttributes().keySet()), new TreeSet<>(table().keys()));
    }

    @Test
    void everyAliasIsListedWithItsAttributeAndNoOther()
    {
        final MarkdownTable table = table();
        for (final Map.Entry<String, List<String>> attribute : builderAttributes().entrySet())
        {
            assertEquals(new TreeSet<>(attribute.getValue()),
                new TreeSet<>(MarkdownTable.quoted(table.cell(attribute.getKey(), "aliases"))), attribute.getKey());
        }
    }

    @Test
    void everyNestedElementHasARowAndEveryRowIsAnElement()
    {
        final Set<String> elements = new TreeSet<>();
        for (Class<?> type = UnifiedWriterBuilder.class; type != null; type = type.getSuperclass())
        {
            for (final Field field : type.getDeclaredFields())
            {
                final PluginElement element = field.getAnnotation(PluginElement.class);
                if (element != null)
                {
                    elements.add(element.value());
                }
            }
        }
        assertEquals(elements, new TreeSet<>(MarkdownTable.read(page(), "element").keys()));
    }

    @Test
    void theDefaultsInTheTableAreTheOnesAnAppenderGets()
    {
        final LoggerContext context = start(Map.of("name", "defaults", "fileName", file("defaults")));
        final UnifiedWriterAppender appender = Examples.appender(context, "defaults");
        assertNotNull(appender);
        try
        {
            final Map<String, Function<UnifiedWriterAppender, String>> observed = observedDefaults();
            final MarkdownTable table = table();
            for (final String attribute : table.keys())
            {
                final String documented = MarkdownTable.plain(table.cell(attribute, "default"));
                if (documented.equals("required"))
                {
                    final Map<String, String> without = new LinkedHashMap<>(Map.of("name", "without",
                        "fileName", file("without")));
                    without.remove(attribute);
                    final LoggerContext refused = start(without);
                    assertNull(refused.getConfiguration().getAppenders().values().stream()
                        .filter((a) -> a instanceof UnifiedWriterAppender).findAny().orElse(null), attribute);
                    refused.stop();
                }
                else if (!DEFAULTS_NOT_OBSERVABLE.contains(attribute))
                {
                    assertTrue(observed.containsKey(attribute), "no way to observe the default of " + attribute);
                    assertEquals(documented, observed.get(attribute).apply(appender), attribute);
                }
            }
        }
        finally
        {
            context.stop();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("attributes")
    void theTableExampleBuildsAnAppenderThatWrites(final String attribute)
    {
        final Matcher example = EXAMPLE.matcher(table().cell(attribute, "example"));
        assertTrue(example.matches(), "an example of the form `name=\"value\"` for " + attribute);
        assertEquals(attribute, example.group(1));

        final Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("name", "example");
        attributes.put("fileName", file("example"));
        attributes.put(attribute, example.group(2).replace("logs/", dir.resolve("logs") + "/"));
        try (StatusCapture status = new StatusCapture())
        {
            final LoggerContext context = start(attributes);
            final UnifiedWriterAppender appender = Examples.appender(context, attributes.get("name"));
            assertNotNull(appender, attribute);
            context.getLogger("example").error("written with {}", example.group());
            context.stop();
            assertEquals(List.of(), status.errors());
            assertEquals(List.of("written with " + example.group()),
                Examples.lines(Path.of(attributes.get("fileName"))));
        }
    }

    @Test
    void theErrorShownForABareNumberIsTheOneLogged()
    {
        final String page = page();
        final int start = page.indexOf("UnifiedWriter appender \"app\": invalid shutdownTimeout");
        final String shown = page.substring(start, page.indexOf("```", start)).trim().replace("\n", " ");
        try (StatusCapture status = new StatusCapture())
        {
            assertNull(UnifiedWriterAppender.newBuilder().setName("app").setAttribute("fileName", file("app"))
                .setAttribute("shutdownTimeout", "5000").build());
            assertEquals(List.of(shown), status.errors());
        }
    }

    static List<String> attributes()
    {
        return table().keys();
    }

    /**
     * Every attribute written twice: each pair of its names (aliases, and the rows the table calls "another name
     * for" it), and each name beside itself in upper and in lower case. Log4j2 would hand the builder one of the
     * two; the appender is refused instead, with one ERROR naming both as written, and Log4j2's own "invalid
     * attribute" ERROR does not muddle it.
     */
    @ParameterizedTest(name = "{0} with {1}")
    @MethodSource("namesOfOneAttribute")
    void anAttributeWrittenUnderTwoNamesIsRefusedNamingBoth(final String first, final String second)
    {
        final Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("name", "twice");
        attributes.put("fileName", file("twice"));
        final String firstValue = exampleValue(first);
        final String secondValue = exampleValue(second);
        attributes.put(first, firstValue);
        attributes.put(second, secondValue);
        try (StatusCapture status = new StatusCapture())
        {
            final LoggerContext context = start(attributes);
            final boolean created = context.getConfiguration().getAppenders().values().stream()
                .anyMatch((a) -> a instanceof UnifiedWriterAppender);
            context.stop();

            assertTrue(!created, "no appender for " + first + " with " + second);
            final List<String> named = status.errors().stream().filter((e) ->
                e.contains(first + "=\"" + firstValue + "\"") && e.contains(second + "=\"" + secondValue + "\"") &&
                e.contains("conflicts") && e.contains("not created")).toList();
            assertEquals(1, named.size(), "one ERROR naming both, got " + status.errors());
            assertTrue(status.errors().stream().noneMatch((e) -> e.contains("invalid element or attribute") ||
                e.contains("invalid attributes")), status.errors().toString());
        }
    }

    static List<org.junit.jupiter.params.provider.Arguments> namesOfOneAttribute()
    {
        final MarkdownTable table = table();
        final List<org.junit.jupiter.params.provider.Arguments> pairs = new java.util.ArrayList<>();
        for (final Map.Entry<String, List<String>> attribute : builderAttributes().entrySet())
        {
            final List<String> names = new java.util.ArrayList<>();
            names.add(attribute.getKey());
            names.addAll(attribute.getValue());
            for (final String row : table.keys())
            {
                if (table.cell(row, "accepts").startsWith("another name for `" + attribute.getKey() + "`"))
                {
                    names.add(row);
                }
            }
            for (int i = 0; i < names.size(); i++)
            {
                for (int j = i + 1; j < names.size(); j++)
                {
                    pairs.add(org.junit.jupiter.params.provider.Arguments.of(names.get(i), names.get(j)));
                }
            }
            for (final String name : names)
            {
                pairs.add(org.junit.jupiter.params.provider.Arguments.of(name, name.toUpperCase(Locale.ROOT)));
                if (!name.equals(name.toLowerCase(Locale.ROOT)))
                {
                    pairs.add(org.junit.jupiter.params.provider.Arguments.of(name.toLowerCase(Locale.ROOT), name));
                }
            }
        }
        return pairs;
    }

    /** The table's example value for a name, an alias or a case variant of either. */
    private String exampleValue(final String written)
    {
        final MarkdownTable table = table();
        String row = null;
        for (final Map.Entry<String, List<String>> attribute : builderAttributes().entrySet())
        {
            if (attribute.getKey().equalsIgnoreCase(written) ||
                attribute.getValue().stream().anyMatch(written::equalsIgnoreCase))
            {
                row = attribute.getKey();
            }
        }
        for (final String key : table.keys())
        {
            row = key.equalsIgnoreCase(written) ? key : row;
        }
        final Matcher example = EXAMPLE.matcher(table.cell(row, "example"));
        assertTrue(example.matches(), row);
        return example.group(2).replace("logs/", dir.resolve("logs") + "/");
    }

    /** Each attribute's canonical name and its aliases, as Log4j2 reads them from the builder. */
    private static Map<String, List<String>> builderAttributes()
    {
        final Map<String, List<String>> attributes = new LinkedHashMap<>();
        for (final Field field : UnifiedWriterBuilder.class.getDeclaredFields())
        {
            final PluginBuilderAttribute attribute = field.getAnnotation(PluginBuilderAttribute.class);
            if (attribute != null)
            {
                final PluginAliases aliases = field.getAnnotation(PluginAliases.class);
                attributes.put(attribute.value().isEmpty() ? field.getName() : attribute.value(),
                    aliases == null ? List.of() : List.of(aliases.value()));
            }
        }
        return attributes;
    }

    private static Map<String, Function<UnifiedWriterAppender, String>> observedDefaults()
    {
        final Map<String, Function<UnifiedWriterAppender, String>> observed = new LinkedHashMap<>();
        observed.put("mode", (a) -> lower(config(a).mode()));
        observed.put("tick", (a) -> duration(config(a).tick()));
        observed.put("ringSize", (a) -> String.valueOf(config(a).ringSize()));
        observed.put("policy", (a) -> lower(config(a).policy()));
        observed.put("batchSize", (a) -> String.valueOf(config(a).batchSize()));
        observed.put("flushInterval", (a) -> duration(config(a).flushInterval()));
        observed.put("bufferSize", (a) -> size(config(a).bufferSize()));
        observed.put("writerType", (a) -> a.getManager().writerType());
        observed.put("async", (a) -> String.valueOf(config(a).async()));
        observed.put("shutdownTimeout", (a) -> duration(config(a).shutdownTimeout()));
        observed.put("blockTimeout", (a) -> config(a).blockTimeout() == null ? "none" :
            duration(config(a).blockTimeout()));
        observed.put("autoRestart", (a) -> String.valueOf(config(a).autoRestart()));
        observed.put("maxRestarts", (a) -> String.valueOf(config(a).maxRestarts()));
        observed.put("discardThreshold", (a) -> shown(a, "discardThreshold"));
        observed.put("triggerLevel", (a) -> "null".equals(shown(a, "triggerLevel")) ? "none" :
            shown(a, "triggerLevel"));
        observed.put("jmx", (a) -> String.valueOf(a.getManager().getObjectName() != null));
        observed.put("ignoreExceptions", (a) -> String.valueOf(a.ignoreExceptions()));
        observed.put("filePattern", (a) -> a.getManager().rolling().filePattern() == null ? "none" :
            a.getManager().rolling().filePattern());
        return observed;
    }

    private static WriterConfig config(final UnifiedWriterAppender appender)
    {
        return appender.getManager().config();
    }

    /** A value from the appender's {@code toString()}, such as {@code discardThreshold=INFO}. */
    private static String shown(final UnifiedWriterAppender appender, final String key)
    {
        final Matcher matcher = Pattern.compile(key + "=(\\w+)").matcher(appender.toString());
        assertTrue(matcher.find(), appender.toString());
        return matcher.group(1);
    }

    private static String lower(final Enum<?> value)
    {
        return value.name().toLowerCase(Locale.ROOT);
    }

    private static String duration(final Duration duration)
    {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + "s" : duration.toMillis() + "ms";
    }

    private static String size(final long bytes)
    {
        return bytes % (1 << 20) == 0 ? (bytes >> 20) + "MB" : bytes % 1024 == 0 ? (bytes >> 10) + "KB" :
            String.valueOf(bytes);
    }

    private static MarkdownTable table()
    {
        return MarkdownTable.read(page(), "attribute");
    }

    private static String page()
    {
        return Examples.read(Examples.docs().resolve("configuration.md"));
    }

    private String file(final String name)
    {
        return dir.resolve("logs").resolve(name + ".log").toString();
    }

    /** A configuration with one UnifiedWriter appender of these attributes, referred to by the root logger. */
    private LoggerContext start(final Map<String, String> attributes)
    {
        final StringBuilder element = new StringBuilder("    <UnifiedWriter");
        for (final Map.Entry<String, String> attribute : attributes.entrySet())
        {
            element.append(' ').append(attribute.getKey()).append("=\"").append(attribute.getValue()).append('"');
        }
        element.append(">\n      <PatternLayout pattern=\"%m%n\"/>\n");
        if (attributes.containsKey("filePattern"))
        {
            element.append("      <SizeBasedTriggeringPolicy size=\"10MB\"/>\n");
        }
        element.append("    </UnifiedWriter>\n");
        final String ref = attributes.getOrDefault("name", "none");
        final String xml = "<Configuration>\n  <Appenders>\n" + element + "  </Appenders>\n  <Loggers>\n" +
            "    <Root level=\"trace\">\n      <AppenderRef ref=\"" + ref + "\"/>\n    </Root>\n  </Loggers>\n" +
            "</Configuration>\n";
        final Path config = dir.resolve("table-" + CONTEXTS.incrementAndGet() + ".xml");
        try
        {
            Files.writeString(config, xml, StandardCharsets.UTF_8);
        }
        catch (final IOException ex)
        {
            throw new IllegalStateException(ex);
        }
        final LoggerContext context = new LoggerContext("table-" + CONTEXTS.incrementAndGet(), null, config.toUri());
        context.start();
        return context;
    }
}
