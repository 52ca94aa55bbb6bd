package io.github.unifiedwriter.core;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FailureRecoveryTest
{
    private static WriterConfig.Builder config(final int maxRestarts)
    {
        return WriterConfig.builder().ringSize(256).batchSize(32).maxRestarts(maxRestarts);
    }

    @Test
    void aDestinationThatFailsKTimesMidBatchLosesNothingAndWritesNothingTwice()
    {
        final MemoryDestination destination = new MemoryDestination().failNext(3, new IOException("disk full"));
        final UnifiedWriter writer = UnifiedWriter.start(config(5).build(), destination);
        final Producers producers = Producers.start(writer, 4, 500);
        producers.join();
        assertTrue(writer.stop(Duration.ofSeconds(30)));
        Records.assertComplete(destination.text(), 4, 500);
        final WriterMetrics m = writer.metrics();
        assertEquals(3, m.errors());
        assertEquals(3, m.restarts());
        assertEquals(3, destination.reopens);
        assertEquals(2000, m.written());
        assertFalse(m.fallbackToSync());
        Records.assertAccounted(m, 2000);
    }

    @Test
    void aDestinationThatAlwaysFailsFallsBackToSyncAfterMaxRestartsWithTheRightCounts()
    {
        final MemoryDestination destination = new MemoryDestination().failNext(Integer.MAX_VALUE, new IOException("EIO"));
        final List<String> events = new ArrayList<>();
        final WriterListener listener = new WriterListener()
        {
            @Override
            public void onError(final Throwable error, final int restartsInARow)
            {
                synchronized (events)
                {
                    events.add("error " + restartsInARow);
                }
            }

            @Override
            public void onFallbackToSync(final Throwable lastError)
            {
                synchronized (events)
                {
                    events.add("fallback");
                }
            }
        };
        final UnifiedWriter writer = UnifiedWriter.start(config(2).listener(listener).build(), destination);
        writer.enqueue(Records.record(0, 0));
        // The listener hears of the fallback after the state changed: wait for what is asserted.
        Producers.await(() -> writer.metrics().fallbackToSync() && heard(events, "fallback"), "fallback");
        synchronized (events)
        {
            assertEquals(List.of("error 1", "error 2", "error 3", "fallback"), events);
        }
        WriterMetrics m = writer.metrics();
        assertEquals(1, m.failed(), "the batch that exhausted the retries counts as failed");
        assertEquals(3, m.errors());
        assertNotNull(m.lastError());

        assertFalse(writer.enqueue(Records.record(0, 1)), "written synchronously, and failed");
        m = writer.metrics();
        assertEquals(2, m.failed());
        assertEquals(4, m.errors());
        writer.stop();
        Records.assertAccounted(writer.metrics(), 2);
    }

    @Test
    void anErrorThrownByADestinationIsHandledLikeAnException()
    {
        final MemoryDestination destination = new MemoryDestination().failNext(2, new StackOverflowError("deep"));
        final UnifiedWriter writer = UnifiedWriter.start(config(5).build(), destination);
        final Producers producers = Producers.start(writer, 2, 300);
        producers.join();
        assertTrue(writer.stop(Duration.ofSeconds(30)));
        Records.assertComplete(destination.text(), 2, 300);
        assertEquals(2, writer.metrics().errors());
        assertTrue(writer.metrics().lastError().contains("StackOverflowError"));
    }

    @Test
    void withoutAutoRestartTheFirstFailureFallsBackAndSyncWritesKeepOrder()
    {
        final MemoryDestination destination = new MemoryDestination().failNext(1, new IOException("once"));
        final UnifiedWriter writer = UnifiedWriter.start(config(10).autoRestart(false).build(), destination);
        writer.enqueue(Records.record(0, 0));
        Producers.await(() -> writer.metrics().fallbackToSync(), "fallback");
        for (int i = 1; i < 100; i++)
        {
            assertTrue(writer.enqueue(Records.record(0, i)));
        }
        final WriterMetrics m = writer.metrics();
        assertEquals(99, m.written());
        assertEquals(1, m.failed());
        assertTrue(destination.text().endsWith("0-99\n"));

        writer.restart();
        assertFalse(writer.metrics().fallbackToSync());
        for (int i = 100; i < 200; i++)
        {
            assertTrue(writer.enqueue(Records.record(0, i)));
        }
        assertTrue(writer.stop(Duration.ofSeconds(30)));
        final String text = destination.text();
        Records.parse(text);
        assertTrue(text.endsWith("0-199\n"));
        Records.assertAccounted(writer.metrics(), 200);
        assertEquals(199, writer.metrics().written());
    }

    @Test
    void aFailingDestinationDoesNotStarveAnotherAndEachResumesFromItsOwnPosition()
    {
        final MemoryDestination healthy = new MemoryDestination();
        final MemoryDestination flaky = new MemoryDestination().failNext(4, new IOException("flaky"));
        final UnifiedWriter writer = UnifiedWriter.start(config(10).build(), healthy, flaky);
        final Producers producers = Producers.start(writer, 3, 400);
        producers.join();
        assertTrue(writer.stop(Duration.ofSeconds(30)));
        Records.assertComplete(healthy.text(), 3, 400);
        Records.assertComplete(flaky.text(), 3, 400);
        assertEquals(1200, writer.metrics().written());
        assertEquals(4, writer.metrics().errors());
    }

    @Test
    void aBatchThatCouldNotBeForcedCountsAsFailedAndIsNotWrittenAgain()
    {
        final MemoryDestination destination = new MemoryDestination();
        final BatchDestination forcing = new BatchDestination()
        {
            private boolean failedOnce;

            @Override
            public void write(final RecordBatch batch) throws IOException
            {
                destination.write(batch);
                if (!failedOnce)
                {
                    failedOnce = true;
                    throw new java.io.SyncFailedException("fsync: EIO");
                }
            }

            @Override
            public void close()
            {
            }
        };
        final UnifiedWriter writer = UnifiedWriter.start(config(5).build(), forcing);
        writer.enqueue(Records.record(0, 0));
        assertTrue(writer.flush(Duration.ofSeconds(30)));
        writer.enqueue(Records.record(0, 1));
        assertTrue(writer.stop(Duration.ofSeconds(30)));
        assertEquals("0-0\n0-1\n", destination.text());
        final WriterMetrics m = writer.metrics();
        assertEquals(1, m.failed());
        assertEquals(1, m.written());
        assertTrue(m.lastError().contains("fsync"), m.lastError());
    }

    private static boolean heard(final List<String> events, final String event)
    {
        synchronized (events)
        {
            return events.contains(event);
        }
    }
}
