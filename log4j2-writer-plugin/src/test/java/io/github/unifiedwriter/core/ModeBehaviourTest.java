package io.github.unifiedwriter.core;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ModeBehaviourTest
{
    @Test
    void triggerWritesALoneRecordWithoutWaitingForAnother()
    {
        final MemoryDestination destination = new MemoryDestination();
        final UnifiedWriter writer = UnifiedWriter.start(
            WriterConfig.builder().flushInterval(Duration.ofHours(1)).build(), destination);
        writer.enqueue(Records.record(0, 0));
        Producers.await(() -> destination.text().equals("0-0\n"), "a lone record is written");
        writer.stop();
    }

    @Test
    void loopWritesWithinTheFlushIntervalAndGathersRecordsIntoFewWrites()
    {
        final MemoryDestination destination = new MemoryDestination();
        final UnifiedWriter writer = UnifiedWriter.start(WriterConfig.builder().mode(Mode.LOOP)
            .tick(Duration.ofMillis(5)).flushInterval(Duration.ofMillis(200)).build(), destination);
        for (int i = 0; i < 100; i++)
        {
            writer.enqueue(Records.record(0, i));
        }
        Producers.await(() -> writer.metrics().written() == 100, "written after the flush interval");
        assertTrue(destination.writes() <= 2, "100 quick records took " + destination.writes() + " writes");
        writer.stop();
        Records.assertComplete(destination.text(), 1, 100);
    }

    @Test
    void loopWritesAFullBatchWithoutWaitingForTheInterval()
    {
        final MemoryDestination destination = new MemoryDestination();
        final UnifiedWriter writer = UnifiedWriter.start(WriterConfig.builder().mode(Mode.LOOP).batchSize(50)
            .flushInterval(Duration.ofHours(1)).build(), destination);
        for (int i = 0; i < 100; i++)
        {
            writer.enqueue(Records.record(0, i));
        }
        Producers.await(() -> writer.metrics().written() == 100, "full batches written");
        writer.stop();
        Records.assertComplete(destination.text(), 1, 100);
    }

    @Test
    void batchesRespectBatchSizeAndBufferSize()
    {
        final int records = 200; // 4, 5 and then 6 bytes each
        final MemoryDestination destination = new MemoryDestination().closeGate();
        final UnifiedWriter writer = UnifiedWriter.start(
            WriterConfig.builder().batchSize(10).bufferSize(55).build(), destination);
        for (int i = 0; i < records; i++)
        {
            writer.enqueue(Records.record(0, i));
        }
        destination.openGate();
        assertTrue(writer.stop());
        final WriterMetrics m = writer.metrics();
        Records.assertComplete(destination.text(), 1, records);
        assertEquals(destination.text().length(), m.bytesWritten());
        final List<MemoryDestination.Offered> batches = destination.offered();
        assertEquals(batches.size(), m.batches(), "one write call per batch");
        int next = 0;
        int cutByCount = 0;
        int cutBySize = 0;
        for (int b = 0; b < batches.size(); b++)
        {
            final MemoryDestination.Offered batch = batches.get(b);
            assertTrue(batch.records() <= 10 && batch.bytes() <= 55, "batch " + b + " too large: " + batches);
            next += batch.records();
            // The first batch may be cut while the producer still enqueues; every later one finds all the
            // records published, so it ends only where one more record would break a limit.
            if (b > 0 && next < records)
            {
                final boolean bySize = batch.bytes() + Records.record(0, next).length > 55;
                assertTrue(batch.records() == 10 || bySize, "batch " + b + " cut short: " + batches);
                cutByCount += bySize ? 0 : 1;
                cutBySize += bySize ? 1 : 0;
            }
        }
        assertEquals(records, next, "records offered");
        assertTrue(cutByCount > 0 && cutBySize > 0, "both limits cut a batch: " + batches);
    }

    @Test
    void aBatchOfFewerRecordsThanBatchSizeIsStillCutAtBufferSize()
    {
        // TRIGGER cuts such a batch once to see whether it fills a write, and again to write it.
        final int records = 60; // 4, 5 and then 6 bytes each
        final MemoryDestination destination = new MemoryDestination().closeGate();
        final UnifiedWriter writer = UnifiedWriter.start(
            WriterConfig.builder().mode(Mode.TRIGGER).batchSize(1000).bufferSize(20).build(), destination);
        for (int i = 0; i < records; i++)
        {
            writer.enqueue(Records.record(0, i));
        }
        destination.openGate();
        Producers.await(() -> writer.metrics().written() == records, "every record written while running");
        assertTrue(writer.stop());
        Records.assertComplete(destination.text(), 1, records);
        final List<MemoryDestination.Offered> batches = destination.offered();
        for (int b = 0; b < batches.size(); b++)
        {
            assertTrue(batches.get(b).bytes() <= 20, "batch " + b + " too large: " + batches);
        }
    }

    @Test
    void flushReturnsOnceEverythingPublishedBeforeItIsWritten()
    {
        for (final Mode mode : Mode.values())
        {
            final MemoryDestination destination = new MemoryDestination().slow(100_000);
            final UnifiedWriter writer = UnifiedWriter.start(WriterConfig.builder().mode(mode)
                .flushInterval(Duration.ofHours(1)).build(), destination);
            for (int i = 0; i < 300; i++)
            {
                writer.enqueue(Records.record(0, i));
            }
            assertTrue(writer.flush(Duration.ofSeconds(30)), mode.name());
            assertEquals(300, writer.metrics().written(), mode.name());
            writer.stop();
        }
    }
}
