package io.github.unifiedwriter.perf.monitor;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.management.JMException;
import javax.management.MBeanServerConnection;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;

/**
 * One UnifiedWriter appender seen through JMX only, local or remote, exactly as JConsole sees it: no
 * compile-time link to the plugin's classes. The demo, the comparison's children and the soak all read
 * their counters here. Safe from any thread.
 */
public final class WriterBean
{
    /** Every UnifiedWriter MXBean, in every logger context. */
    public static final String QUERY = "io.github.unifiedwriter:type=UnifiedWriter,*";

    /** The counters printed for each appender, in this order. */
    public static final List<String> COUNTERS = List.of("Offered", "Enqueued", "Written", "Dropped", "Failed", "Errors",
        "Restarts", "Pending", "Batches", "BytesWritten", "RemainingCapacity");

    private final MBeanServerConnection server;
    private final ObjectName name;

    public WriterBean(final MBeanServerConnection server, final ObjectName name)
    {
        this.server = server;
        this.name = name;
    }

    /** The beans registered in this JVM. */
    public static List<WriterBean> local()
    {
        return find(ManagementFactory.getPlatformMBeanServer());
    }

    public static List<WriterBean> find(final MBeanServerConnection server)
    {
        try
        {
            final List<WriterBean> beans = new ArrayList<>();
            for (final ObjectName n : server.queryNames(new ObjectName(QUERY), null))
            {
                beans.add(new WriterBean(server, n));
            }
            beans.sort((a, b) -> a.name.toString().compareTo(b.name.toString()));
            return beans;
        }
        catch (final MalformedObjectNameException ex)
        {
            throw new IllegalStateException(ex);
        }
        catch (final IOException ex)
        {
            throw new IllegalStateException("JMX connection failed", ex);
        }
    }

    public ObjectName objectName()
    {
        return name;
    }

    /** The appender's name, from the ObjectName. */
    public String appender()
    {
        return ObjectName.unquote(quoted(name.getKeyProperty("name")));
    }

    public long counter(final String attribute)
    {
        return ((Number)attribute(attribute)).longValue();
    }

    public String text(final String attribute)
    {
        final Object value = attribute(attribute);
        return value == null ? "" : value.toString();
    }

    /** True if the appender holds records until triggered: the flight recorder. */
    public boolean manual()
    {
        return "manual".equals(text("Mode").toLowerCase(Locale.ROOT));
    }

    public void invoke(final String operation)
    {
        try
        {
            server.invoke(name, operation, new Object[0], new String[0]);
        }
        catch (final JMException | IOException ex)
        {
            throw new IllegalStateException(name + "." + operation + "() failed", ex);
        }
    }

    private Object attribute(final String attribute)
    {
        try
        {
            return server.getAttribute(name, attribute);
        }
        catch (final JMException | IOException ex)
        {
            throw new IllegalStateException("cannot read " + attribute + " of " + name, ex);
        }
    }

    @Override
    public String toString()
    {
        return name.toString();
    }

    private static String quoted(final String value)
    {
        return value.startsWith("\"") ? value : ObjectName.quote(value);
    }
}
