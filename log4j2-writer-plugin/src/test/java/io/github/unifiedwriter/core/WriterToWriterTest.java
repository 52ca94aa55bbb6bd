package io.github.unifiedwriter.core;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

import io.github.unifiedwriter.core.BatchDestination.RecordBatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A writer thread that logs into another writer's full ring does not wait for room: on a reload, the next
 * writer may be waiting for this one to let go of the file before it writes anything.
 */
class WriterToWriterTest
{
    @Test
    void aWriterThreadLoggingIntoAnotherFullRingIsRefusedInsteadOfWaiting() throws Exception
    {
        final TornFile nextFile = new TornFile();
        nextFile.hold = new CountDownLatch(1);
        final UnifiedWriter next = UnifiedWriter.start(WriterConfig.builder().ringSize(64).build(), nextFile);
        for (int i = 0; i < 64; i++)
        {
            assertTrue(next.enqueue(ByteBuffer.wrap(Records.record(0, i)), false, false, RecordBatch.NO_TIME));
        }
        assertEquals(0, next.remainingCapacity());

        final TornFile retiringFile = new TornFile();
        final AtomicBoolean accepted = new AtomicBoolean(true);
        retiringFile.duringWrite = () -> accepted.set(next.enqueue(ByteBuffer.wrap(Records.record(1, 0)), false, false,
            RecordBatch.NO_TIME));
        final UnifiedWriter retiring = UnifiedWriter.start(WriterConfig.builder().ringSize(64).build(), retiringFile);
        retiring.enqueue(Records.record(2, 0));
        assertTrue(retiring.stop(Duration.ofSeconds(30)), "the retiring writer finished its write");
        assertFalse(accepted.get(), "the record it logged into the full ring was refused");

        nextFile.hold.countDown();
        assertTrue(next.stop(Duration.ofSeconds(30)));
        final WriterMetrics m = next.metrics();
        assertEquals(65, m.offered(), m.toString());
        assertEquals(64, m.written(), m.toString());
        assertEquals(1, m.dropped(), m.toString());
        Records.assertComplete(nextFile.text(), 1, 64);
    }
}
