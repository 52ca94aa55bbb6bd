package io.github.unifiedwriter.perf.jmh;

import java.io.IOException;
import java.nio.MappedByteBuffer;
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
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Ceiling: lines per second that one thread can copy into a memory-mapped region, the mmap writer's
 * per-record work. The region is 256 MiB and reused from its start when full, so it measures copies
 * into already-mapped pages rather than remapping.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class MmapCeilingBenchmark
{
    private static final int REGION = 256 << 20;

    private final byte[] line = Lines.line(1234567);
    private Path file;
    private FileChannel channel;
    private MappedByteBuffer region;
    private int position;

    @Setup
    public void setUp() throws IOException
    {
        file = Files.createTempFile("uw-ceiling-", ".mmap");
        channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
        region = channel.map(FileChannel.MapMode.READ_WRITE, 0, REGION);
    }

    @TearDown
    public void tearDown() throws IOException
    {
        channel.close();
        region = null;
        Files.deleteIfExists(file);
    }

    @Benchmark
    public int append()
    {
        if (position + line.length > REGION)
        {
            position = 0;
        }
        region.put(position, line);
        position += line.length;
        return position;
    }
}
