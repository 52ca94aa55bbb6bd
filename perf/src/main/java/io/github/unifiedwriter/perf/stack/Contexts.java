package io.github.unifiedwriter.perf.stack;

import java.net.URISyntaxException;
import java.net.URL;

import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.config.Configurator;
import org.apache.logging.log4j.core.config.DefaultConfiguration;

/** Starts a named Log4j2 context from a configuration file or class path resource. */
public final class Contexts
{
    private Contexts()
    {
    }

    /**
     * @param name the context's name, which JMX shows as {@code context=} in the ObjectNames
     * @throws IllegalStateException if Log4j2 could not use the configuration (it would otherwise fall
     *                               back to its console default without a word to the caller)
     */
    public static LoggerContext start(final String name, final URL config)
    {
        final LoggerContext context;
        try
        {
            context = Configurator.initialize(name, null, config.toURI());
        }
        catch (final URISyntaxException ex)
        {
            throw new IllegalArgumentException("bad configuration location " + config, ex);
        }
        if (context == null || context.getConfiguration() instanceof DefaultConfiguration)
        {
            throw new IllegalStateException("Log4j2 could not use " + config + " (see its status messages above)");
        }
        return context;
    }
}
