package io.github.unifiedwriter.perf.stack;

import java.net.URL;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.util.StatusPrinter2;

/**
 * Drives a Logback configuration through Logback's own API, without SLF4J's service lookup, so nothing
 * depends on which SLF4J binding the class path holds.
 */
public final class LogbackDriver implements LogDriver
{
    private LoggerContext context;
    private Logger logger;

    @Override
    public void start(final URL config) throws Exception
    {
        context = new LoggerContext();
        // SLF4J's service lookup would set this; a context made by hand needs it before the first event.
        context.setMDCAdapter(new LogbackMDCAdapter());
        final JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        configurator.doConfigure(config);
        context.start();
        new StatusPrinter2().printInCaseOfErrorsOrWarnings(context);
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

    @Override
    public void stop()
    {
        context.stop();
    }
}
