package io.github.unifiedwriter.jmx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.management.ObjectName;
import org.junit.jupiter.api.Test;

class WriterObjectNamesTest
{
    @Test
    void plainNamesAreNotQuoted()
    {
        final ObjectName name = WriterObjectNames.of("Default", "app-file_1 (main)");
        assertEquals("io.github.unifiedwriter:type=UnifiedWriter,context=Default,name=app-file_1 (main)",
            name.toString());
        assertEquals("Default", name.getKeyProperty("context"));
    }

    @Test
    void namesThatWouldBreakTheObjectNameAreQuotedAndSurviveTheRoundTrip()
    {
        final List<String> awkward = List.of("a,b", "a=b", "a:b", "say \"hi\"", "star*", "what?", "two\nlines",
            "all,=:*?\"\n");
        final Set<ObjectName> names = new HashSet<>();
        for (final String raw : awkward)
        {
            final ObjectName name = WriterObjectNames.of("ctx:" + raw, raw);
            assertFalse(name.isPattern(), raw);
            assertTrue(name.getKeyProperty("name").startsWith("\""), raw);
            assertEquals(raw, ObjectName.unquote(name.getKeyProperty("name")));
            assertEquals("ctx:" + raw, ObjectName.unquote(name.getKeyProperty("context")));
            assertEquals(WriterObjectNames.TYPE, name.getKeyProperty("type"));
            assertTrue(WriterObjectNames.pattern().apply(name), raw);
            names.add(name);
        }
        assertEquals(awkward.size(), names.size());
    }

    @Test
    void contextKeepsTwoContextsApart()
    {
        assertFalse(WriterObjectNames.of("web1", "app").equals(WriterObjectNames.of("web2", "app")));
    }

    @Test
    void missingNamesAreRefused()
    {
        assertThrows(IllegalArgumentException.class, () -> WriterObjectNames.of(null, "app"));
        assertThrows(IllegalArgumentException.class, () -> WriterObjectNames.of("ctx", null));
    }
}
