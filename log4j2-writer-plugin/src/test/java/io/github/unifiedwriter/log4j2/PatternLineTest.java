package io.github.unifiedwriter.log4j2;

import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.impl.Log4jLogEvent;
import org.apache.logging.log4j.core.layout.PatternLayout;
import org.apache.logging.log4j.core.pattern.RegexReplacement;
import org.apache.logging.log4j.message.SimpleMessage;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A line encoded by parts, with the bytes of the level, thread, logger and millisecond kept between events, is
 * byte for byte the line {@code PatternLayout.encode} writes, whatever changes from one event to the next. Each
 * layout is used by one reused buffer for a long run of events, as on a producer thread, so kept parts are reused
 * and replaced. Random cases from fixed seeds: a failure names its seed.
 */
class PatternLineTest
{
    private static final List<String> PATTERNS = List.of(
        "%d{yyyy-MM-dd HH:mm:ss.SSS} %-5level [%t] %c{1} - %m%n",
        "%d{HH:mm:ss,SSS} %level{length=1} %t %c{1.} %m%n",
        "%-5p [%15.15t] %-20.20c{1.} : %m%n%throwable",
        "%d{ISO8601} [%t] %X{user} %marker %m%ex%n",
        "%d{yyyy-MM-dd'T'HH:mm:ss.SSSSSS} é %m%n", "%d{HH:mm:ss.SSS} \ud83d\ude00 [%t] %m%n");
    private static final List<Charset> CHARSETS =
        List.of(StandardCharsets.UTF_8, StandardCharsets.ISO_8859_1, StandardCharsets.US_ASCII);
    private static final List<Level> LEVELS = List.of(Level.INFO, Level.WARN, Level.ERROR, Level.DEBUG);
    private static final List<String> THREADS = List.of("main", "producer-0", "pool-1-thread-12", "café",
        "worker-\ud83d\ude00", "x".repeat(300));
    private static final List<String> LOGGERS = List.of("io.example.Orders", "io.example.deep.pkg.Payments", "Root",
        "io.é.Ünïcode", "io.example.\ud83d\ude00");

    @Test
    void theComparisonsPatternIsPlannedPartByPart()
    {
        final PatternPlan plan = PatternPlan.of(layout(PATTERNS.get(0), StandardCharsets.UTF_8));
        assertNotNull(plan);
        assertEquals(List.of(PatternPlan.MILLIS, PatternPlan.FIXED, PatternPlan.LEVEL, PatternPlan.FIXED,
            PatternPlan.THREAD, PatternPlan.FIXED, PatternPlan.LOGGER, PatternPlan.FIXED, PatternPlan.EACH,
            PatternPlan.FIXED, PatternPlan.EACH), kinds(plan));
    }

    @Test
    void aDateFinerThanMillisecondsIsFormattedForEachEvent()
    {
        final PatternPlan plan = PatternPlan.of(layout("%d{HH:mm:ss.SSSSSS} %m", StandardCharsets.UTF_8));
        assertNotNull(plan);
        assertEquals(PatternPlan.EACH, plan.kinds[0]);
    }

    @Test
    void layoutsThatCannotBeTakenApartHaveNoPlan()
    {
        assertNull(PatternPlan.of(layout("%m %replace{%m}{[a-z]}{u}%n", StandardCharsets.UTF_8)));
        assertNull(PatternPlan.of(layout("%highlight{%level} %m%n", StandardCharsets.UTF_8)));
        assertNull(PatternPlan.of(PatternLayout.newBuilder().setPattern("%m%n")
            .setRegexReplacement(RegexReplacement.createRegexReplacement(java.util.regex.Pattern.compile("a"), "b"))
            .build()));
    }

    @Test
    void writesTheBytesLog4j2WritesAsEventsChange()
    {
        int seed = 0;
        for (final String pattern : PATTERNS)
        {
            for (final Charset charset : CHARSETS)
            {
                final PatternLayout layout = layout(pattern, charset);
                final Encoder.Buffer reused = new Encoder.Buffer();
                final Random random = new Random(seed++);
                long millis = 1_700_000_000_123L;
                for (int n = 0; n < 400; n++)
                {
                    millis += random.nextInt(4) == 0 ? random.nextInt(1500) : 0;
                    final LogEvent event = event(random, millis);
                    final byte[] log4j = PatternLayoutEncodingTest.viaLayout(layout, event);
                    reused.encode(layout, event);
                    final byte[] parts = bytes(reused.record());
                    reused.reset();
                    final int at = n;
                    assertArrayEquals(log4j, parts, () -> "event " + at + ", pattern " + pattern + " in " + charset);
                }
                assertTrue(reused.planned(), () -> pattern + " was encoded by parts");
            }
        }
    }

    @Test
    void aThreadRenamedToAnEqualNameOrANewOneIsWrittenAsItIsNow()
    {
        final PatternLayout layout = layout("[%t] %m%n", StandardCharsets.UTF_8);
        final Encoder.Buffer reused = new Encoder.Buffer();
        for (final String name : List.of("a", new String("a"), "b", "b", "a"))
        {
            final LogEvent event = Log4jLogEvent.newBuilder().setThreadName(name).setLevel(Level.INFO)
                .setMessage(new SimpleMessage("m")).setTimeMillis(1L).build();
            reused.encode(layout, event);
            assertEquals("[" + name + "] m" + System.lineSeparator(),
                new String(bytes(reused.record()), StandardCharsets.UTF_8));
            reused.reset();
        }
    }

    private static LogEvent event(final Random random, final long millis)
    {
        final String thread = THREADS.get(random.nextInt(THREADS.size()));
        return Log4jLogEvent.newBuilder().setLevel(LEVELS.get(random.nextInt(LEVELS.size())))
            .setLoggerName(LOGGERS.get(random.nextInt(LOGGERS.size())))
            .setThreadName(random.nextInt(8) == 0 ? new String(thread) : thread)
            .setTimeMillis(millis).setMessage(new SimpleMessage(message(random)))
            .setContextData(null)
            .setThrown(random.nextInt(10) == 0 ? new IllegalStateException("bad " + random.nextInt()) : null).build();
    }

    private static String message(final Random random)
    {
        switch (random.nextInt(9))
        {
            case 0:
                return "price ü " + random.nextInt() + " \u20ac";
            case 1:
                return "emoji \ud83d\ude00 at " + random.nextInt();
            case 2:
                return "lone \ud800 surrogate";
            case 3:
                return "long " + "y".repeat(random.nextInt(5000));
            case 4:
                return "y".repeat(1990 + random.nextInt(60)) + "\ud83d\ude00 across Log4j2's chunk end";
            default:
                return "order " + random.nextLong() + " done in " + random.nextDouble() + " ms";
        }
    }

    private static PatternLayout layout(final String pattern, final Charset charset)
    {
        return PatternLayout.newBuilder().setPattern(pattern).setCharset(charset).build();
    }

    private static List<Integer> kinds(final PatternPlan plan)
    {
        return java.util.Arrays.stream(plan.kinds).boxed().toList();
    }

    private static byte[] bytes(final ByteBuffer record)
    {
        final byte[] out = new byte[record.remaining()];
        record.get(out);
        return out;
    }
}
