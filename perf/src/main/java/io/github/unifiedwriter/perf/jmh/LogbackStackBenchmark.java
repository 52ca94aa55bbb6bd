package io.github.unifiedwriter.perf.jmh;

import java.util.concurrent.TimeUnit;

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

import io.github.unifiedwriter.perf.stack.Family;
import io.github.unifiedwriter.perf.stack.LogDriver;

/**
 * Producer-side throughput of the Logback stacks, through Logback's own API in their own fork, so they
 * never compete with Log4j2 for SLF4J. Logback boxes its arguments into a varargs array, so there is no
 * unboxed variant. Same call, pattern and line check as {@link Log4j2StackBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 4, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class LogbackStackBenchmark
{
    @Param({"logback-async", "logstash-disruptor"})
    public String stack;

    private final Delivery delivery = new Delivery();
    private LogDriver driver;

    /** One producer thread's count of its calls. */
    @State(Scope.Thread)
    public static class Producer
    {
        long[] calls;

        @Setup(Level.Trial)
        public void setUp(final LogbackStackBenchmark benchmark)
        {
            calls = benchmark.delivery.newCounter();
        }
    }

    @Setup(Level.Trial)
    public void setUp() throws Exception
    {
        driver = delivery.start(stack, Family.LOGBACK);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception
    {
        delivery.stop();
    }

    @Benchmark
    public void boxed(final Producer producer)
    {
        driver.log(producer.calls[0]++);
    }
}
