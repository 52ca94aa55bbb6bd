package io.github.unifiedwriter.core;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every mode under every queue policy, with the destination held shut until the ring is full so the
 * policy really decides, then slowed down. Checks the exact content and the accounting.
 */
class ModePolicyMatrixTest
{
    private static final int RING = 64;
    private static final int TOTAL = 3200;

    static Stream<Arguments> cases()
    {
        return Stream.of(Mode.values()).flatMap(mode -> Stream.of(QueuePolicy.values()).flatMap(policy ->
            Stream.of(1, 4, 16).map(threads -> Arguments.of(mode, policy, threads))));
    }

    @ParameterizedTest(name = "{0} {1} {2} producers")
    @MethodSource("cases")
    void everyRecordIsWrittenOnceInOrderOrCountedAsDropped(final Mode mode, final QueuePolicy policy, final int threads)
    {
        final MemoryDestination destination = new MemoryDestination().closeGate();
        final WriterConfig config = WriterConfig.builder().ringSize(RING).batchSize(16).mode(mode).policy(policy)
            .tick(Duration.ofMillis(1)).flushInterval(Duration.ofMillis(5)).build();
        final UnifiedWriter writer = UnifiedWriter.start(config, destination);
        final int perProducer = TOTAL / threads;

        final Producers producers = Producers.start(writer, threads, perProducer);
        Producers.await(() -> writer.remainingCapacity() == 0 || producers.done(), "ring full");
        destination.slow(20_000).openGate();
        producers.join();
        assertTrue(writer.stop(Duration.ofSeconds(30)), "drained");

        final WriterMetrics m = writer.metrics();
        final Map<Integer, List<Integer>> out = Records.parse(destination.text());
        Records.assertAccounted(m, producers.calls.get());
        assertEquals(Records.count(out), m.written(), "written counts the lines in the output");
        assertEquals(producers.accepted.get(), m.enqueued());
        assertEquals(0, m.failed());
        assertTrue(destination.closed);
        if (policy == QueuePolicy.BLOCK)
        {
            assertEquals(0, m.dropped());
            Records.assertComplete(destination.text(), threads, perProducer);
            return;
        }
        assertTrue(m.dropped() > 0, "the ring filled, so the policy dropped: " + m);
        if (threads == 1 && policy == QueuePolicy.DROP_OLDEST)
        {
            final List<Integer> kept = out.get(0);
            assertEquals(perProducer - 1, kept.get(kept.size() - 1), "the newest record survives DROP_OLDEST");
        }
        else if (threads == 1)
        {
            for (int i = 0; i < RING; i++)
            {
                assertEquals(i, out.get(0).get(i), "the oldest records survive " + policy);
            }
        }
    }
}
