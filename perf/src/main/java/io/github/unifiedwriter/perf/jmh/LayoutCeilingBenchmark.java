package io.github.unifiedwriter.perf.jmh;

import java.util.concurrent.TimeUnit;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.impl.MutableLogEvent;
import org.apache.logging.log4j.core.layout.PatternLayout;
import org.apache.logging.log4j.message.Message;
import org.apache.logging.log4j.message.ReusableMessageFactory;
import org.apache.logging.log4j.message.SimpleMessage;
import org.apache.logging.log4j.util.Unbox;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import io.github.unifiedwriter.perf.stack.LogDriver;

/**
 * Ceiling: what one core can format with the comparison's PatternLayout, with no logger, queue or file.
 * {@link #formatAndEncode} does all an appender's caller does per event (parameters into the message,
 * timestamp, pattern, UTF-8 bytes); {@link #encodePrepared} encodes an event whose message is already a
 * string. Single-threaded: the figure is per core.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class LayoutCeilingBenchmark
{
    private static final String PATTERN = "%d{yyyy-MM-dd HH:mm:ss.SSS} %-5level [%t] %c{1} - %m%n";

    private final DiscardingDestination destination = new DiscardingDestination();
    private final MutableLogEvent event = new MutableLogEvent();
    private final MutableLogEvent prepared = new MutableLogEvent();
    private PatternLayout layout;
    private long seq;

    @Setup
    public void setUp()
    {
        layout = PatternLayout.newBuilder().withPattern(PATTERN).build();
        for (final MutableLogEvent e : new MutableLogEvent[] {event, prepared})
        {
            e.setLevel(Level.INFO);
            e.setLoggerName(LogDriver.LOGGER);
            e.setLoggerFqcn(LayoutCeilingBenchmark.class.getName());
            e.setThreadName("producer-0");
            e.setTimeMillis(System.currentTimeMillis());
        }
        prepared.setMessage(new SimpleMessage("Order 1234567 filled at 123.45 for client ACME"));
    }

    @Benchmark
    public long formatAndEncode()
    {
        final Message message = ReusableMessageFactory.INSTANCE.newMessage(LogDriver.MESSAGE, Unbox.box(seq++),
            Unbox.box(LogDriver.PRICE), LogDriver.CLIENT);
        event.setMessage(message);
        ReusableMessageFactory.release(message);
        event.setTimeMillis(System.currentTimeMillis());
        layout.encode(event, destination);
        destination.reset();
        return destination.bytes;
    }

    @Benchmark
    public long encodePrepared()
    {
        layout.encode(prepared, destination);
        destination.reset();
        return destination.bytes;
    }
}
