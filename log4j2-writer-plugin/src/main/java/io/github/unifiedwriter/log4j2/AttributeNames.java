package io.github.unifiedwriter.log4j2;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.logging.log4j.core.config.plugins.PluginAliases;
import org.apache.logging.log4j.core.config.plugins.PluginBuilderAttribute;

/**
 * The attributes of one element as the user wrote them, matched to the builder's attributes the way Log4j2
 * matches them: by name or alias, in any case.
 *
 * <p>Messages name an attribute as written ({@code queue="abc"}, not {@code ringSize}), and an attribute
 * written twice under two of its names is refused, whatever Log4j2 did with the second. The names and aliases
 * come from the builder's annotations, so they are declared once. Used by the thread that builds the
 * configuration.
 */
final class AttributeNames
{
    /** For an appender built from code: every name is the canonical one, and nothing is written twice. */
    static final AttributeNames FROM_CODE = new AttributeNames(Map.of(), Map.of());

    private static final Map<String, String> CANONICAL = canonical(UnifiedWriterBuilder.class);

    private final Map<String, String> raw;
    private final Map<String, List<String>> spellings = new LinkedHashMap<>();

    private AttributeNames(final Map<String, String> raw, final Map<String, String> canonical)
    {
        this.raw = raw;
        for (final String name : raw.keySet())
        {
            final String attribute = canonical.get(name.toLowerCase(Locale.ROOT));
            if (attribute != null)
            {
                spellings.computeIfAbsent(attribute, (k) -> new ArrayList<>()).add(name);
            }
        }
        spellings.forEach((attribute, names) -> names.sort(
            Comparator.comparing((String n) -> !n.equals(attribute)).thenComparing(Comparator.naturalOrder())));
    }

    /**
     * @param raw the element's attributes as written, names and values; null when built from code
     * @return the names of these attributes
     */
    static AttributeNames of(final Map<String, String> raw)
    {
        return raw == null ? FROM_CODE : new AttributeNames(raw, CANONICAL);
    }

    /** {@return for each attribute set, the name it was written under, by canonical name} */
    Map<String, String> written()
    {
        final Map<String, String> written = new LinkedHashMap<>();
        spellings.forEach((attribute, names) -> written.put(attribute, names.get(0)));
        return written;
    }

    /** Refuses each attribute written under two or more of its names, naming each as written, with its value. */
    void refuseRepeats(final Attributes in)
    {
        spellings.forEach((attribute, names) ->
        {
            if (names.size() > 1)
            {
                final boolean oneName = names.stream().allMatch(attribute::equalsIgnoreCase);
                in.refuse(names.stream().map((n) -> n + "=\"" + raw.get(n) + "\"")
                    .collect(Collectors.joining(" conflicts with ")) +
                    (oneName ? ": one attribute written twice, in different case" :
                        ": names of one attribute, " + attribute) + "; set it once");
            }
        });
    }

    /** Every name and alias of the builder's attributes, its superclasses' included, in lower case, to its name. */
    static Map<String, String> canonical(final Class<?> builder)
    {
        final Map<String, String> canonical = new LinkedHashMap<>();
        final List<Field> fields = new ArrayList<>();
        for (Class<?> type = builder; type != null; type = type.getSuperclass())
        {
            fields.addAll(List.of(type.getDeclaredFields()));
        }
        for (final Field field : fields)
        {
            final PluginBuilderAttribute attribute = field.getAnnotation(PluginBuilderAttribute.class);
            if (attribute != null)
            {
                final String name = attribute.value().isEmpty() ? field.getName() : attribute.value();
                canonical.put(name.toLowerCase(Locale.ROOT), name);
                final PluginAliases aliases = field.getAnnotation(PluginAliases.class);
                for (final String alias : aliases == null ? new String[0] : aliases.value())
                {
                    canonical.put(alias.toLowerCase(Locale.ROOT), name);
                }
            }
        }
        return canonical;
    }
}
