package io.github.unifiedwriter.core;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * DROP_OLDEST producers can resolve a failed batch while the writer waits to retry it. The part of a record
 * the failed write left behind must still be removed before anything follows it, and a record the file had
 * already taken whole counts as written, not dropped.
 */
class DiscardDuringBackoffTest
{
    @Test
    void aDiscardThatResolvesTheFailedBatchStillTrimsTheTornRecordAndCountsWhatTheFileTook() throws Exception
    {
        final CountDownLatch inBackoff = new CountDownLatch(1);
        final CountDownLatch retry = new CountDownLatch(1);
        final Backoff heldBackoff = failures ->
        {
            inBackoff.countDown();
            TornFile.awaitUninterruptibly(retry);
            return TimeUnit.MILLISECONDS.toNanos(50);
        };
        final TornFile file = new TornFile();
        file.failNext.set(1);
        final UnifiedWriter writer = UnifiedWriter.start(WriterConfig.builder().ringSize(64).batchSize(32)
            .mode(Mode.MANUAL).policy(QueuePolicy.DROP_OLDEST).build(), heldBackoff, List.of(file));
        writer.enqueue(Records.record(0, 0));
        writer.enqueue(Records.record(0, 1));
        writer.trigger();
        assertTrue(inBackoff.await(30, TimeUnit.SECONDS), "the writer waits to retry");
        assertEquals("0-0\n0-", file.text(), "the failed write took 0-0 whole and tore 0-1");

        final Thread filler = RestartRaceTest.start(() ->
        {
            for (int i = 0; i < 63; i++)
            {
                writer.enqueue(Records.record(1, i));
            }
        });
        Producers.await(() -> writer.remainingCapacity() == 0 && filler.getState() == Thread.State.TIMED_WAITING,
            "the filler waits for the oldest records to go");
        retry.countDown();
        filler.join(30_000);
        assertFalse(filler.isAlive());
        assertTrue(writer.stop(Duration.ofSeconds(30)));

        final String text = file.text();
        Records.parse(text);
        assertTrue(text.startsWith("0-0\n"), text);
        final WriterMetrics m = writer.metrics();
        assertEquals(text.split("\n").length, m.written(), "every line in the file is counted as written: " + m);
        assertEquals(3, m.dropped(), "0-1 and the two oldest of the filler: " + m);
        Records.assertAccounted(m, 65);
    }
}
