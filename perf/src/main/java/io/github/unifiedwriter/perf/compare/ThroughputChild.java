package io.github.unifiedwriter.perf.compare;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;

import io.github.unifiedwriter.perf.check.BenchLineParser;
import io.github.unifiedwriter.perf.check.SequenceTracker;
import io.github.unifiedwriter.perf.monitor.WriterBean;
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
    /** Each producer's own CPU time, set by that producer as it ends; read after join. */
    private static long[] producerCpu;

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

        // The report is read once before the clock starts, so that the platform MBean server and the JMX
        // and reflection paths it needs are ready, and reading it after the last call takes well under a
        // millisecond of the time charged to the stack's drain.
        final List<WriterBean> beans = WriterBean.local();
        final ThreadMXBean threadBean = ManagementFactory.getThreadMXBean();
        producerCpu = new long[threads];
        threadCpu(threadBean, beans);
        final CountDownLatch go = new CountDownLatch(1);
        final Thread[] producers = new Thread[threads];
        for (int p = 0; p < threads; p++)
        {
            final long share = SequenceTracker.share(events, threads, p);
            final int index = p;
            producers[p] = new Thread(() -> produce(driver, go, share, index), BenchLineParser.THREAD_PREFIX + p);
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
        final String threadCpu = threadCpu(threadBean, beans);
        driver.stop();
        final long end = System.nanoTime();
        final long cpuEnd = os.getProcessCpuTime();
        System.out.println(threadCpu);

        System.out.println(new RunMeasure(callsDone - start, end - start, cpuEnd - cpuStart,
            StackStarter.disruptorJar()).format());
        System.out.flush();
    }

    /**
     * CPU time of each live thread that used at least a millisecond, read after the producers' last call
     * and before stop: where a run's CPU went, producers against the stack's own threads.
     */
    private static String threadCpu(final ThreadMXBean threads, final List<WriterBean> beans)
    {
        final StringBuilder line = new StringBuilder("thread CPU ms:");
        for (int p = 0; p < producerCpu.length; p++)
        {
            line.append(' ').append(BenchLineParser.THREAD_PREFIX).append(p).append('=').append(producerCpu[p] / 1_000_000);
        }
        for (final ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds()))
        {
            final long cpu = info == null ? -1 : threads.getThreadCpuTime(info.getThreadId());
            if (cpu >= 1_000_000)
            {
                line.append(' ').append(info.getThreadName().replace(' ', '_')).append('=').append(cpu / 1_000_000);
            }
        }
        for (final WriterBean bean : beans)
        {
            final long batches = bean.counter("Batches");
            line.append(String.format(Locale.ROOT, "; %s: %,d records in %,d write batches", bean.appender(),
                bean.counter("Written"), batches));
        }
        return line.toString();
    }

    private static void produce(final LogDriver driver, final CountDownLatch go, final long count, final int index)
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
        producerCpu[index] = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }
}
