package io.github.unifiedwriter.core;

import com.lmax.disruptor.InsufficientCapacityException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A stop that gives up on a writer stuck inside a write: the counters are final when it returns, nothing but
 * the write already under way reaches the file, the report names what that write may carry, and the slots it
 * may still read are never handed to producers again.
 */
class AbandonedStopTest
{
    @Test
    void countersAreFinalOnceAStopThatGaveUpReturns() throws Exception
    {
        final TornFile file = new TornFile();
        final CountDownLatch release = new CountDownLatch(1);
        final CountDownLatch stuck = new CountDownLatch(1);
        final AtomicReference<UnifiedWriter> self = new AtomicReference<>();
        final AtomicReference<String> report = new AtomicReference<>();
        file.duringWrite = () ->
        {
            self.get().enqueue(Records.record(9, 0));
            stuck.countDown();
            TornFile.awaitUninterruptibly(release);
        };
        final WriterListener listener = new WriterListener()
        {
            @Override
            public void onStopTimedOut(final long failed, final String mayStillReachTheFile)
            {
                report.set(failed + ": " + mayStillReachTheFile);
            }
        };
        final UnifiedWriter writer = UnifiedWriter.start(WriterConfig.builder().ringSize(64).batchSize(8)
            .listener(listener).build(), file);
        self.set(writer);
        for (int i = 0; i < 64; i++)
        {
            assertTrue(writer.enqueue(Records.record(0, i)));
        }
        assertTrue(stuck.await(30, TimeUnit.SECONDS), "the writer is inside its write");

        assertFalse(writer.stop(Duration.ofMillis(20)));
        final WriterMetrics atStop = writer.metrics();
        final int callsAtStop = file.writeCalls.get();
        assertThrows(InsufficientCapacityException.class, writer.ring::tryNext,
            "no slot of the stuck batch is handed out again");
        release.countDown();
        Producers.await(() -> file.closed, "the stuck writer lets go of the file");

        assertEquals(atStop, writer.metrics(), "nothing changes after stop returned");
        assertEquals(callsAtStop, file.writeCalls.get(), "no write began after stop returned");
        assertEquals(0, atStop.pending());
        assertEquals(0, atStop.written(), atStop.toString());
        assertEquals(65, atStop.failed(), "the ring's 64 and the writer's own record: " + atStop);
        Records.assertAccounted(atStop, 65);
        final String text = file.text();
        final int lines = text.isEmpty() ? 0 : text.split("\n").length;
        assertTrue(lines >= 1 && lines <= 8, "only the batch under way reached the file: " + text);
        Records.parse(text);
        assertTrue(report.get().startsWith("65: the " + lines + " records this writer accepted as numbers 0 to " +
            (lines - 1) + " "), report.get());
    }

    @Test
    void aStopWithAZeroTimeoutCountsEveryRecordAsWhatHappenedToIt()
    {
        final TornFile file = new TornFile();
        final UnifiedWriter writer = UnifiedWriter.start(WriterConfig.builder().ringSize(1024).batchSize(16)
            .mode(Mode.LOOP).tick(Duration.ofSeconds(1)).flushInterval(Duration.ofSeconds(1)).build(), file);
        for (int i = 0; i < 1000; i++)
        {
            writer.enqueue(Records.record(0, i));
        }
        final boolean drained = writer.stop(Duration.ZERO);
        final WriterMetrics atStop = writer.metrics();
        Producers.await(() -> file.closed, "the writer lets go of the file");

        assertEquals(atStop, writer.metrics(), "nothing changes after stop returned");
        Records.assertAccounted(atStop, 1000);
        final String text = file.text();
        final int lines = text.isEmpty() ? 0 : text.split("\n").length;
        if (drained)
        {
            assertEquals(1000, atStop.written(), atStop.toString());
            Records.assertComplete(text, 1, 1000);
        }
        else
        {
            assertTrue(lines >= atStop.written() && lines <= atStop.written() + 16,
                "the file holds what was counted as written, and at most the one batch under way: " + lines +
                    " lines, " + atStop);
        }
    }
}
