package io.github.unifiedwriter.log4j2;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.unifiedwriter.core.WriterMetrics;
import io.github.unifiedwriter.log4j2.ConfigurationOracle.Attribute;
import io.github.unifiedwriter.log4j2.ConfigurationOracle.Expectation;
import io.github.unifiedwriter.log4j2.ConfigurationOracle.Written;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.core.LoggerContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Random {@code <UnifiedWriter>} elements, each of 1 to 6 attributes: good and bad values, edge values, units,
 * aliases, names in other cases, an attribute written twice, and contradictions. Each is started through a
 * real log4j2.xml and checked against {@link ConfigurationOracle}: refused with the ERRORs it names, or created
 * with exactly the WARNs it names, every logged record accounted for and none written twice.
 *
 * <p>The seed is printed; {@code -Dfuzz.seed=N} replays a run and {@code -Dfuzz.count=N} sets how many elements.
 */
class ConfigurationFuzzTest
{
    private static final int EVENTS = 4;
    private static final Pattern WARNED = Pattern.compile("^UnifiedWriter appender \"[^\"]*\": ([^=\\s]+)=\"");

    @TempDir
    Path dir;

    @Test
    void randomConfigurationsDoWhatTheReferenceSays()
    {
        final long seed = Long.getLong("fuzz.seed", System.nanoTime());
        final int count = Integer.getInteger("fuzz.count", 320);
        System.out.println("ConfigurationFuzzTest: seed " + seed + ", " + count +
            " configurations; replay with -Dfuzz.seed=" + seed);
        final Random random = new Random(seed);
        final List<String> failures = new ArrayList<>();
        int refused = 0;
        int warned = 0;
        for (int round = 0; round < count; round++)
        {
            final List<Written> element = element(random);
            final Expectation expected = ConfigurationOracle.expect(element);
            refused += expected.refused() ? 1 : 0;
            warned += expected.warnings().isEmpty() ? 0 : 1;
            final String problem = check(round, element, expected);
            if (problem != null)
            {
                failures.add("#" + round + " " + render(element) + ": " + problem);
            }
        }
        System.out.println("ConfigurationFuzzTest: " + refused + " refused, " + warned + " warned, " +
            (count - refused) + " created");
        assertEquals(List.of(), failures, "seed " + seed + " (-Dfuzz.seed=" + seed + ")");
    }

    /**
     * 1 to 6 attributes; sometimes one written again under another name, sometimes manual with async off, sometimes
     * a small ring with a batch size that may not fit in half of it.
     */
    private static List<Written> element(final Random random)
    {
        final List<Written> element = new ArrayList<>();
        final Set<String> names = new HashSet<>();
        final int size = 1 + random.nextInt(6);
        while (element.size() < size)
        {
            final Attribute attribute = ConfigurationOracle.ATTRIBUTES.get(
                random.nextInt(ConfigurationOracle.ATTRIBUTES.size()));
            final boolean again = random.nextInt(8) == 0 && element.stream()
                .anyMatch((w) -> w.attribute() == attribute);
            if (element.stream().anyMatch((w) -> w.attribute() == attribute) && !again)
            {
                continue;
            }
            add(element, names, attribute, value(random, attribute), random);
        }
        if (random.nextInt(10) == 0 && element.stream().noneMatch((w) -> w.attribute().name().equals("mode") ||
            w.attribute().name().equals("async")))
        {
            add(element, names, ConfigurationOracle.attribute("mode"), "manual", random);
            add(element, names, ConfigurationOracle.attribute("async"), "false", random);
        }
        if (random.nextInt(6) == 0 && element.stream().noneMatch((w) -> w.attribute().name().equals("ringSize") ||
            w.attribute().name().equals("batchSize")))
        {
            add(element, names, ConfigurationOracle.attribute("ringSize"), random.nextBoolean() ? "64" : "100", random);
            add(element, names, ConfigurationOracle.attribute("batchSize"), value(random,
                ConfigurationOracle.attribute("batchSize")), random);
        }
        return element;
    }

    private static void add(final List<Written> element, final Set<String> names, final Attribute attribute,
        final String value, final Random random)
    {
        for (int tries = 0; tries < 10; tries++)
        {
            final String name = spelling(random, attribute);
            if (names.add(name))
            {
                element.add(new Written(attribute, name, value));
                return;
            }
        }
    }

    /** Mostly a good value; one time in five a bad one. */
    private static String value(final Random random, final Attribute attribute)
    {
        final List<String> from = random.nextInt(5) == 0 ? attribute.bad() : attribute.good();
        return from.get(random.nextInt(from.size()));
    }

    /** One of the attribute's names, as written, in upper case, in lower case, or in random case. */
    private static String spelling(final Random random, final Attribute attribute)
    {
        final String name = attribute.names().get(random.nextInt(attribute.names().size()));
        switch (random.nextInt(8))
        {
            case 0:
                return name.toUpperCase(Locale.ROOT);
            case 1:
                return name.toLowerCase(Locale.ROOT);
            case 2:
                final StringBuilder mixed = new StringBuilder();
                name.chars().forEach((c) -> mixed.append(random.nextBoolean() ?
                    Character.toUpperCase((char)c) : Character.toLowerCase((char)c)));
                return mixed.toString();
            default:
                return name;
        }
    }

    /**
     * Starts the element, logs a few records, stops, and returns what went against the expectation, or null. The
     * messages checked are those of the configuration, before any record: a stop may report records of its own.
     */
    private String check(final int round, final List<Written> element, final Expectation expected)
    {
        final String name = "fuzz" + round;
        final Path file = dir.resolve(name + ".log");
        final boolean jmxWritten = element.stream().anyMatch((w) -> w.attribute().name().equals("jmx"));
        final String attributes = render(element) + (jmxWritten ? "" : " jmx=\"false\"");
        try (StatusCapture status = new StatusCapture())
        {
            final LoggerContext context = TestConfigs.start(dir,
                TestConfigs.config(TestConfigs.writer(name, file, attributes), name));
            final UnifiedWriterAppender appender = TestConfigs.appender(context, name);
            final List<String> errors = status.about(name, Level.ERROR);
            final List<String> warnings = status.about(name, Level.WARN);
            final Logger logger = context.getLogger("fuzz");
            final Level[] levels = {Level.DEBUG, Level.INFO, Level.WARN, Level.ERROR};
            for (int i = 0; i < EVENTS; i++)
            {
                logger.log(levels[i % levels.length], "record {}", i);
            }
            context.stop();
            if (expected.refused())
            {
                return refusal(appender, errors, expected);
            }
            if (appender == null || !errors.isEmpty())
            {
                return "expected a created appender, got " + errors;
            }
            final Set<String> warnedAbout = new HashSet<>();
            for (final String warning : warnings)
            {
                final Matcher matcher = WARNED.matcher(warning);
                warnedAbout.add(matcher.find() ? matcher.group(1) : warning);
            }
            if (!warnedAbout.equals(expected.warnings()))
            {
                return "expected WARNs about " + expected.warnings() + ", got " + warnings;
            }
            final boolean noDrainTime = element.stream().anyMatch((w) -> w.value().equals("0s") &&
                w.attribute().name().equals("shutdownTimeout") || w.value().equals("0") &&
                w.attribute().name().equals("deadline"));
            return accounted(appender.getManager().metrics(), noDrainTime ? null : TestConfigs.lines(file));
        }
        catch (final RuntimeException ex)
        {
            return "threw " + ex;
        }
    }

    private static String refusal(final UnifiedWriterAppender appender, final List<String> errors,
        final Expectation expected)
    {
        if (appender != null)
        {
            return "expected a refusal, got a created appender";
        }
        for (final List<String> texts : expected.errors())
        {
            if (errors.stream().noneMatch((e) -> texts.stream().allMatch(e::contains) && e.contains("not created")))
            {
                return "expected an ERROR with " + texts + ", got " + errors;
            }
        }
        return errors.isEmpty() ? "refused without an ERROR" : null;
    }

    /**
     * Every record is written, dropped or failed, and each line in the file is one record, once. A stop with no
     * time to drain gives up at once: it counts what it could not confirm as failed, and the file is not checked,
     * since a write in progress may still finish it (null {@code lines}).
     */
    private static String accounted(final WriterMetrics m, final List<String> lines)
    {
        if (lines == null)
        {
            return m.written() + m.dropped() + m.failed() == EVENTS && m.pending() == 0 ? null :
                "records not accounted for: " + m;
        }
        final Set<String> distinct = new HashSet<>(lines);
        final boolean known = lines.stream().allMatch((l) -> l.matches("record [0-9]+"));
        if (m.written() + m.dropped() + m.failed() != EVENTS || m.pending() != 0 || distinct.size() != lines.size() ||
            !known || lines.size() < m.written() || lines.size() > m.written() + m.failed())
        {
            return "records not accounted for: " + m + ", file " + lines;
        }
        return null;
    }

    private static String render(final List<Written> element)
    {
        final StringBuilder text = new StringBuilder();
        element.forEach((w) -> text.append(text.length() == 0 ? "" : " ").append(w.text()));
        return text.toString();
    }
}
