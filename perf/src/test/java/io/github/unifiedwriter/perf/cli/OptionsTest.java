package io.github.unifiedwriter.perf.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class OptionsTest
{
    @Test
    void readsValuesFlagsListsAndSeparatedNumbers()
    {
        final Options options = Options.parse(new String[] {"--events", "1,000,000", "--threads=1,2,4", "--hold",
            "--rate", "2_500"}, "hold");

        assertEquals(1_000_000, options.longValue("events", 5));
        assertEquals(List.of(1, 2, 4), options.intList("threads", List.of()));
        assertTrue(options.flag("hold"));
        assertEquals(2500.0, options.doubleValue("rate", 0));
        assertEquals("x", options.string("config", "x"));
        options.rejectUnknown();
    }

    @Test
    void refusesUnknownOptionsAndBadNumbers()
    {
        final Options options = Options.parse(new String[] {"--evnts", "10"});
        options.longValue("events", 5);
        assertThrows(IllegalArgumentException.class, options::rejectUnknown);

        final Options bad = Options.parse(new String[] {"--events", "ten"});
        assertThrows(IllegalArgumentException.class, () -> bad.longValue("events", 5));
        assertThrows(IllegalArgumentException.class, () -> Options.parse(new String[] {"--events"}));
    }
}
