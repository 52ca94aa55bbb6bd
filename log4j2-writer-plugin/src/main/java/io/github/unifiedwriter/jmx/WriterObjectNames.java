package io.github.unifiedwriter.jmx;

import java.util.Objects;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;

/**
 * Names the beans: {@code io.github.unifiedwriter:type=UnifiedWriter,context=<context>,name=<appender>}.
 * The context key keeps two LoggerContexts in one JVM (two web applications, say) from colliding on an
 * appender name. Values are quoted only when they must be, so ordinary names read plainly in JConsole's tree.
 *
 * <p>Threads: any.
 */
public final class WriterObjectNames
{
    /** The JMX domain of every bean of ours. */
    public static final String DOMAIN = "io.github.unifiedwriter";
    /** The {@code type} key's value. */
    public static final String TYPE = "UnifiedWriter";

    private WriterObjectNames()
    {
    }

    /**
     * @param contextName  the LoggerContext's name
     * @param appenderName the appender's name
     * @throws IllegalArgumentException if either is null
     */
    public static ObjectName of(final String contextName, final String appenderName)
    {
        if (contextName == null || appenderName == null)
        {
            throw new IllegalArgumentException(
                "context and appender names are required, got '" + contextName + "' and '" + appenderName + "'");
        }
        return parse(DOMAIN + ":type=" + TYPE + ",context=" + value(contextName) + ",name=" + value(appenderName));
    }

    /** Matches every UnifiedWriter bean, for queries. */
    public static ObjectName pattern()
    {
        return parse(DOMAIN + ":type=" + TYPE + ",*");
    }

    /** The value as given, or quoted if it holds a character that would end or change the name. */
    static String value(final String raw)
    {
        Objects.requireNonNull(raw, "raw");
        for (int i = 0, n = raw.length(); i < n; i++)
        {
            switch (raw.charAt(i))
            {
                case ',', '=', ':', '*', '?', '"', '\n':
                    return ObjectName.quote(raw);
                default:
                    break;
            }
        }
        return raw;
    }

    private static ObjectName parse(final String name)
    {
        try
        {
            return new ObjectName(name);
        }
        catch (final MalformedObjectNameException ex)
        {
            throw new IllegalArgumentException("not a valid ObjectName: " + name, ex);
        }
    }
}
