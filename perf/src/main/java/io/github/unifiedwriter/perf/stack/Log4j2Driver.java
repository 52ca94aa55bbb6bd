package io.github.unifiedwriter.perf.stack;

import java.io.InputStream;
import java.net.URL;

import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.config.ConfigurationSource;
import org.apache.logging.log4j.core.config.Configurator;

/** Drives a Log4j2 configuration through the Log4j2 API, as an application would. */
public final class Log4j2Driver implements LogDriver
{
    private LoggerContext context;
    private Logger logger;

    @Override
    public void start(final URL config) throws Exception
    {
        try (InputStream in = config.openStream())
        {
            context = Configurator.initialize(null, new ConfigurationSource(in, config));
        }
        if (context == null)
        {
            throw new IllegalStateException("Log4j2 refused the configuration " + config);
        }
        logger = context.getLogger(LOGGER);
    }

    @Override
    public void log(final long seq)
    {
        logger.info(MESSAGE, seq, PRICE, CLIENT);
    }

    @Override
    public void logStamped(final long seq, final long sentNanos)
    {
        logger.info(STAMPED_MESSAGE, seq, PRICE, CLIENT, sentNanos);
    }

    /** The configured logger, for callers that log their own way (the garbage-free JMH benchmarks). */
    public Logger logger()
    {
        return logger;
    }

    @Override
    public void stop()
    {
        Configurator.shutdown(context);
    }
}
