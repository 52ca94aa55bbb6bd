package io.github.unifiedwriter.log4j2;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DurationsAndSizesTest
{
    @ParameterizedTest
    @CsvSource({"250ms,250000000", "5s,5000000000", "2m,120000000000", "1h,3600000000000", "1.5s,1500000000",
        "10us,10000", "7ns,7", "' 3 S ',3000000000", "0ms,0"})
    void durationsWithUnits(final String text, final long nanos)
    {
        assertEquals(Duration.ofNanos(nanos), Durations.parse(text));
    }

    @Test
    void aBareNumberSuggestsTheUnit()
    {
        final IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, () -> Durations.parse("5000"));
        assertTrue(ex.getMessage().contains("5000ms") && ex.getMessage().contains("5000s"), ex.getMessage());
    }

    @Test
    void theCompatibilityFormReadsSeconds()
    {
        assertEquals(Duration.ofMillis(100), Durations.parseSecondsByDefault("0.1"));
        assertEquals(Duration.ofMillis(100), Durations.parseSecondsByDefault("100ms"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1s", "abc", "5 parsecs", "1e3s", "", "1.s", "0.0000000001s"})
    void badDurations(final String text)
    {
        assertThrows(IllegalArgumentException.class, () -> Durations.parse(text));
    }

    @ParameterizedTest
    @CsvSource({"64KB,65536", "32 MB,33554432", "1024,1024", "1k,1024", "1GB,1073741824", "1.5KB,1536", "10B,10"})
    void sizesAsLog4j2WritesThem(final String text, final long bytes)
    {
        assertEquals(bytes, Sizes.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1KB", "64XB", "lots", "", "1,5MB", "99999999999999999999TB"})
    void badSizes(final String text)
    {
        assertThrows(IllegalArgumentException.class, () -> Sizes.parse(text));
    }
}
