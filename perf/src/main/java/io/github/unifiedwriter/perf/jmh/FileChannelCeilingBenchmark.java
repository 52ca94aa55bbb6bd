package io.github.unifiedwriter.perf.jmh;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Ceiling: lines per second that one thread can hand to the OS through {@code FileChannel.write} in
 * 64 KiB batches of pre-built lines, as a writer thread does once formatting is done elsewhere. Writes
 * wrap around within a 256 MiB file, so the figure is the page cache's, not the disk's, and the disk
 * does not fill.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class FileChannelCeilingBenchmark
{
    static final int BATCH_BYTES = 64 * 1024;
    static final long WRAP = 256L << 20;
    /** 98-byte lines that fit in one 64 KiB batch; JMH divides by it to report lines per second. */
    static final int LINES_PER_BATCH = 668;

    private final ByteBuffer batch = ByteBuffer.allocateDirect(BATCH_BYTES);
    private Path file;
    private FileChannel channel;
    private long position;

    @Setup
    public void setUp() throws IOException
    {
        for (int i = 0; i < LINES_PER_BATCH; i++)
        {
            batch.put(Lines.line(i));
        }
        batch.flip();
        file = Files.createTempFile("uw-ceiling-", ".log");
        channel = FileChannel.open(file, StandardOpenOption.WRITE);
    }

    @TearDown
    public void tearDown() throws IOException
    {
        channel.close();
        Files.deleteIfExists(file);
    }

    @Benchmark
    @OperationsPerInvocation(LINES_PER_BATCH)
    public int write() throws IOException
    {
        batch.rewind();
        int written = 0;
        while (batch.hasRemaining())
        {
            written += channel.write(batch, position + written);
        }
        position = position + written >= WRAP ? 0 : position + written;
        return written;
    }
}
