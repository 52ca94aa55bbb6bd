package io.github.unifiedwriter.log4j2;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import org.apache.logging.log4j.core.LoggerContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every attribute, fed every kind of bad value, through a real configuration: an ERROR names the attribute and
 * the value, no appender exists, nothing is thrown, and another appender in the same configuration keeps
 * working.
 */
class BadConfigurationTest
{
    @TempDir
    Path dir;

    /** attribute as written, bad value, the attribute named in the message: always as written. */
    static Stream<Arguments> badValues()
    {
        return Stream.of(
            bad("name", "", "name"),
            bad("fileName", "", "fileName"),
            bad("fileName", "  ", "fileName"),
            bad("append", "ture", "append"),
            bad("append", "1", "append"),
            bad("append", "yes", "append"),
            bad("mode", "fast", "mode"),
            bad("mode", "", "mode"),
            bad("tick", "10", "tick"),
            bad("tick", "-5ms", "tick"),
            bad("tick", "0ms", "tick"),
            bad("tick", "soon", "tick"),
            bad("tick", "10 parsecs", "tick"),
            bad("ringSize", "many", "ringSize"),
            bad("ringSize", "-1", "ringSize"),
            bad("ringSize", "0", "ringSize"),
            bad("ringSize", "63", "ringSize"),
            bad("ringSize", "99999999999", "ringSize"),
            bad("ringSize", "1.5", "ringSize"),
            bad("queue", "lots", "queue"),
            bad("maxQueueSize", "-4096", "maxQueueSize"),
            bad("policy", "drop", "policy"),
            bad("policy", "block_forever", "policy"),
            bad("batchSize", "0", "batchSize"),
            bad("batchSize", "-3", "batchSize"),
            bad("batchSize", "x", "batchSize"),
            bad("size", "0", "size"),
            bad("flushInterval", "100", "flushInterval"),
            bad("flushInterval", "0s", "flushInterval"),
            bad("flushInterval", "-1s", "flushInterval"),
            bad("flushInterval", "often", "flushInterval"),
            bad("flush", "-0.1", "flush"),
            bad("flush", "0", "flush"),
            bad("flush", "abc", "flush"),
            bad("bufferSize", "0", "bufferSize"),
            bad("bufferSize", "-64KB", "bufferSize"),
            bad("bufferSize", "64XB", "bufferSize"),
            bad("bufferSize", "2GB", "bufferSize"),
            bad("bufferSize", "lots", "bufferSize"),
            bad("writerType", "disk", "writerType"),
            bad("writer", "fast", "writer"),
            bad("regionSize", "0", "regionSize"),
            bad("regionSize", "-1MB", "regionSize"),
            bad("regionSize", "100", "regionSize"),
            bad("regionSize", "huge", "regionSize"),
            bad("fsync", "sometimes", "fsync"),
            bad("fsync", "100", "fsync"),
            bad("fsync", "0s", "fsync"),
            bad("fsync", "-1s", "fsync"),
            bad("async", "ture", "async"),
            bad("async_en", "1", "async_en"),
            bad("shutdownTimeout", "5000", "shutdownTimeout"),
            bad("shutdownTimeout", "-1s", "shutdownTimeout"),
            bad("shutdownTimeout", "soon", "shutdownTimeout"),
            bad("deadline", "-1", "deadline"),
            bad("deadline", "x", "deadline"),
            bad("blockTimeout", "100", "blockTimeout"),
            bad("blockTimeout", "-1ms", "blockTimeout"),
            bad("blockTimeout", "forever", "blockTimeout"),
            bad("autoRestart", "ture", "autoRestart"),
            bad("maxRestarts", "-1", "maxRestarts"),
            bad("maxRestarts", "many", "maxRestarts"),
            bad("discardThreshold", "LOUD", "discardThreshold"),
            bad("discardThreshold", "", "discardThreshold"),
            bad("triggerLevel", "LOUD", "triggerLevel"),
            bad("jmx", "ture", "jmx"),
            bad("ignoreExceptions", "ture", "ignoreExceptions"),
            bad("filePermissions", "rw-r", "filePermissions"),
            bad("filePermissions", "rwxrwxrwz", "filePermissions"),
            bad("filePermissions", "644", "filePermissions"),
            bad("filePermissions", "", "filePermissions"),
            bad("name", "  ", "name"),
            bad("append", "", "append"),
            bad("autoRestart", "0", "autoRestart"),
            bad("jmx", "on", "jmx"),
            bad("ignoreExceptions", "-1", "ignoreExceptions"),
            bad("policy", "", "policy"),
            bad("writerType", "-1", "writerType"),
            bad("writerType", "", "writerType"),
            bad("mode", "-1", "mode"),
            bad("policy", "-1", "policy"),
            bad("flushInterval", "5 parsecs", "flushInterval"),
            bad("triggerLevel", "", "triggerLevel"),
            bad("batchSize", "99999999999", "batchSize"),
            bad("maxRestarts", "1.5", "maxRestarts"),
            bad("maxRestarts", "99999999999", "maxRestarts"),
            bad("regionSize", "2GB", "regionSize"),
            bad("shutdownTimeout", "5 fortnights", "shutdownTimeout"),
            bad("fsync", "48h", "fsync"),
            bad("RINGSIZE", "abc", "RINGSIZE"),
            bad("Queue", "12x", "Queue"),
            bad("bufferSize", "1.9", "bufferSize"),
            bad("bufferSize", "0.1KB", "bufferSize"),
            bad("bufferSize", "\uFF11\uFF10\uFF12\uFF14", "bufferSize"),
            bad("bufferSize", "+100", "bufferSize"),
            bad("ringSize", "\uFF11\uFF10\uFF12\uFF14", "ringSize"),
            bad("ringSize", "+128", "ringSize"),
            bad("batchSize", "+100", "batchSize"),
            bad("batchSize", "\u0661\u0660", "batchSize"),
            bad("maxRestarts", "+3", "maxRestarts"),
            bad("maxRestarts", "\uFF13", "maxRestarts"),
            bad("tick", "\uFF11ms", "tick"),
            bad("shutdownTimeout", "+5s", "shutdownTimeout"),
            bad("tick", "1ns", "tick"),
            bad("tick", "999us", "tick"),
            bad("flushInterval", "1ns", "flushInterval"),
            bad("flushInterval", "0.5ms", "flushInterval"),
            bad("flush", "0.0001", "flush"),
            bad("FLUSHINTERVAL", "10us", "FLUSHINTERVAL"));
    }

    /** Two valid values that contradict each other; the message names both attributes. */
    static Stream<Arguments> conflicts()
    {
        return Stream.of(
            Arguments.of("flushInterval=\"100ms\" flush=\"0.1\"", "flushInterval", "flush"),
            Arguments.of("shutdownTimeout=\"5s\" deadline=\"5\"", "shutdownTimeout", "deadline"),
            Arguments.of("mode=\"manual\" async=\"false\"", "mode", "async"),
            Arguments.of("mode=\"manual\" async_en=\"false\"", "mode", "async_en"),
            Arguments.of("FlushInterval=\"100ms\" flush=\"0.1\"", "FlushInterval", "flush"),
            Arguments.of("mode=\"manual\" policy=\"drop_oldest\" triggerLevel=\"INFO\"", "triggerLevel",
                "discardThreshold"),
            Arguments.of("mode=\"manual\" policy=\"drop_newest\" triggerLevel=\"WARN\" discardThreshold=\"WARN\"",
                "triggerLevel", "discardThreshold"));
    }

    @ParameterizedTest(name = "{0}=\"{1}\"")
    @MethodSource("badValues")
    void refusesEveryBadValue(final String attribute, final String value, final String named)
    {
        final Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("name", "bad");
        attributes.put("fileName", dir.resolve("bad.log").toString());
        attributes.put(attribute, value);
        final String element = "    <UnifiedWriter " + render(attributes) + "/>";

        final List<String> errors = refused(element);

        assertTrue(errors.stream().anyMatch((e) -> e.contains(named + "=\"" + value + "\"") && e.contains("Accepted")),
            "an ERROR naming " + named + "=\"" + value + "\" and what is accepted, got " + errors);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("conflicts")
    void refusesConflictingValues(final String attributes, final String first, final String second)
    {
        final String element = "    <UnifiedWriter name=\"bad\" fileName=\"" + dir.resolve("bad.log") + "\" " +
            attributes + "/>";

        final List<String> errors = refused(element);

        assertTrue(errors.stream().anyMatch((e) -> e.contains(first + "=") && e.contains(second + "=") &&
            e.contains("conflicts")), "an ERROR naming " + first + " and " + second + ", got " + errors);
    }

    /**
     * Random combinations from a fixed seed: all valid values, or one bad one among them. The bad one is always
     * named and refused; a conflict is refused; anything else gives a started appender. Nothing throws.
     */
    @Test
    void randomCombinationsNeverThrowNorHalfStart()
    {
        final Random random = new Random(20260101L);
        final String[][] valid = {
            {"mode", "trigger", "loop", "manual"},
            {"tick", "1ms", "10ms", "0.5s"},
            {"ringSize", "64", "1000", "16384"},
            {"policy", "block", "drop_newest", "skip", "drop_oldest", "warn"},
            {"batchSize", "1", "64", "1024"},
            {"flushInterval", "10ms", "100ms"},
            {"bufferSize", "1", "4KB", "64 KB"},
            {"writerType", "block", "line", "mmap"},
            {"regionSize", "64KB", "1MB"},
            {"fsync", "never", "batch", "1s"},
            {"async", "true", "false"},
            {"shutdownTimeout", "0s", "2s"},
            {"blockTimeout", "none", "0ms", "50ms"},
            {"autoRestart", "true", "false"},
            {"maxRestarts", "0", "3"},
            {"discardThreshold", "info", "WARN", "error"},
            {"triggerLevel", "none", "ERROR", "warn"},
            {"jmx", "true", "false"},
            {"append", "true", "false"},
        };
        final String[][] invalid = {
            {"mode", "often"}, {"tick", "5"}, {"ringSize", "0"}, {"policy", "drop"}, {"batchSize", "-1"},
            {"flushInterval", "100"}, {"bufferSize", "64XB"}, {"writerType", "disk"}, {"regionSize", "0"},
            {"fsync", "100"}, {"async", "ture"}, {"shutdownTimeout", "5000"}, {"blockTimeout", "-1ms"},
            {"autoRestart", "ture"}, {"maxRestarts", "-2"}, {"discardThreshold", "LOUD"},
            {"triggerLevel", "LOUD"}, {"jmx", "ture"}, {"append", "ture"},
        };
        final List<String> failures = new ArrayList<>();
        for (int round = 0; round < 40; round++)
        {
            final Map<String, String> attributes = new LinkedHashMap<>();
            attributes.put("name", "rnd" + round);
            attributes.put("fileName", dir.resolve("rnd" + round + ".log").toString());
            for (final String[] choice : valid)
            {
                if (random.nextInt(3) == 0)
                {
                    attributes.put(choice[0], choice[1 + random.nextInt(choice.length - 1)]);
                }
            }
            String[] injected = null;
            if (random.nextBoolean())
            {
                injected = invalid[random.nextInt(invalid.length)];
                attributes.put(injected[0], injected[1]);
            }
            final boolean conflict = injected == null && conflicts(attributes);
            final Path other = dir.resolve("other" + round + ".log");
            try (StatusCapture status = new StatusCapture())
            {
                final String xml = TestConfigs.config("    <UnifiedWriter " + render(attributes) + "/>\n" +
                    TestConfigs.plainFile("other", other), "rnd" + round, "other");
                final LoggerContext context = TestConfigs.start(dir, xml);
                context.getLogger("random").error("round {}", round);
                final UnifiedWriterAppender appender = TestConfigs.appender(context, "rnd" + round);
                context.stop();
                final String case_ = round + " " + attributes;
                if (!TestConfigs.lines(other).contains("round " + round))
                {
                    failures.add(case_ + ": the other appender lost its line");
                }
                if (injected != null || conflict)
                {
                    final String wanted = injected != null ? injected[0] + "=\"" + injected[1] + "\"" : "conflicts";
                    if (appender != null || status.errors().stream().noneMatch((e) -> e.contains(wanted)))
                    {
                        failures.add(case_ + ": expected refusal naming " + wanted + ", got " + status.errors());
                    }
                }
                else if (appender == null || !accounted(appender, dir.resolve("rnd" + round + ".log"), round))
                {
                    failures.add(case_ + ": expected a working appender, got " + status.about("rnd" + round));
                }
            }
            catch (final RuntimeException ex)
            {
                failures.add(round + " " + attributes + ": threw " + ex);
            }
        }
        assertEquals(List.of(), failures);
    }

    /** Builds a configuration with the bad element and a working File appender; returns the ERRORs. */
    private List<String> refused(final String element)
    {
        final Path other = dir.resolve("other" + System.nanoTime() + ".log");
        try (StatusCapture status = new StatusCapture())
        {
            final LoggerContext context = TestConfigs.start(dir,
                TestConfigs.config(element + "\n" + TestConfigs.plainFile("other", other), "bad", "other"));
            context.getLogger("test").error("other appenders keep working");
            final boolean noneOfOurs = context.getConfiguration().getAppenders().values().stream()
                .noneMatch((a) -> a instanceof UnifiedWriterAppender);
            context.stop();

            assertTrue(noneOfOurs, "no UnifiedWriter appender is created");
            assertEquals(List.of("other appenders keep working"), TestConfigs.lines(other));
            assertFalse(status.errors().isEmpty());
            return status.errors();
        }
    }

    /**
     * The one record counts as written and is in the file, or counts as failed. With {@code shutdownTimeout="0s"} the
     * stop may give up on a write under way: its records count as failed, and the file may still receive them.
     */
    private static boolean accounted(final UnifiedWriterAppender appender, final Path file, final int round)
    {
        final var metrics = appender.getManager().metrics();
        final boolean inFile = TestConfigs.lines(file).contains("round " + round);
        return metrics.written() + metrics.failed() == 1 && (metrics.failed() == 1 || inFile);
    }

    private static boolean conflicts(final Map<String, String> attributes)
    {
        final boolean manual = "manual".equals(attributes.get("mode"));
        if (manual && "false".equals(attributes.get("async")))
        {
            return true;
        }
        final String policy = attributes.getOrDefault("policy", "block");
        final String blockTimeout = attributes.getOrDefault("blockTimeout", "none");
        final boolean drops = !"block".equals(policy) || !"none".equals(blockTimeout);
        final String trigger = attributes.getOrDefault("triggerLevel", "none");
        if (!manual || !drops || "none".equals(trigger))
        {
            return false;
        }
        final List<String> severity = List.of("FATAL", "ERROR", "WARN", "INFO");
        final int triggerRank = severity.indexOf(trigger.toUpperCase());
        final int discardRank = severity.indexOf(attributes.getOrDefault("discardThreshold", "INFO").toUpperCase());
        return triggerRank >= discardRank;
    }

    private static String render(final Map<String, String> attributes)
    {
        final StringBuilder text = new StringBuilder();
        attributes.forEach((k, v) -> text.append(k).append("=\"").append(v).append("\" "));
        return text.toString().trim();
    }

    private static Arguments bad(final String attribute, final String value, final String named)
    {
        return Arguments.of(attribute, value, named);
    }

    @Test
    void aMissingNameOrFileIsReported()
    {
        final List<String> errors = refused("    <UnifiedWriter fileName=\"" + dir.resolve("x.log") + "\"/>");
        assertTrue(errors.stream().anyMatch((e) -> e.contains("name") && e.contains("required")), errors.toString());
        final List<String> noFile = refused("    <UnifiedWriter name=\"bad\"/>");
        assertTrue(noFile.stream().anyMatch((e) -> e.contains("fileName") && e.contains("required")),
            noFile.toString());
    }
}
