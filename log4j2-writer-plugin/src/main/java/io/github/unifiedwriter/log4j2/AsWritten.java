package io.github.unifiedwriter.log4j2;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.lang.reflect.Field;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.Node;
import org.apache.logging.log4j.core.config.plugins.PluginVisitorStrategy;
import org.apache.logging.log4j.core.config.plugins.visitors.AbstractPluginVisitor;

/**
 * Injects the element's attributes exactly as written, names and raw values, into a
 * {@code Map<String, String>} field of a builder.
 *
 * <p>Log4j2 gives each builder field one value, matching its name and aliases in any case, and takes that
 * attribute off the element. An attribute written twice, as {@code writer} and {@code writerType} or as
 * {@code RINGSIZE} and {@code ringSize}, would reach the builder as one of the two with no word about the
 * other. The field must come first in the builder, so that it sees the element before any attribute is taken.
 * The visitor leaves only the first of such repeats on the element, so that Log4j2 does not also call the
 * others invalid: the builder refuses them by name. Log4j2 calls the visitor on the thread that builds the
 * configuration.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
@PluginVisitorStrategy(AsWritten.Visitor.class)
@interface AsWritten
{
    /** Copies the attributes still on the element, and takes repeats off it. */
    final class Visitor extends AbstractPluginVisitor<AsWritten>
    {
        public Visitor()
        {
            super(AsWritten.class);
        }

        @Override
        public Object visit(final Configuration configuration, final Node node, final LogEvent event,
            final StringBuilder log)
        {
            final Map<String, String> written = new LinkedHashMap<>(node.getAttributes());
            final Map<String, String> canonical = AttributeNames.canonical(((Field)member).getDeclaringClass());
            final Set<String> seen = new HashSet<>();
            node.getAttributes().keySet().removeIf((name) ->
            {
                final String attribute = canonical.get(name.toLowerCase(Locale.ROOT));
                return attribute != null && !seen.add(attribute);
            });
            return written;
        }
    }
}
