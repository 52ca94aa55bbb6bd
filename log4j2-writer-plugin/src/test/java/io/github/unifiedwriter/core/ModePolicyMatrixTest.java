package io.github.unifiedwriter.core;

import io.github.unifiedwriter.sink.FileChannelSink;
import io.github.unifiedwriter.sink.FileSinkOptions;
import io.github.unifiedwriter.sink.MappedFileSink;
import io.github.unifiedwriter.sink.SinkType;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every mode under every queue policy into every sink, with the sink held shut until the ring is full so
 * the policy really decides, then slowed down. Checks the exact content and the accounting.
 */
class ModePolicyMatrixTest
{
    enum Sink
    {
        MEMORY, BLOCK, LINE, MMAP
    }

    @TempDir
    Path dir;
    private static final int RING = 64;
    private static final int TOTAL = 3200;

    static Stream<Arguments> cases()
    {
        return Stream.of(Sink.values()).flatMap(sink -> Stream.of(Mode.values()).flatMap(mode ->
            Stream.of(QueuePolicy.values()).flatMap(policy ->
                Stream.of(1, 4, 16).map(threads -> Arguments.of(sink, mode, policy, threads)))));
    }

    private BatchDestination open(final Sink sink, final MemoryDestination memory) throws IOException
    {
        final Path file = dir.resolve("out.log");
        final FileSinkOptions.Builder options = FileSinkOptions.builder().bufferSize(256).regionSize(4096);
        switch (sink)
        {
            case BLOCK:
                return FileChannelSink.open(file, options.type(SinkType.BLOCK).build());
            case LINE:
                return FileChannelSink.open(file, options.type(SinkType.LINE).build());
            case MMAP:
                return MappedFileSink.open(file, options.build());
            default:
                return memory;
        }
    }

    private String content(final Sink sink, final MemoryDestination memory) throws IOException
    {
        return sink == Sink.MEMORY ? memory.text() : Files.readString(dir.resolve("out.log"), StandardCharsets.UTF_8);
    }

    @ParameterizedTest(name = "{0} {1} {2} {3} producers")
    @MethodSource("cases")
    void everyRecordIsWrittenOnceInOrderOrCountedAsDropped(final Sink sink, final Mode mode, final QueuePolicy policy,
        final int threads) throws IOException
    {
        final MemoryDestination memory = new MemoryDestination();
        final GatedSink destination = new GatedSink(open(sink, memory));
        final WriterConfig config = WriterConfig.builder().ringSize(RING).batchSize(16).mode(mode).policy(policy)
            .tick(Duration.ofMillis(1)).flushInterval(Duration.ofMillis(5)).build();
        final UnifiedWriter writer = UnifiedWriter.start(config, destination);
        final int perProducer = TOTAL / threads;

        final Producers producers = Producers.start(writer, threads, perProducer);
        Producers.await(() -> writer.remainingCapacity() == 0 || producers.done(), "ring full");
        destination.open(20_000);
        producers.join();
        assertTrue(writer.stop(Duration.ofSeconds(30)), "drained");

        final WriterMetrics m = writer.metrics();
        final String text = content(sink, memory);
        final Map<Integer, List<Integer>> out = Records.parse(text);
        Records.assertAccounted(m, producers.calls.get());
        assertEquals(Records.count(out), m.written(), "written counts the lines in the output");
        assertEquals(producers.accepted.get(), m.enqueued());
        assertEquals(0, m.failed());
        if (policy == QueuePolicy.BLOCK)
        {
            assertEquals(0, m.dropped());
            Records.assertComplete(text, threads, perProducer);
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
