package io.github.unifiedwriter.docs;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import io.github.unifiedwriter.core.Setting;
import io.github.unifiedwriter.core.WriterConfig;
import io.github.unifiedwriter.sink.FileSinkOptions;
import io.github.unifiedwriter.sink.FsyncPolicy;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The attribute table of {@code docs/configuration.md} against the one definition of each setting: every default
 * the table shows is a {@link Setting}'s default, written as the setting writes it, and every limit the table
 * states is the setting's own.
 */
class SettingsTableTest
{
    /** Rows whose default is no value: required, another name for an attribute, or left to the system. */
    private static final Set<String> NO_DEFAULT = Set.of("required", "—", "the system's");
    /** Rows with a default that is only the absence of the attribute: the file does not roll. */
    private static final Set<String> ABSENT_ONLY = Set.of("filePattern");

    @Test
    void everyDefaultInTheTableIsTheDefinedOne()
    {
        final Map<String, Setting<?>> settings = settings();
        final MarkdownTable table = table();
        for (final String attribute : table.keys())
        {
            final String documented = MarkdownTable.plain(table.cell(attribute, "default"));
            if (NO_DEFAULT.contains(documented) || ABSENT_ONLY.contains(attribute))
            {
                continue;
            }
            assertTrue(settings.containsKey(attribute), "no Setting defines the default of " + attribute);
            assertEquals(documented, settings.get(attribute).defaultText(), attribute);
        }
    }

    @Test
    void everyLimitInTheTableIsTheDefinedOne()
    {
        final MarkdownTable table = table();
        int checked = 0;
        for (final Setting<?> setting : settings().values())
        {
            if (!table.keys().contains(setting.name()) || setting.min() == null)
            {
                continue;
            }
            final String accepts = table.cell(setting.name(), "accepts");
            final String limits = switch (setting.form())
            {
                case COUNT -> Integer.MAX_VALUE == (Integer)setting.max() ? "a whole number of at least " +
                    setting.min() : "a whole number from " + setting.min() + " to " + setting.max();
                case SIZE -> "a size from " + text(setting, setting.min()) + " to " + text(setting, setting.max());
                default -> ((Duration)setting.min()).isZero() ? "a duration" :
                    "a duration of at least `" + text(setting, setting.min()) + "`";
            };
            assertTrue(accepts.startsWith(limits), setting.name() + ": \"" + limits + "\" in \"" + accepts + "\"");
            checked++;
        }
        assertTrue(checked >= 8, "the limits of " + checked + " settings checked");
        assertTrue(table.cell("fsync", "accepts").contains("a duration up to `" +
            Setting.Form.DURATION.text(FsyncPolicy.MAX_INTERVAL) + "`"), table.cell("fsync", "accepts"));
    }

    /** Every setting defined as a static field of the classes that hold the definitions, by name. */
    private static Map<String, Setting<?>> settings()
    {
        final Map<String, Setting<?>> settings = new LinkedHashMap<>();
        for (final String holder : new String[] {WriterConfig.class.getName(), FileSinkOptions.class.getName(),
            "io.github.unifiedwriter.log4j2.AppenderSettings", "io.github.unifiedwriter.log4j2.RollingSettings"})
        {
            try
            {
                for (final Field field : Class.forName(holder).getDeclaredFields())
                {
                    if (Modifier.isStatic(field.getModifiers()) && field.getType() == Setting.class)
                    {
                        field.setAccessible(true);
                        final Setting<?> setting = (Setting<?>)field.get(null);
                        assertTrue(settings.put(setting.name(), setting) == null, "two definitions of " + setting);
                    }
                }
            }
            catch (final ReflectiveOperationException ex)
            {
                throw new IllegalStateException(ex);
            }
        }
        return settings;
    }

    @SuppressWarnings("unchecked")
    private static <T> String text(final Setting<T> setting, final Object value)
    {
        return setting.text((T)value);
    }

    private static MarkdownTable table()
    {
        return MarkdownTable.read(Examples.read(Examples.docs().resolve("configuration.md")), "attribute");
    }
}
