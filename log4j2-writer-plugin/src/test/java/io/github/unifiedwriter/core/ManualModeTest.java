package io.github.unifiedwriter.core;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.github.unifiedwriter.core.BatchDestination.RecordBatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ManualModeTest
{
    private static WriterConfig.Builder manual()
    {
        return WriterConfig.builder().mode(Mode.MANUAL).flushInterval(Duration.ofMillis(5));
    }

    @Test
    void nothingIsWrittenBeforeTriggerAndEverythingPublishedBeforeItIsWrittenAfter() throws Exception
    {
        final MemoryDestination destination = new MemoryDestination();
        final UnifiedWriter writer = UnifiedWriter.start(manual().build(), destination);
        for (int i = 0; i < 500; i++)
        {
            assertTrue(writer.enqueue(Records.record(0, i)));
        }
        Thread.sleep(100); // several idle timeouts of the writer pass; still nothing may be written
        assertEquals("", destination.text());
        assertEquals(0, destination.writes());
        assertEquals(500, writer.metrics().pending());

        writer.trigger();
        Producers.await(() -> writer.metrics().written() == 500, "written after trigger");
        Records.assertComplete(destination.text(), 1, 500);
        assertEquals(0, writer.metrics().pending());
        writer.stop();
    }

    @Test
    void aTriggeringRecordReleasesItselfAndEverythingBeforeItButNothingAfter() throws Exception
    {
        final MemoryDestination destination = new MemoryDestination();
        final UnifiedWriter writer = UnifiedWriter.start(manual().build(), destination);
        for (int i = 0; i < 10; i++)
        {
            writer.enqueue(java.nio.ByteBuffer.wrap(Records.record(0, i)), true, i == 6, RecordBatch.NO_TIME);
        }
        Producers.await(() -> writer.metrics().written() == 7, "context up to the trigger written");
        Thread.sleep(50);
        assertEquals(7, writer.metrics().written());
        assertEquals(3, writer.metrics().pending());
        writer.stop();
        Records.assertComplete(destination.text(), 1, 10);
    }

    @Test
    void flushImpliesTriggerAndStopWritesEverything()
    {
        final MemoryDestination destination = new MemoryDestination();
        final UnifiedWriter writer = UnifiedWriter.start(manual().build(), destination);
        for (int i = 0; i < 100; i++)
        {
            writer.enqueue(Records.record(0, i));
        }
        assertTrue(writer.flush(Duration.ofSeconds(30)));
        assertEquals(100, writer.metrics().written());
        for (int i = 100; i < 200; i++)
        {
            writer.enqueue(Records.record(0, i));
        }
        assertTrue(writer.stop(Duration.ofSeconds(30)));
        Records.assertComplete(destination.text(), 1, 200);
    }

    @Test
    void aFullRingUnderBlockIsWrittenRatherThanStallingTheProducer()
    {
        final MemoryDestination destination = new MemoryDestination();
        final UnifiedWriter writer = UnifiedWriter.start(manual().ringSize(64).build(), destination);
        final Producers producers = Producers.start(writer, 2, 5000);
        producers.join();
        assertTrue(writer.metrics().written() >= 10_000 - 64, "written without a trigger: " + writer.metrics());
        writer.stop();
        Records.assertComplete(destination.text(), 2, 5000);
    }

    @Test
    void flightRecorderKeepsTheLatestContiguousRunAndDumpsItOnTrigger()
    {
        final MemoryDestination destination = new MemoryDestination();
        final UnifiedWriter writer = UnifiedWriter.start(
            manual().ringSize(1024).policy(QueuePolicy.DROP_OLDEST).build(), destination);
        for (int i = 1; i <= 10_000; i++)
        {
            assertTrue(writer.enqueue(Records.record(0, i)), "DROP_OLDEST accepts the newest record");
        }
        assertEquals("", destination.text(), "nothing written before the trigger");
        writer.trigger();
        Producers.await(() -> writer.metrics().pending() == 0, "dumped");
        final WriterMetrics m = writer.metrics();
        final Map<Integer, List<Integer>> out = Records.parse(destination.text());
        final List<Integer> kept = out.get(0);
        assertEquals(10_000, kept.get(kept.size() - 1), "ends with the newest record");
        assertTrue(kept.size() >= 512, "kept " + kept.size());
        for (int i = 1; i < kept.size(); i++)
        {
            assertEquals(kept.get(i - 1) + 1, kept.get(i), "one contiguous run");
        }
        assertEquals(10_000, m.dropped() + m.written());
        assertEquals(kept.size(), m.written());
        writer.stop();
        Records.assertAccounted(writer.metrics(), 10_000);
    }
}
