package io.github.unifiedwriter.core;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RetryIsolationTest
{
    @Test
    void dropOldestProducersNeverWaitThroughTheWritersRetryBackoff()
    {
        final MemoryDestination destination = new MemoryDestination().failNext(Integer.MAX_VALUE, new IOException("EIO"));
        final UnifiedWriter writer = UnifiedWriter.start(WriterConfig.builder().ringSize(64).maxRestarts(8)
            .policy(QueuePolicy.DROP_OLDEST).build(), destination);
        for (int i = 0; i < 5000; i++)
        {
            assertTrue(writer.enqueue(Records.record(0, i)));
        }
        // Eight backoffs add up to 25 s; the producer got through while the writer was still retrying.
        final WriterMetrics during = writer.metrics();
        assertFalse(during.fallbackToSync(), "finished within the retries: " + during);
        assertTrue(during.errors() <= 8, during.toString());
        assertTrue(during.dropped() > 0);
        writer.stop(Duration.ofMillis(200));
        Records.assertAccounted(writer.metrics(), 5000);
    }

    @Test
    void aCrashOfTheWriterLoopItselfIsARestartAndLosesNothing()
    {
        final MemoryDestination destination = new MemoryDestination().failNext(1, new IOException("once"));
        final AtomicInteger heard = new AtomicInteger();
        final WriterListener throwing = new WriterListener()
        {
            @Override
            public void onError(final Throwable error, final int restartsInARow)
            {
                heard.incrementAndGet();
                throw new IllegalStateException("listener bug");
            }
        };
        final UnifiedWriter writer = UnifiedWriter.start(WriterConfig.builder().listener(throwing).build(), destination);
        final Producers producers = Producers.start(writer, 2, 1000);
        producers.join();
        assertTrue(writer.stop(Duration.ofSeconds(30)));
        Records.assertComplete(destination.text(), 2, 1000);
        final WriterMetrics m = writer.metrics();
        assertEquals(2, m.errors(), "the destination's error and the loop's own");
        assertEquals(1, heard.get(), "the listener hears the destination's error, not its own failure");
        assertEquals(1, m.restarts(), "the loop restarted once, and the batch was then written: " + m);
        assertTrue(m.lastError().contains("IllegalStateException: listener bug"),
            "the loop's failure came last: " + m.lastError());
        Records.assertAccounted(m, 2000);
    }
}
