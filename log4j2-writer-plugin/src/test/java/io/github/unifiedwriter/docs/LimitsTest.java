package io.github.unifiedwriter.docs;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.unifiedwriter.core.WriterConfig;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The limits, floors and memory figures of {@code docs/configuration.md} against the constants the plugin
 * checks: the heap of each ring size, the largest ring for each {@code -Xmx}, the bytes a slot costs and the
 * floor of {@code tick} and {@code flushInterval}.
 */
class LimitsTest
{
    private static final Pattern AMOUNT = Pattern.compile("(\\d+(?:\\.\\d+)?)(KB|MB|GB)");

    @Test
    void theHeapOfEachRingSizeIsTheOneTheLimitCounts()
    {
        final MarkdownTable table = MarkdownTable.read(page(), "slots (`ringSize`)");
        assertTrue(table.keys().size() >= 4, table.keys().toString());
        for (final String row : table.keys())
        {
            final int ringSize = Integer.parseInt(row.split(" ")[0]);
            final double documented = bytes(table.cell(row, "heap at start"));
            final double counted = WriterConfig.ringBytes(ringSize);
            assertTrue(Math.abs(documented - counted) / counted < 0.05, row + ": " + documented + " vs " + counted);
        }
    }

    @Test
    void theLargestRingForEachHeapIsTheOneAccepted()
    {
        final MarkdownTable table = MarkdownTable.read(page(), "maximum heap (`-Xmx`)");
        assertTrue(table.keys().size() >= 4, table.keys().toString());
        for (final String row : table.keys())
        {
            final Matcher heap = Pattern.compile("(\\d+)([mg])").matcher(row);
            assertTrue(heap.find(), row);
            final long maxHeap = Long.parseLong(heap.group(1)) << (heap.group(2).equals("g") ? 30 : 20);
            assertEquals(String.valueOf(WriterConfig.largestRing(maxHeap)),
                MarkdownTable.plain(table.cell(row, "largest `ringSize`")), row);
        }
    }

    @Test
    void theSlotCostAndTheFloorAreTheOnesChecked()
    {
        final String page = page();
        assertTrue(page.contains(WriterConfig.BYTES_PER_SLOT + " bytes a slot"));
        assertTrue(page.contains("`tick` and `flushInterval` are at least `" +
            WriterConfig.MIN_INTERVAL.toMillis() + "ms`"));
        assertEquals(1_000_000L, WriterConfig.MIN_INTERVAL.toNanos(), "the floor is a whole number of ms");
    }

    private static double bytes(final String cell)
    {
        final Matcher matcher = AMOUNT.matcher(cell);
        assertTrue(matcher.find(), cell);
        final int shift = switch (matcher.group(2).toUpperCase(Locale.ROOT))
        {
            case "KB" -> 10;
            case "MB" -> 20;
            default -> 30;
        };
        return Double.parseDouble(matcher.group(1)) * (1L << shift);
    }

    private static String page()
    {
        return Examples.read(Examples.docs().resolve("configuration.md"));
    }
}
