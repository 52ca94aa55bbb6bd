package io.github.unifiedwriter.jmx;

import javax.management.InstanceAlreadyExistsException;
import javax.management.InstanceNotFoundException;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * Registers a bean over whatever holds its name. A reload that failed half-way can leave a bean under the
 * name the new configuration wants; the current configuration owns the name, so the stale bean goes.
 *
 * <p>Threads: the owner's lifecycle thread. Two threads registering the same name race, and the last wins.
 */
final class Registrations
{
    private static final int ATTEMPTS = 3;

    private Registrations()
    {
    }

    /** Registers {@code bean} as {@code name}, unregistering a bean already there. Returns the name. */
    static ObjectName replacing(final MBeanServer server, final ObjectName name, final Object bean)
        throws JMException
    {
        for (int attempt = 1; ; attempt++)
        {
            try
            {
                return server.registerMBean(bean, name).getObjectName();
            }
            catch (final InstanceAlreadyExistsException ex)
            {
                if (attempt == ATTEMPTS)
                {
                    throw ex; // something keeps registering this name: do not fight it forever
                }
                unregisterIfPresent(server, name);
            }
        }
    }

    /** Unregisters {@code name}; returns false if nothing was registered under it. */
    static boolean unregisterIfPresent(final MBeanServer server, final ObjectName name) throws JMException
    {
        try
        {
            server.unregisterMBean(name);
            return true;
        }
        catch (final InstanceNotFoundException ex)
        {
            return false;
        }
    }
}
