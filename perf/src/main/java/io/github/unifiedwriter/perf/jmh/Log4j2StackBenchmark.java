package io.github.unifiedwriter.perf.jmh;

import java.util.concurrent.TimeUnit;

import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.util.Unbox;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import io.github.unifiedwriter.perf.stack.Log4j2Driver;
import io.github.unifiedwriter.perf.stack.Family;
import io.github.unifiedwriter.perf.stack.LogDriver;

/**
 * Producer-side throughput of the Log4j2 stacks through {@code Logger.info} with the comparison's
 * pattern and message. Threads come from JMH's {@code -t}. Each fork runs one stack in its own JVM (the
 * AsyncLogger switch is read once per JVM).
 *
 * <p>{@link #unboxed} passes Log4j2's reusable {@code Unbox} holders, so {@code -prof gc} shows what
 * the stack itself allocates; {@link #boxed} is the plain call, whose difference is the caller's own
 * boxing. Iterations are short because the file grows by every call. {@code -p stack=log4j-null} runs the
 * reference, Log4j2's logger path with no appender work, which writes no file.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 4, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class Log4j2StackBenchmark
{
    @Param({"uw-block", "uw-line", "uw-mmap", "uw-block-loop", "log4j-async-logger", "log4j-async-appender",
        "log4j-raf", "log4j-mmf"})
    public String stack;

    private final Delivery delivery = new Delivery();
    private Logger logger;

    /** One producer thread's count of its calls. */
    @State(Scope.Thread)
    public static class Producer
    {
        long[] calls;

        @Setup(Level.Trial)
        public void setUp(final Log4j2StackBenchmark benchmark)
        {
            calls = benchmark.delivery.newCounter();
        }
    }

    @Setup(Level.Trial)
    public void setUp() throws Exception
    {
        logger = ((Log4j2Driver)delivery.start(stack, Family.LOG4J2)).logger();
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception
    {
        delivery.stop();
    }

    @Benchmark
    public void unboxed(final Producer producer)
    {
        final long seq = producer.calls[0]++;
        logger.info(LogDriver.MESSAGE, Unbox.box(seq), Unbox.box(LogDriver.PRICE), LogDriver.CLIENT);
    }

    @Benchmark
    public void boxed(final Producer producer)
    {
        final long seq = producer.calls[0]++;
        logger.info(LogDriver.MESSAGE, seq, LogDriver.PRICE, LogDriver.CLIENT);
    }
}
