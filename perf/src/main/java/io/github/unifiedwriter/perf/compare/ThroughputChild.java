package io.github.unifiedwriter.perf.compare;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

import io.github.unifiedwriter.perf.check.BenchLineParser;
import io.github.unifiedwriter.perf.check.SequenceTracker;
import io.github.unifiedwriter.perf.stack.LogDriver;
import io.github.unifiedwriter.perf.stack.Stack;
import io.github.unifiedwriter.perf.stack.StackStarter;

/**
 * The JVM of one comparison run: {@code <stack> <threads> <events> <file>}. Producer threads log their
 * share of the events as fast as they can; the clock stops when the stack's stop has returned, that is
 * when every line is in the file. Prints one {@link RunMeasure#PREFIX} line for the parent.
 */
public final class ThroughputChild
{
    private ThroughputChild()
    {
    }

    public static void main(final String[] args) throws Exception
    {
        final Stack stack = Stack.byId(args[0]);
        final int threads = Integer.parseInt(args[1]);
        final long events = Long.parseLong(args[2]);
        final Path file = Path.of(args[3]);

        final LogDriver driver = StackStarter.start(stack, file);
        final com.sun.management.OperatingSystemMXBean os =
            (com.sun.management.OperatingSystemMXBean)ManagementFactory.getOperatingSystemMXBean();

        final CountDownLatch go = new CountDownLatch(1);
        final Thread[] producers = new Thread[threads];
        for (int p = 0; p < threads; p++)
        {
            final long share = SequenceTracker.share(events, threads, p);
            producers[p] = new Thread(() -> produce(driver, go, share), BenchLineParser.THREAD_PREFIX + p);
            producers[p].start();
        }

        final long cpuStart = os.getProcessCpuTime();
        final long start = System.nanoTime();
        go.countDown();
        for (final Thread producer : producers)
        {
            producer.join();
        }
        final long callsDone = System.nanoTime();
        driver.stop();
        final long end = System.nanoTime();
        final long cpuEnd = os.getProcessCpuTime();

        System.out.println(new RunMeasure(callsDone - start, end - start, cpuEnd - cpuStart,
            StackStarter.disruptorJar()).format());
        System.out.flush();
    }

    private static void produce(final LogDriver driver, final CountDownLatch go, final long count)
    {
        try
        {
            go.await();
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            return;
        }
        for (long seq = 0; seq < count; seq++)
        {
            driver.log(seq);
        }
    }
}
