package io.github.unifiedwriter.core;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** Numbered test records {@code "<producer>-<n>\n"}, and checks of what came out. */
final class Records
{
    private Records()
    {
    }

    static byte[] record(final int producer, final int n)
    {
        return (producer + "-" + n + "\n").getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Parses the output and checks that every line is whole and well-formed, and that each producer's
     * records appear in increasing order with none twice.
     *
     * @return each producer's records in the order found
     */
    static Map<Integer, List<Integer>> parse(final String text)
    {
        final Map<Integer, List<Integer>> byProducer = new HashMap<>();
        if (text.isEmpty())
        {
            return byProducer;
        }
        assertTrue(text.endsWith("\n"), "output ends with a torn line");
        for (final String line : text.substring(0, text.length() - 1).split("\n", -1))
        {
            final int dash = line.indexOf('-');
            if (dash <= 0 || !line.substring(0, dash).chars().allMatch(Character::isDigit) ||
                !line.substring(dash + 1).chars().allMatch(Character::isDigit) || dash == line.length() - 1)
            {
                fail("torn or interleaved line: '" + line + "'");
            }
            final int producer = Integer.parseInt(line.substring(0, dash));
            final int n = Integer.parseInt(line.substring(dash + 1));
            final List<Integer> seen = byProducer.computeIfAbsent(producer, p -> new ArrayList<>());
            if (!seen.isEmpty() && seen.get(seen.size() - 1) >= n)
            {
                fail("producer " + producer + " out of order or duplicated: " + n + " after " + seen.get(seen.size() - 1));
            }
            seen.add(n);
        }
        return byProducer;
    }

    static int count(final Map<Integer, List<Integer>> byProducer)
    {
        return byProducer.values().stream().mapToInt(List::size).sum();
    }

    /** Every producer's records 0..perProducer-1, each exactly once, in order. */
    static void assertComplete(final String text, final int producers, final int perProducer)
    {
        final Map<Integer, List<Integer>> byProducer = parse(text);
        assertEquals(producers, byProducer.size(), "producers present");
        for (int p = 0; p < producers; p++)
        {
            final List<Integer> seen = byProducer.get(p);
            assertEquals(perProducer, seen.size(), "records of producer " + p);
            assertEquals(perProducer - 1, seen.get(seen.size() - 1));
        }
    }

    /** After stop: every call is exactly one of written, dropped or failed, and nothing is pending. */
    static void assertAccounted(final WriterMetrics m, final long calls)
    {
        assertEquals(calls, m.written() + m.dropped() + m.failed(), "calls = written + dropped + failed: " + m);
        assertEquals(0, m.pending(), "pending after stop: " + m);
    }
}
