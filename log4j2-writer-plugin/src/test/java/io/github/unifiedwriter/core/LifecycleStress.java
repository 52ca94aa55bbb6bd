package io.github.unifiedwriter.core;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

import io.github.unifiedwriter.core.BatchDestination.RecordBatch;

/**
 * One seeded run of the writer's whole life under concurrent abuse: producers enqueue while a control thread
 * flushes, triggers, restarts, reopens and reconfigures, against a destination that fails, tears records and
 * slows down at random; then a stop, sometimes racing the producers, sometimes with a deadline too short to
 * drain. The seed fixes the settings and every thread's chain of actions; the interleaving varies from run to
 * run, so a failure reports the seed, the settings, the actions and the counters.
 */
public final class LifecycleStress
{
    private static final Backoff QUICK = failures -> 10_000;
    private static final int PRODUCERS = 3;

    private final long seed;
    private final Random random;
    private final WriterConfig config;
    private final TornFile file;
    private final int perProducer;
    private final boolean stopRacesProducers;
    private final ConcurrentLinkedQueue<String> actions = new ConcurrentLinkedQueue<>();
    private final BitSet[] accepted = new BitSet[PRODUCERS];
    private final AtomicLong calls = new AtomicLong();

    /** @param seed fixes the settings and every thread's chain of actions */
    public LifecycleStress(final long seed)
    {
        this.seed = seed;
        this.random = new Random(seed);
        final Mode mode = pick(Mode.values());
        config = WriterConfig.builder().name("stress-" + seed)
            .ringSize(pick(new Integer[] {64, 128, 256}))
            .batchSize(pick(new Integer[] {1, 8, 32}))
            .mode(mode)
            .tick(Duration.ofMillis(1))
            .flushInterval(Duration.ofMillis(2))
            .policy(pick(QueuePolicy.values()))
            .blockTimeout(random.nextBoolean() ? null : Duration.ofMillis(5))
            .maxRestarts(pick(new Integer[] {0, 1, 3}))
            .async(random.nextInt(10) > 0)
            .shutdownTimeout(random.nextInt(10) == 0 ? Duration.ofMillis(1) : Duration.ofSeconds(20))
            .build();
        file = new TornFile(seed, pick(new Double[] {0.0, 0.05, 0.2}), random.nextBoolean() ? 0 : 50_000);
        perProducer = 100 + random.nextInt(200);
        stopRacesProducers = random.nextInt(4) == 0;
        for (int p = 0; p < PRODUCERS; p++)
        {
            accepted[p] = new BitSet();
        }
    }

    /**
     * Runs the seed and checks the outcome.
     *
     * @return null if every check held, otherwise what failed, with all that is needed to diagnose it
     */
    public String run() throws InterruptedException
    {
        final UnifiedWriter writer = UnifiedWriter.start(config, QUICK, List.of(file));
        final List<Thread> threads = new ArrayList<>();
        for (int p = 0; p < PRODUCERS; p++)
        {
            threads.add(producer(writer, p, new Random(seed * 31 + p)));
        }
        final Thread control = control(writer, new Random(seed * 31 + PRODUCERS), 20 + random.nextInt(20));
        threads.add(control);
        threads.forEach(Thread::start);
        if (!stopRacesProducers)
        {
            for (final Thread t : threads)
            {
                t.join(60_000);
            }
        }
        final boolean drained = writer.stop();
        final WriterMetrics atStop = writer.metrics();
        final int writeCallsAtStop = file.writeCalls.get();
        for (final Thread t : threads)
        {
            t.join(60_000);
            if (t.isAlive())
            {
                return describe("thread " + t.getName() + " still running: a deadlock", atStop, writer.metrics());
            }
        }
        final long bound = System.nanoTime() + 60_000_000_000L;
        while (!file.closed && System.nanoTime() < bound)
        {
            Thread.sleep(1);
        }
        return check(drained, atStop, writer.metrics(), writeCallsAtStop);
    }

    private String check(final boolean drained, final WriterMetrics atStop, final WriterMetrics end,
        final int writeCallsAtStop)
    {
        if (!file.closed)
        {
            return describe("the destination was never closed", atStop, end);
        }
        if (file.overlapped)
        {
            return describe("two threads were inside the destination at once", atStop, end);
        }
        if (file.writtenAfterClose)
        {
            return describe("a write reached the destination after it was closed", atStop, end);
        }
        if (atStop.written() != end.written() || atStop.failed() != end.failed() || end.pending() != 0)
        {
            return describe("written, failed or pending changed after stop returned", atStop, end);
        }
        if (!stopRacesProducers && !atStop.equals(end))
        {
            return describe("the counters changed after stop returned", atStop, end);
        }
        if (drained && file.writeCalls.get() != writeCallsAtStop)
        {
            return describe("a write began after a drained stop returned", atStop, end);
        }
        if (end.offered() != calls.get() || end.offered() != end.written() + end.dropped() + end.failed())
        {
            return describe("calls " + calls.get() + " != offered, or offered != written + dropped + failed",
                atStop, end);
        }
        final String text = file.text();
        final int[] next = new int[PRODUCERS];
        long lines = 0;
        if (!text.isEmpty() && !text.endsWith("\n"))
        {
            return describe("the file ends in a torn record", atStop, end);
        }
        for (final String line : text.isEmpty() ? new String[0] : text.split("\n", -1))
        {
            if (line.isEmpty())
            {
                continue;
            }
            final String problem = line(line, next);
            if (problem != null)
            {
                return describe(problem, atStop, end);
            }
            lines++;
        }
        if (drained ? lines != end.written() : lines < end.written())
        {
            return describe(lines + " whole lines in the file for " + end.written() + " records written", atStop, end);
        }
        return null;
    }

    private String line(final String line, final int[] next)
    {
        final int dash = line.indexOf('-');
        final int p;
        final int n;
        try
        {
            p = Integer.parseInt(line.substring(0, dash));
            n = Integer.parseInt(line.substring(dash + 1));
        }
        catch (final RuntimeException e)
        {
            return "torn or interleaved line '" + line + "'";
        }
        if (p < 0 || p >= PRODUCERS || n < next[p])
        {
            return "line '" + line + "' repeated or out of order";
        }
        synchronized (accepted[p])
        {
            if (!accepted[p].get(n))
            {
                return "line '" + line + "' was refused to its caller, yet written";
            }
        }
        next[p] = n + 1;
        return null;
    }

    private Thread producer(final UnifiedWriter writer, final int p, final Random own)
    {
        return new Thread(() ->
        {
            for (int i = 0; i < perProducer; i++)
            {
                final boolean droppable = own.nextInt(8) > 0;
                final boolean trigger = own.nextInt(50) == 0;
                calls.incrementAndGet();
                if (writer.enqueue(ByteBuffer.wrap((p + "-" + i + "\n").getBytes(StandardCharsets.UTF_8)), droppable, trigger,
                    RecordBatch.NO_TIME))
                {
                    synchronized (accepted[p])
                    {
                        accepted[p].set(i);
                    }
                }
                else if (config.policy() == QueuePolicy.BLOCK && !droppable && !writer.isStopped() &&
                    !writer.metrics().fallbackToSync())
                {
                    actions.add("p" + p + " refused " + i);
                }
                if (own.nextInt(16) == 0)
                {
                    Thread.yield();
                }
            }
        }, "producer-" + p);
    }

    private Thread control(final UnifiedWriter writer, final Random own, final int count)
    {
        return new Thread(() ->
        {
            for (int i = 0; i < count; i++)
            {
                final int action = own.nextInt(7);
                actions.add(i + ":" + new String[] {"flush", "trigger", "restart", "reopen", "update", "pause",
                    "heal"}[action]);
                switch (action)
                {
                    case 0 -> writer.flush(Duration.ofMillis(own.nextInt(20)));
                    case 1 -> writer.trigger();
                    case 2 -> writer.restart();
                    case 3 -> writer.reopen();
                    case 4 -> writer.update(writer.config().toBuilder()
                        .policy(QueuePolicy.values()[own.nextInt(QueuePolicy.values().length)])
                        .maxRestarts(own.nextInt(4)).build());
                    case 5 -> spin(own.nextInt(200_000));
                    default -> file.failNext.set(0);
                }
            }
        }, "control");
    }

    private static void spin(final long nanos)
    {
        final long end = System.nanoTime() + nanos;
        while (System.nanoTime() < end)
        {
            Thread.yield();
        }
    }

    private <T> T pick(final T[] values)
    {
        return values[random.nextInt(values.length)];
    }

    private String describe(final String problem, final WriterMetrics atStop, final WriterMetrics end)
    {
        final String text = file.text();
        return "seed " + seed + ": " + problem + "\n  settings: " + config + ", " + perProducer +
            " records per producer, stop races producers: " + stopRacesProducers + "\n  actions: " + actions +
            "\n  at stop: " + atStop + "\n  at end:  " + end + "\n  file (" + text.length() + " bytes), last 300: " +
            text.substring(Math.max(0, text.length() - 300)).replace("\n", "|") + "\n  rerun: -Dstress.seed=" + seed +
            " -Dstress.seeds=1";
    }

}
