package io.github.unifiedwriter.perf.memory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.apache.logging.log4j.Logger;

import io.github.unifiedwriter.perf.check.BenchLineParser;
import io.github.unifiedwriter.perf.stack.Log4j2Driver;
import io.github.unifiedwriter.perf.stack.LogDriver;
import io.github.unifiedwriter.perf.stack.Stack;
import io.github.unifiedwriter.perf.stack.StackStarter;

/**
 * The JVM of one memory run: {@code <stack> <recordBytes> <threads> <events> <file>}. Measures the heap
 * (after a full collection) and the direct and mapped buffers three times: before the stack starts; once it
 * has logged {@code events} records of {@code recordBytes} each, with its producer threads still alive; and
 * after the producers have ended and the stack is stopped. What stopping freed is what one appender, with
 * its ring, its buffers and its callers' per-thread state, held while it ran.
 */
public final class MemoryChild
{
    /** Lines from a memory child start with this. */
    public static final String PREFIX = "UWPERF-MEMORY ";
    /** What the pattern puts before the message for a thread named {@code producer-N}: date, level, thread, logger. */
    private static final int PREFIX_BYTES = "2026-01-01 00:00:00.000 INFO  [producer-0] Bench - ".length();

    private MemoryChild()
    {
    }

    public static void main(final String[] args) throws Exception
    {
        final Stack stack = Stack.byId(args[0]);
        final int recordBytes = Integer.parseInt(args[1]);
        final int threads = Integer.parseInt(args[2]);
        final long events = Long.parseLong(args[3]);
        final Path file = Path.of(args[4]);

        final MemoryUse before = MemoryUse.measure();
        final LogDriver driver = StackStarter.start(stack, file);
        if (!(driver instanceof Log4j2Driver))
        {
            throw new IllegalArgumentException("memory runs Log4j2 stacks only, not " + stack.id());
        }
        final Logger logger = ((Log4j2Driver)driver).logger();
        final String message = "m".repeat(Math.max(1, recordBytes - PREFIX_BYTES - 1));

        final CountDownLatch logged = new CountDownLatch(threads);
        final CountDownLatch measured = new CountDownLatch(1);
        final Thread[] producers = new Thread[threads];
        for (int p = 0; p < threads; p++)
        {
            final long share = events / threads;
            producers[p] = new Thread(() ->
            {
                for (long i = 0; i < share; i++)
                {
                    logger.info(message);
                }
                logged.countDown();
                awaitQuietly(measured);
            }, BenchLineParser.THREAD_PREFIX + p);
            producers[p].start();
        }
        logged.await();
        final MemoryUse running = MemoryUse.measure();
        measured.countDown();
        for (final Thread t : producers)
        {
            t.join();
        }
        driver.stop();
        final MemoryUse stopped = MemoryUse.measure();

        System.out.println(PREFIX + "stack=" + stack.id() + " recordBytes=" + firstLineBytes(file) + " threads=" + threads
            + " events=" + events + before.format("before") + running.format("running") + stopped.format("stopped"));
    }

    /** The length of the file's first line with its newline: the record size really written. */
    private static int firstLineBytes(final Path file) throws IOException
    {
        try (InputStream in = Files.newInputStream(file))
        {
            int n = 0;
            int b;
            while ((b = in.read()) >= 0)
            {
                n++;
                if (b == '\n')
                {
                    return n;
                }
            }
            return -1;
        }
    }

    private static void awaitQuietly(final CountDownLatch latch)
    {
        try
        {
            latch.await();
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
    }

    /** The words of one report line. */
    static Map<String, String> words(final String line)
    {
        final Map<String, String> words = new HashMap<>();
        for (final String word : line.substring(PREFIX.length()).trim().split(" "))
        {
            final int eq = word.indexOf('=');
            words.put(word.substring(0, eq), word.substring(eq + 1));
        }
        return words;
    }
}
