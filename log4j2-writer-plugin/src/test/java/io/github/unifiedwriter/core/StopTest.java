package io.github.unifiedwriter.core;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StopTest
{
    @Test
    void stopIsIdempotentAndAnEnqueueAfterStopIsRefusedAndCountedAsDropped()
    {
        final MemoryDestination destination = new MemoryDestination();
        final UnifiedWriter writer = UnifiedWriter.start(WriterConfig.builder().build(), destination);
        for (int i = 0; i < 10; i++)
        {
            writer.enqueue(Records.record(0, i));
        }
        assertTrue(writer.stop());
        assertTrue(writer.stop());
        assertTrue(writer.isStopped());
        assertFalse(writer.enqueue(Records.record(0, 10)));
        final WriterMetrics m = writer.metrics();
        assertEquals(10, m.written());
        assertEquals(1, m.dropped());
        Records.assertAccounted(m, 11);
        Records.assertComplete(destination.text(), 1, 10);
    }

    @Test
    void recordsLeftAtTheDeadlineCountAsFailedAndNothingIsPending()
    {
        final MemoryDestination destination = new MemoryDestination().closeGate();
        final UnifiedWriter writer = UnifiedWriter.start(WriterConfig.builder().build(), destination);
        for (int i = 0; i < 100; i++)
        {
            writer.enqueue(Records.record(0, i));
        }
        assertFalse(writer.stop(Duration.ofMillis(100)), "the destination never returns");
        final WriterMetrics m = writer.metrics();
        assertEquals(100, m.failed());
        Records.assertAccounted(m, 100);
        destination.openGate();
        Producers.await(() -> destination.closed, "writer leaves once the destination returns");
        assertEquals(100, writer.metrics().failed(), "a late write does not change the final counts");
        assertEquals(0, writer.metrics().written());
    }

    @Test
    void stopWhileEightThreadsLogAccountsForEveryCall()
    {
        final MemoryDestination destination = new MemoryDestination();
        final UnifiedWriter writer = UnifiedWriter.start(WriterConfig.builder().ringSize(256).build(), destination);
        final Producers producers = Producers.start(writer, 8, 20_000);
        Producers.await(() -> writer.metrics().written() > 1000, "some written");
        assertTrue(writer.stop(Duration.ofSeconds(30)));
        producers.join();
        final WriterMetrics m = writer.metrics();
        Records.assertAccounted(m, producers.calls.get());
        assertEquals(m.written(), Records.count(Records.parse(destination.text())));
        assertEquals(producers.accepted.get(), m.written(), "accepted means written");
    }

    @Test
    void drainsOnStopInEveryMode()
    {
        for (final Mode mode : Mode.values())
        {
            final MemoryDestination destination = new MemoryDestination();
            final UnifiedWriter writer = UnifiedWriter.start(WriterConfig.builder().mode(mode).build(), destination);
            for (int i = 0; i < 1000; i++)
            {
                writer.enqueue(Records.record(0, i));
            }
            assertTrue(writer.stop(), mode.name());
            Records.assertComplete(destination.text(), 1, 1000);
            assertTrue(destination.closed);
        }
    }
}
