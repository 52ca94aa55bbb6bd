package io.github.unifiedwriter.jmx;

import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.Map;
import javax.management.MBeanOperationInfo;

/**
 * Reads the {@link Description} annotations of an MBean interface once, keyed the way JMX names things:
 * {@code getWritten} and {@code isFallbackToSync} become the attributes {@code Written} and
 * {@code FallbackToSync}; other methods are operations under their own name.
 *
 * <p>Threads: any; immutable after construction.
 */
final class Descriptions
{
    private final Map<String, Description> attributes = new HashMap<>();
    private final Map<String, Description> operations = new HashMap<>();

    Descriptions(final Class<?> mbeanInterface)
    {
        for (final Method method : mbeanInterface.getMethods())
        {
            final Description description = method.getAnnotation(Description.class);
            if (description != null)
            {
                final String attribute = attributeName(method);
                if (attribute != null)
                {
                    attributes.put(attribute, description);
                }
                else
                {
                    operations.put(method.getName(), description);
                }
            }
        }
    }

    /** The attribute's description, or null if it has none. */
    String attribute(final String name)
    {
        final Description description = attributes.get(name);
        return description == null ? null : description.value();
    }

    /** The operation's description, or null if it has none. */
    String operation(final String name)
    {
        final Description description = operations.get(name);
        return description == null ? null : description.value();
    }

    /** The operation's impact, {@link MBeanOperationInfo#UNKNOWN} if it declares none. */
    int impact(final String name)
    {
        final Description description = operations.get(name);
        return description == null ? MBeanOperationInfo.UNKNOWN : description.impact();
    }

    private static String attributeName(final Method method)
    {
        if (method.getParameterCount() != 0 || method.getReturnType() == void.class)
        {
            return null;
        }
        final String name = method.getName();
        if (name.startsWith("get") && name.length() > 3)
        {
            return name.substring(3);
        }
        if (name.startsWith("is") && name.length() > 2 && method.getReturnType() == boolean.class)
        {
            return name.substring(2);
        }
        return null;
    }
}
