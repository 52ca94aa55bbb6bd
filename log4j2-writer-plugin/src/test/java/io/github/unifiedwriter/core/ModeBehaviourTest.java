package io.github.unifiedwriter.core;

import org.junit.jupiter.api.Test;

import java.time.Duration;

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
        final MemoryDestination destination = new MemoryDestination().closeGate();
        final UnifiedWriter writer = UnifiedWriter.start(
            WriterConfig.builder().batchSize(10).bufferSize(40).build(), destination);
        for (int i = 0; i < 100; i++)
        {
            writer.enqueue(Records.record(0, i)); // 4 to 5 bytes each
        }
        destination.openGate();
        assertTrue(writer.stop());
        final WriterMetrics m = writer.metrics();
        assertTrue(m.batches() >= 100 * 4 / 40, "batches " + m.batches());
        Records.assertComplete(destination.text(), 1, 100);
        assertEquals(destination.text().length(), m.bytesWritten());
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
