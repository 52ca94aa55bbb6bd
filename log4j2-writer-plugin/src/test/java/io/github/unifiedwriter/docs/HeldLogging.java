package io.github.unifiedwriter.docs;

import java.io.IOException;
import java.nio.file.Path;

import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.config.Configurator;

/**
 * A small application that logs slowly through a configuration until its standard input closes, so that a
 * JMX client (JConsole, or a test) can watch its counters move.
 *
 * <p>Arguments: the configuration file, and optionally the pause between two log calls in milliseconds (10 by
 * default). It prints {@code ready <pid>} once its appenders are registered.
 */
public final class HeldLogging
{
    private HeldLogging()
    {
    }

    public static void main(final String[] args) throws InterruptedException
    {
        final Path config = Path.of(args[0]).toAbsolutePath();
        final long pauseMillis = args.length > 1 ? Long.parseLong(args[1]) : 10;
        final LoggerContext context = Configurator.initialize("held", null, config.toUri());
        final Thread watcher = new Thread(() ->
        {
            try
            {
                while (System.in.read() >= 0)
                {
                    // wait for the end of the input
                }
            }
            catch (final IOException ex)
            {
                // the parent is gone: stop as well
            }
            Configurator.shutdown(context);
            System.exit(0);
        }, "stdin-watcher");
        watcher.setDaemon(true);
        watcher.start();

        final Logger logger = context.getLogger("held.Logging");
        System.out.println("ready " + ProcessHandle.current().pid());
        System.out.flush();
        for (long i = 0; ; i++)
        {
            logger.info("held line {}", i);
            if (i % 100 == 99)
            {
                logger.error("held error {}", i);
            }
            Thread.sleep(pauseMillis);
        }
    }
}
