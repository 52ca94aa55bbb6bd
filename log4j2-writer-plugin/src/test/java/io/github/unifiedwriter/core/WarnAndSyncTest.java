package io.github.unifiedwriter.core;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WarnAndSyncTest
{
    @Test
    void warnReportsDropsAtMostOncePerIntervalAndEveryDropIsReportedByStop()
    {
        final AtomicLong reported = new AtomicLong();
        final AtomicInteger warnings = new AtomicInteger();
        final WriterListener listener = new WriterListener()
        {
            @Override
            public void onDropWarning(final long droppedSinceLastWarning)
            {
                reported.addAndGet(droppedSinceLastWarning);
                warnings.incrementAndGet();
            }
        };
        final MemoryDestination destination = new MemoryDestination().closeGate();
        final UnifiedWriter writer = UnifiedWriter.start(WriterConfig.builder().ringSize(64)
            .policy(QueuePolicy.WARN).warnInterval(Duration.ofHours(1)).listener(listener).build(), destination);
        for (int i = 0; i < 1000; i++)
        {
            writer.enqueue(Records.record(0, i));
        }
        assertEquals(1, warnings.get(), "one warning within the interval");
        destination.openGate();
        writer.stop();
        assertEquals(writer.metrics().dropped(), reported.get());
        Records.assertAccounted(writer.metrics(), 1000);
    }

    @Test
    void synchronousModeWritesOnTheCallersThreadWithTheSameCounters()
    {
        final MemoryDestination destination = new MemoryDestination();
        final Thread[] writingThread = new Thread[1];
        destination.duringWrite = () -> writingThread[0] = Thread.currentThread();
        final UnifiedWriter writer = UnifiedWriter.start(WriterConfig.builder().async(false).build(), destination);
        for (int i = 0; i < 100; i++)
        {
            assertTrue(writer.enqueue(Records.record(0, i)));
            assertEquals(i + 1, writer.metrics().written(), "written before enqueue returns");
        }
        assertEquals(Thread.currentThread(), writingThread[0]);
        final Producers producers = Producers.start(writer, 4, 500);
        producers.join();
        assertTrue(writer.stop());
        final WriterMetrics m = writer.metrics();
        Records.assertAccounted(m, 2100);
        assertEquals(2100, m.written());
        assertEquals(2100, m.enqueued());
        assertTrue(destination.closed);
    }
}
