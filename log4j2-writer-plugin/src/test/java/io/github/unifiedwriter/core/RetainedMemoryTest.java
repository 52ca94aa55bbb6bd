package io.github.unifiedwriter.core;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Arrays;

import io.github.unifiedwriter.core.BatchDestination.RecordBatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RetainedMemoryTest
{
    @Test
    void aHugeRecordIsWrittenWholeAndTheRingDoesNotKeepItsMemory()
    {
        final MemoryDestination destination = new MemoryDestination();
        final WriterConfig config = WriterConfig.builder().ringSize(256).build();
        final UnifiedWriter writer = UnifiedWriter.start(config, destination);
        final long bound = (long)config.ringSize() * Destinations.Slot.RETAINED_BYTES;
        assertTrue(RingMemory.retained(writer) <= bound);

        final byte[] huge = new byte[4 * 1024 * 1024];
        Arrays.fill(huge, (byte)'x');
        huge[huge.length - 1] = '\n';
        for (int i = 0; i < 3; i++)
        {
            writer.enqueue(ByteBuffer.wrap(huge), true, false, RecordBatch.NO_TIME);
            writer.enqueue(Records.record(0, i));
        }
        assertTrue(writer.flush(Duration.ofSeconds(30)));
        assertTrue(RingMemory.retained(writer) <= bound,
            "retained " + RingMemory.retained(writer) + " bytes, bound " + bound);
        writer.stop();
        final String text = destination.text();
        assertEquals(3 * huge.length + 3 * 4, text.length());
        final String hugeLine = new String(huge, java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(hugeLine + "0-0\n" + hugeLine + "0-1\n" + hugeLine + "0-2\n", text);
    }

    @Test
    void theCallersBufferIsCopiedAndItsPositionIsNotMoved()
    {
        final MemoryDestination destination = new MemoryDestination();
        final UnifiedWriter writer = UnifiedWriter.start(WriterConfig.builder().build(), destination);
        final ByteBuffer reused = ByteBuffer.allocateDirect(64);
        for (int i = 0; i < 100; i++)
        {
            reused.clear();
            reused.put(Records.record(0, i)).flip();
            writer.enqueue(reused, true, false, RecordBatch.NO_TIME);
            assertEquals(0, reused.position());
        }
        writer.stop();
        Records.assertComplete(destination.text(), 1, 100);
    }
}
