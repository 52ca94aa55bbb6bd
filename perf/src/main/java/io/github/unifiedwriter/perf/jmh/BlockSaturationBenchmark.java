package io.github.unifiedwriter.perf.jmh;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import io.github.unifiedwriter.core.QueuePolicy;
import io.github.unifiedwriter.core.BatchDestination.RecordBatch;
import io.github.unifiedwriter.core.UnifiedWriter;
import io.github.unifiedwriter.core.WriterConfig;

/**
 * BLOCK under saturation: 16 producers against a writer that is slower than they are, so the ring is
 * always full and every producer waits for room. Under BLOCK each accepted call is a record the writer
 * took, so {@link #saturated16} measures the writer's rate while producers wait. {@link #writerAlone}
 * measures the same destination work on one thread with no ring at all: the writer's own throughput.
 * If waiting producers are woken as room appears (and do not burn the cores the writer needs),
 * the first stays within a few percent of the second.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class BlockSaturationBenchmark
{
    /** CPU spent by the destination per record, in JMH tokens. */
    static final long TOKENS = 200;
    static final int BATCH = 1024;

    /** The writer under test, shared by every producer. */
    @State(Scope.Benchmark)
    public static class Writer
    {
        @Param({"1024"})
        public int ringSize;

        UnifiedWriter writer;

        @Setup(Level.Trial)
        public void setUp()
        {
            writer = UnifiedWriter.start(WriterConfig.builder().name("saturation").ringSize(ringSize)
                .policy(QueuePolicy.BLOCK).batchSize(BATCH).build(), new BusyDestination(TOKENS));
        }

        @TearDown(Level.Trial)
        public void tearDown()
        {
            writer.stop();
            System.out.println();
            System.out.println("writer counters: " + writer.metrics());
        }
    }

    /** One producer's record, reused: the writer copies it. */
    @State(Scope.Thread)
    public static class Record
    {
        final ByteBuffer bytes = ByteBuffer.wrap(Lines.line(42));
    }

    /** The destination driven directly, a batch at a time, as the writer thread would. */
    @State(Scope.Thread)
    public static class Alone
    {
        final BusyDestination destination = new BusyDestination(TOKENS);
        final RecordBatch batch = new FixedBatch(BATCH);
    }

    @Benchmark
    @Threads(16)
    public boolean saturated16(final Writer writer, final Record record)
    {
        return writer.writer.enqueue(record.bytes, true, false, RecordBatch.NO_TIME);
    }

    @Benchmark
    @Threads(1)
    @OperationsPerInvocation(BATCH)
    public long writerAlone(final Alone alone)
    {
        alone.destination.write(alone.batch);
        return alone.destination.bytes;
    }

    /** {@code size} copies of one line. */
    private static final class FixedBatch implements RecordBatch
    {
        private final List<ByteBuffer> records = new ArrayList<>();

        FixedBatch(final int size)
        {
            for (int i = 0; i < size; i++)
            {
                records.add(ByteBuffer.wrap(Lines.line(i)));
            }
        }

        @Override
        public int size()
        {
            return records.size();
        }

        @Override
        public ByteBuffer record(final int index)
        {
            return records.get(index);
        }

        @Override
        public void confirm(final int count)
        {
        }
    }
}
