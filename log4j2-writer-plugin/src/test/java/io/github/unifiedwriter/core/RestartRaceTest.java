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
 * Calls that wait for the lifecycle lock while the writer restarts act on the state they find once they hold
 * it, not on the state they saw before: the test holds the lock to line the calls up, restarts the writer
 * under it, and only then lets them in.
 */
class RestartRaceTest
{
    private static final Backoff NO_WAIT = failures -> 1;

    private static UnifiedWriter inFallback(final TornFile file)
    {
        file.failNext.set(1);
        final UnifiedWriter writer = UnifiedWriter.start(WriterConfig.builder().ringSize(256).batchSize(32)
            .maxRestarts(0).build(), NO_WAIT, List.of(file));
        writer.enqueue(Records.record(9, 0));
        Producers.await(() -> writer.metrics().fallbackToSync(), "fallback");
        return writer;
    }

    @Test
    void aFlushThatWaitedWhileTheWriterRestartedLeavesTheRingToTheNewWriter() throws Exception
    {
        final TornFile file = new TornFile();
        final UnifiedWriter writer = inFallback(file);
        final boolean interrupted = writer.lock();
        final Thread flusher = start(() -> writer.flush(Duration.ofSeconds(30)));
        awaitBlocked(flusher);
        file.hold = new CountDownLatch(1);
        file.entered = new CountDownLatch(2);
        writer.restart();
        for (int i = 0; i < 100; i++)
        {
            assertTrue(writer.enqueue(Records.record(0, i)));
        }
        writer.unlock(interrupted);
        Producers.await(() -> !flusher.isAlive() || file.entered.getCount() == 0, "the flush returned or wrote");
        file.hold.countDown();
        flusher.join(30_000);
        assertTrue(writer.stop(Duration.ofSeconds(30)));

        assertFalse(file.overlapped, "two threads were inside the destination at once");
        Records.assertComplete(file.text(), 1, 100);
        final WriterMetrics m = writer.metrics();
        Records.assertAccounted(m, 101);
        assertEquals(100, m.written(), m.toString());
    }

    @Test
    void aReopenThatWaitedWhileTheWriterRestartedIsLeftToTheNewWriter() throws Exception
    {
        final TornFile file = new TornFile();
        final UnifiedWriter writer = inFallback(file);
        final boolean interrupted = writer.lock();
        // Under the lock: the fallback reopens the failed file under it too, after its state is already visible.
        final int reopensBefore = file.reopens.get();
        final Thread reopener = start(writer::reopen);
        awaitBlocked(reopener);
        file.hold = new CountDownLatch(1);
        file.entered = new CountDownLatch(1);
        writer.restart();
        assertTrue(writer.enqueue(Records.record(0, 0)));
        assertTrue(file.entered.await(30, TimeUnit.SECONDS), "the writer is inside its write");
        writer.unlock(interrupted);
        reopener.join(30_000);
        assertFalse(reopener.isAlive());
        assertEquals(reopensBefore, file.reopens.get(), "nobody reopened the file under the running writer's write");
        file.hold.countDown();
        writer.flush(Duration.ofSeconds(30));
        Producers.await(() -> file.reopens.get() == reopensBefore + 1, "the writer reopens between two batches");
        assertTrue(writer.stop(Duration.ofSeconds(30)));
        assertFalse(file.overlapped, "two threads were inside the destination at once");
        assertEquals("0-0\n", file.text());
    }

    static Thread start(final Runnable body)
    {
        final Thread thread = new Thread(body, "racing-call");
        thread.start();
        return thread;
    }

    /** Waits until the thread is parked, here: queued for the lock the test holds. */
    static void awaitBlocked(final Thread thread)
    {
        Producers.await(() -> thread.getState() == Thread.State.WAITING, thread.getName() + " waits for the lock");
    }
}
