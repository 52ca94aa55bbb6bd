package io.github.unifiedwriter.core;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A stop called from a thread whose interrupt flag is set, as a cancelled task or an executor shutting down. */
class InterruptedStopTest
{
    @Test
    void anInterruptedStopStillDrainsTheRingAndKeepsTheFlag() throws Exception
    {
        final TornFile file = new TornFile();
        file.hold = new CountDownLatch(1);
        final UnifiedWriter writer = UnifiedWriter.start(WriterConfig.builder().ringSize(8192).build(), file);
        for (int i = 0; i < 4000; i++)
        {
            assertTrue(writer.enqueue(Records.record(0, i)));
        }
        final Thread stopping = Thread.currentThread();
        final Thread opener = RestartRaceTest.start(() ->
        {
            Producers.await(() -> writer.isStopped() && stopping.getState() == Thread.State.TIMED_WAITING,
                "stop waits for the writer");
            file.hold.countDown();
        });

        Thread.currentThread().interrupt();
        final boolean drained = writer.stop(Duration.ofSeconds(30));
        assertTrue(Thread.interrupted(), "the interrupt flag is restored");
        opener.join(30_000);

        assertTrue(drained, writer.metrics().toString());
        Records.assertComplete(file.text(), 1, 4000);
        final WriterMetrics m = writer.metrics();
        assertEquals(4000, m.written(), m.toString());
        Records.assertAccounted(m, 4000);
    }
}
