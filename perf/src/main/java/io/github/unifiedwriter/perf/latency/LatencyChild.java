package io.github.unifiedwriter.perf.latency;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.HdrHistogram.Histogram;

import io.github.unifiedwriter.perf.check.BenchLineParser;
import io.github.unifiedwriter.perf.stack.LogDriver;
import io.github.unifiedwriter.perf.stack.Stack;
import io.github.unifiedwriter.perf.stack.StackStarter;

/**
 * The JVM of one latency run: {@code <stack> <threads> <rate> <warmupSeconds> <seconds> <file> [check-after]}.
 * Producers send at a fixed offered rate, each on its own schedule; a call that starts late is measured
 * from when it should have started, so a stall is not hidden by the calls it delayed. A
 * {@link FileTailer} measures call-to-file latency and checks every line. With {@value #CHECK_AFTER} it reads the
 * file only once the producers are done: it checks every line, takes no CPU from the callers while they are
 * measured, and its call-to-file figures mean nothing.
 */
public final class LatencyChild
{
    /** Printed once the stack is started; the first call is due {@link #ORIGIN_DELAY_MILLIS} later. */
    public static final String STARTED = "UWPERF-LATENCY-STARTED";
    /** From {@link #STARTED} until the first call is due; the warm-up counts from there. */
    public static final long ORIGIN_DELAY_MILLIS = 50;
    /** The optional last argument: check the file after the run instead of following it. */
    public static final String CHECK_AFTER = "check-after";
    private static final long MAX_NANOS = TimeUnit.HOURS.toNanos(1);

    private LatencyChild()
    {
    }

    public static void main(final String[] args) throws Exception
    {
        final Stack stack = Stack.byId(args[0]);
        final int threads = Integer.parseInt(args[1]);
        final double rate = Double.parseDouble(args[2]);
        final long warmupNanos = TimeUnit.MILLISECONDS.toNanos((long)(Double.parseDouble(args[3]) * 1000));
        final long runNanos = TimeUnit.MILLISECONDS.toNanos((long)(Double.parseDouble(args[4]) * 1000));
        final Path file = Path.of(args[5]);
        final boolean follow = args.length < 7 || !CHECK_AFTER.equals(args[6]);

        final LogDriver driver = StackStarter.start(stack, file);
        System.out.println(STARTED);
        System.out.flush();
        final long origin = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(ORIGIN_DELAY_MILLIS);
        final FileTailer tailer = new FileTailer(file, origin, warmupNanos, threads);
        final Thread tailThread = new Thread(tailer, "file-tailer");
        tailThread.setDaemon(true);
        if (follow)
        {
            tailThread.start();
        }

        final long interval = (long)(threads * 1e9 / rate);
        final Producer[] producers = new Producer[threads];
        final Thread[] producerThreads = new Thread[threads];
        for (int p = 0; p < threads; p++)
        {
            producers[p] = new Producer(driver, origin + p * interval / threads, interval, origin + warmupNanos,
                origin + warmupNanos + runNanos, origin);
            producerThreads[p] = new Thread(producers[p], BenchLineParser.THREAD_PREFIX + p);
            producerThreads[p].start();
        }
        for (final Thread t : producerThreads)
        {
            t.join();
        }
        driver.stop();

        long calls = 0;
        long measuredCalls = 0;
        final Histogram caller = new Histogram(MAX_NANOS, 3);
        final Histogram service = new Histogram(MAX_NANOS, 3);
        for (final Producer p : producers)
        {
            calls += p.calls;
            measuredCalls += p.caller.getTotalCount();
            caller.add(p.caller);
            service.add(p.service);
        }
        tailer.finish(calls, System.nanoTime() + TimeUnit.SECONDS.toNanos(30));
        if (!follow)
        {
            tailThread.start();
        }
        tailThread.join(TimeUnit.SECONDS.toMillis(40));

        final boolean complete = tailer.tracker().complete(calls) && tailer.lines() == calls;
        System.out.println(new LatencyMeasure(calls, tailer.lines(), complete, tailer.tracker().missing(),
            tailer.tracker().backwards(), rate, measuredCalls / (runNanos / 1e9), Percentiles.of(caller),
            Percentiles.of(service), Percentiles.of(tailer.histogram()), tailer.failure()).format());
        System.out.flush();
    }

    /** One producer on its own schedule: call k is due at {@code first + k * interval}. */
    private static final class Producer implements Runnable
    {
        private final LogDriver driver;
        private final long first;
        private final long interval;
        private final long measureFrom;
        private final long end;
        private final long origin;
        private final Histogram caller = new Histogram(MAX_NANOS, 3);
        private final Histogram service = new Histogram(MAX_NANOS, 3);
        private long calls;

        Producer(final LogDriver driver, final long first, final long interval, final long measureFrom,
            final long end, final long origin)
        {
            this.driver = driver;
            this.first = first;
            this.interval = interval;
            this.measureFrom = measureFrom;
            this.end = end;
            this.origin = origin;
        }

        @Override
        public void run()
        {
            for (long seq = 0; ; seq++)
            {
                final long intended = first + seq * interval;
                if (intended - end >= 0)
                {
                    calls = seq;
                    return;
                }
                Pacer.awaitNanoTime(intended);
                final long start = System.nanoTime();
                driver.logStamped(seq, intended - origin);
                final long done = System.nanoTime();
                if (intended - measureFrom >= 0)
                {
                    caller.recordValue(Math.min(MAX_NANOS, done - intended));
                    service.recordValue(Math.min(MAX_NANOS, done - start));
                }
            }
        }
    }
}
