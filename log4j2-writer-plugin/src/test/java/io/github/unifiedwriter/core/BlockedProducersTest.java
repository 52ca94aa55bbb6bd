package io.github.unifiedwriter.core;

import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import io.github.unifiedwriter.core.BatchDestination.RecordBatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BlockedProducersTest
{
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private static long cpuNanos(final List<Thread> threads)
    {
        return threads.stream().mapToLong(t -> Math.max(0, THREADS.getThreadCpuTime(t.getId()))).sum();
    }

    private static boolean allWaiting(final List<Thread> threads)
    {
        return threads.stream().allMatch(t -> t.getState() == Thread.State.WAITING ||
            t.getState() == Thread.State.TIMED_WAITING);
    }

    @Test
    void sixteenProducersBlockedOnAFullRingUseAlmostNoCpu() throws Exception
    {
        final MemoryDestination destination = new MemoryDestination().closeGate();
        final UnifiedWriter writer = UnifiedWriter.start(WriterConfig.builder().ringSize(64).build(), destination);
        final List<Thread> threads = new ArrayList<>();
        final Producers producers = Producers.start(writer, 16, 200);
        Producers.await(() -> writer.remainingCapacity() == 0, "ring full");
        for (final Thread t : Thread.getAllStackTraces().keySet())
        {
            if (t.getName().startsWith("producer-"))
            {
                threads.add(t);
            }
        }
        Producers.await(() -> allWaiting(threads), "producers parked");
        final long before = cpuNanos(threads);
        Thread.sleep(1000);
        final long used = cpuNanos(threads) - before;
        assertTrue(used < 100_000_000L, "16 blocked producers used " + used / 1_000_000 + " ms of CPU in 1 s");

        destination.openGate();
        producers.join();
        assertTrue(writer.stop(Duration.ofSeconds(30)));
        Records.assertComplete(destination.text(), 16, 200);
    }

    @Test
    void anInterruptedProducerWaitsWithoutSpinningKeepsItsFlagAndLosesNothing() throws Exception
    {
        final MemoryDestination destination = new MemoryDestination().closeGate();
        final UnifiedWriter writer = UnifiedWriter.start(WriterConfig.builder().ringSize(64).build(), destination);
        for (int i = 0; i < 64 + 32; i++)
        {
            writer.enqueue(Records.record(0, i));
            if (writer.remainingCapacity() == 0)
            {
                break;
            }
        }
        final long filled = writer.metrics().enqueued();
        final AtomicBoolean flagAfter = new AtomicBoolean();
        final Thread producer = new Thread(() ->
        {
            Thread.currentThread().interrupt();
            writer.enqueue(Records.record(1, 0));
            flagAfter.set(Thread.currentThread().isInterrupted());
        }, "interrupted-producer");
        producer.start();
        Producers.await(() -> producer.getState() == Thread.State.TIMED_WAITING, "parked");
        final long before = THREADS.getThreadCpuTime(producer.getId());
        Thread.sleep(500);
        producer.interrupt();
        Thread.sleep(100);
        final long used = THREADS.getThreadCpuTime(producer.getId()) - before;
        assertTrue(used < 50_000_000L, "an interrupted waiting producer used " + used / 1_000_000 + " ms of CPU");
        assertTrue(producer.isAlive(), "still waiting for room");

        destination.openGate();
        producer.join(30_000);
        assertTrue(flagAfter.get(), "interrupt flag kept");
        assertTrue(writer.stop(Duration.ofSeconds(30)));
        assertEquals(filled + 1, writer.metrics().written());
        assertTrue(destination.text().contains("1-0\n"));
    }

    @Test
    void blockTimeoutDropsAndCountsARecordThatWaitedTooLong()
    {
        final MemoryDestination destination = new MemoryDestination().closeGate();
        final UnifiedWriter writer = UnifiedWriter.start(
            WriterConfig.builder().ringSize(64).blockTimeout(Duration.ofMillis(20)).build(), destination);
        int accepted = 0;
        for (int i = 0; i < 200; i++)
        {
            accepted += writer.enqueue(Records.record(0, i)) ? 1 : 0;
        }
        assertTrue(accepted < 200);
        assertEquals(200 - accepted, writer.metrics().dropped());
        destination.openGate();
        assertTrue(writer.stop(Duration.ofSeconds(30)));
        Records.assertAccounted(writer.metrics(), 200);
        assertEquals(accepted, Records.count(Records.parse(destination.text())));
    }

    @Test
    void aRecordThatIsNotDroppableWaitsUnderADropPolicyAndIsWritten()
    {
        final MemoryDestination destination = new MemoryDestination().closeGate();
        final UnifiedWriter writer = UnifiedWriter.start(
            WriterConfig.builder().ringSize(64).policy(QueuePolicy.DROP_NEWEST).build(), destination);
        for (int i = 0; i < 100; i++)
        {
            writer.enqueue(Records.record(0, i));
        }
        assertTrue(writer.metrics().dropped() > 0);
        final Thread important = new Thread(() ->
            assertTrue(writer.enqueue(ByteBuffer.wrap(Records.record(1, 0)), false, false, RecordBatch.NO_TIME)));
        important.start();
        Producers.await(() -> important.getState() == Thread.State.TIMED_WAITING, "waits for room");
        destination.openGate();
        Producers.await(() -> !important.isAlive(), "accepted");
        assertTrue(writer.stop(Duration.ofSeconds(30)));
        assertTrue(destination.text().contains("1-0\n"));
        assertFalse(writer.metrics().dropped() > 100);
    }
}
