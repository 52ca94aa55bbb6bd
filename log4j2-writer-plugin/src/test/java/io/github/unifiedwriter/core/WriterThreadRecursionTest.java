package io.github.unifiedwriter.core;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WriterThreadRecursionTest
{
    @Test
    void aRecordLoggedByTheWriterThreadOnAFullRingIsWrittenAfterTheBatchWithoutDeadlock()
    {
        final MemoryDestination destination = new MemoryDestination();
        final UnifiedWriter writer = UnifiedWriter.start(WriterConfig.builder().ringSize(64).build(), destination);
        final AtomicInteger own = new AtomicInteger();
        destination.duringWrite = () ->
        {
            if (own.get() < 20)
            {
                final int n = own.getAndIncrement();
                assertTrue(writer.enqueue(("own-" + n + "\n").getBytes(StandardCharsets.UTF_8)));
            }
        };
        final Producers producers = Producers.start(writer, 4, 2000);
        producers.join();
        assertTrue(writer.stop(Duration.ofSeconds(30)));
        final String text = destination.text();
        final StringBuilder ordinary = new StringBuilder();
        int ownSeen = 0;
        for (final String line : text.split("\n"))
        {
            if (line.startsWith("own-"))
            {
                assertEquals("own-" + ownSeen, line);
                ownSeen++;
            }
            else
            {
                ordinary.append(line).append('\n');
            }
        }
        assertEquals(20, ownSeen);
        Records.assertComplete(ordinary.toString(), 4, 2000);
        Records.assertAccounted(writer.metrics(), 8000 + 20);
        assertEquals(8020, writer.metrics().written());
    }

    @Test
    void aRecordTheWriterThreadLogsIsWrittenRightAfterItsBatchBeforeRecordsPublishedMeanwhile() throws Exception
    {
        final MemoryDestination destination = new MemoryDestination();
        final UnifiedWriter writer = UnifiedWriter.start(WriterConfig.builder().ringSize(64).build(), destination);
        final CountDownLatch logged = new CountDownLatch(1);
        final CountDownLatch published = new CountDownLatch(1);
        final AtomicBoolean first = new AtomicBoolean(true);
        destination.duringWrite = () ->
        {
            if (first.getAndSet(false))
            {
                writer.enqueue(bytes("own\n"));
                logged.countDown();
                Uninterruptibly.await(published, Duration.ofSeconds(30));
            }
        };
        assertTrue(writer.enqueue(bytes("a\n")));
        assertTrue(logged.await(30, TimeUnit.SECONDS), "the writer thread logged during its write");
        assertTrue(writer.enqueue(bytes("b\n")));
        published.countDown();
        // Not flush or stop: their wake-up would make the writer look at its own records anyway.
        Producers.await(() -> destination.text().contains("b\n"), "b written");
        assertEquals("a\nown\nb\n", destination.text());
        assertTrue(writer.stop(Duration.ofSeconds(30)));
        Records.assertAccounted(writer.metrics(), 3);
    }

    private static byte[] bytes(final String text)
    {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
