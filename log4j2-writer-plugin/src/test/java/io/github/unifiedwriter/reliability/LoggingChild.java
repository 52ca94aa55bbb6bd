package io.github.unifiedwriter.reliability;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLongArray;

import io.github.unifiedwriter.log4j2.UnifiedWriterAppender;
import io.github.unifiedwriter.testing.NumberedLines;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.core.LoggerContext;

/**
 * Run in a child JVM by the suite, configured by {@code -Dlog4j2.configurationFile}; its appender is named
 * "child". Four threads log the numbered lines of {@link NumberedLines#message}.
 *
 * <ul>
 *   <li>{@code until-killed}: logs as fast as it can, says "ready" once 1000 lines are written, and waits
 *   to be killed;</li>
 *   <li>{@code shutdown-hook <lines>}: registers a shutdown hook that calls {@link LogManager#shutdown()},
 *   logs {@code lines} lines per thread, and lets {@code main} return;</li>
 *   <li>{@code exit-while-logging}: registers the same hook, and calls {@code System.exit(0)} once 1000 lines
 *   are written, while the threads still log.</li>
 * </ul>
 *
 * <p>The hook notes how many calls of each thread had returned when it began, and prints them after the
 * shutdown as {@code returned <n0> <n1> <n2> <n3>}: every one of those lines must be in the file.
 */
public final class LoggingChild
{
    static final int THREADS = 4;
    static final int READY_AFTER = 1000;
    private static final long LIMIT = 2_000_000;
    /** Per thread: how many of its log calls have returned. */
    private static final AtomicLongArray RETURNED = new AtomicLongArray(THREADS);

    private LoggingChild()
    {
    }

    public static void main(final String[] args) throws Exception
    {
        final Logger logger = LogManager.getLogger("child");
        if ("until-killed".equals(args[0]))
        {
            start(logger, LIMIT);
            awaitWritten();
            System.out.println("ready");
            System.out.flush();
            Thread.sleep(Long.MAX_VALUE);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(LoggingChild::shutDown, "shutdown-logging"));
        if ("exit-while-logging".equals(args[0]))
        {
            start(logger, LIMIT);
            awaitWritten();
            System.exit(0);
        }
        join(start(logger, Long.parseLong(args[1])));
    }

    /** The shutdown hook: counts the calls that have returned, then shuts Log4j2 down, then prints the counts. */
    private static void shutDown()
    {
        final StringBuilder returned = new StringBuilder("returned");
        for (int t = 0; t < THREADS; t++)
        {
            returned.append(' ').append(RETURNED.get(t));
        }
        LogManager.shutdown();
        System.out.println(returned);
        System.out.flush();
    }

    private static void awaitWritten() throws InterruptedException
    {
        final UnifiedWriterAppender appender =
            ((LoggerContext)LogManager.getContext(false)).getConfiguration().getAppender("child");
        while (appender.getManager().metrics().written() < READY_AFTER)
        {
            Thread.sleep(1);
        }
    }

    private static List<Thread> start(final Logger logger, final long lines)
    {
        final List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < THREADS; t++)
        {
            final int id = t;
            final Thread thread = new Thread(() ->
            {
                for (long i = 0; i < lines; i++)
                {
                    logger.info(NumberedLines.message(id, i));
                    RETURNED.lazySet(id, i + 1);
                }
            }, "child-" + t);
            thread.setDaemon(true);
            thread.start();
            threads.add(thread);
        }
        return threads;
    }

    private static void join(final List<Thread> threads) throws InterruptedException
    {
        for (final Thread thread : threads)
        {
            thread.join();
        }
    }
}
