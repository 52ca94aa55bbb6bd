package io.github.unifiedwriter.core;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A listener's exception is counted as an error and changes nothing else the writer does. */
class ThrowingListenerTest
{
    private static final Backoff NO_WAIT = failures -> 1;

    @Test
    void aListenerThatThrowsOnFallbackLeavesNoWriterThreadBehind() throws Exception
    {
        final TornFile file = new TornFile();
        final AtomicReference<Thread> firstWriter = new AtomicReference<>();
        file.duringWrite = () -> firstWriter.compareAndSet(null, Thread.currentThread());
        file.failNext.set(1);
        final WriterListener throwing = new WriterListener()
        {
            @Override
            public void onFallbackToSync(final Throwable lastError)
            {
                throw new IllegalStateException("listener bug");
            }
        };
        final UnifiedWriter writer = UnifiedWriter.start(WriterConfig.builder().ringSize(256).maxRestarts(0)
            .listener(throwing).build(), NO_WAIT, List.of(file));
        writer.enqueue(Records.record(9, 0));
        Producers.await(() -> writer.metrics().fallbackToSync(), "fallback");
        firstWriter.get().join(30_000);
        assertFalse(firstWriter.get().isAlive(), "the writer thread that fell back has ended");

        for (int i = 0; i < 500; i++)
        {
            writer.enqueue(Records.record(0, i));
        }
        writer.restart();
        for (int i = 500; i < 1000; i++)
        {
            writer.enqueue(Records.record(0, i));
        }
        assertTrue(writer.stop(Duration.ofSeconds(30)));

        assertFalse(file.overlapped, "two threads were inside the destination at once");
        Records.assertComplete(file.text(), 1, 1000);
        final WriterMetrics m = writer.metrics();
        assertEquals(1000, m.written(), m.toString());
        assertEquals(2, m.errors(), "the write failure and the listener's: " + m);
        assertTrue(m.lastError().contains("listener bug"), m.lastError());
        Records.assertAccounted(m, 1001);
    }

    @Test
    void aListenerThatThrowsOnErrorStillGetsTheBackoffAndTheReopen()
    {
        final TornFile file = new TornFile();
        file.failNext.set(1);
        final int[] backoffs = new int[1];
        final WriterListener throwing = new WriterListener()
        {
            @Override
            public void onError(final Throwable error, final int restartsInARow)
            {
                throw new IllegalStateException("listener bug");
            }
        };
        final UnifiedWriter writer = UnifiedWriter.start(WriterConfig.builder().ringSize(256).maxRestarts(3)
            .listener(throwing).build(), failures -> ++backoffs[0], List.of(file));
        writer.enqueue(Records.record(0, 0));
        writer.enqueue(Records.record(0, 1));
        assertTrue(writer.stop(Duration.ofSeconds(30)));

        assertEquals(1, backoffs[0], "one backoff before the retry");
        assertEquals(1, file.reopens.get(), "the torn record was trimmed by a reopen");
        Records.assertComplete(file.text(), 1, 2);
        final WriterMetrics m = writer.metrics();
        assertNotNull(m.lastError());
        assertEquals(2, m.errors(), m.toString());
        Records.assertAccounted(m, 2);
    }
}
