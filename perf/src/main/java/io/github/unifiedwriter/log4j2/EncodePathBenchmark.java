package io.github.unifiedwriter.log4j2;

import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.impl.MutableLogEvent;
import org.apache.logging.log4j.core.layout.PatternLayout;
import org.apache.logging.log4j.message.SimpleMessage;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The caller's encoding, per event, with the comparison's pattern: {@link #layoutEncode} is the appender's old
 * path ({@code PatternLayout.encode} into the thread's {@link Encoder.Buffer}), {@link #patternEncoder} the new one
 * ({@link Encoder.Buffer#encode}); both end with the copy into a slot-sized array, as the ring's copy does.
 * {@link #patternEncoderNoCopy} leaves the copy out. {@link #serializeOnly} is the layout's text alone, so the difference is what encoding costs. The message is
 * already formatted: its parameters are Log4j2's logger's cost, before any appender.
 *
 * <p>It lives in the appender's package, in the perf jar, to reach the package-private classes it compares.
 * Single-threaded: the figures are per core.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class EncodePathBenchmark
{
    private static final String PATTERN = "%d{yyyy-MM-dd HH:mm:ss.SSS} %-5level [%t] %c{1} - %m%n";

    /** ascii: the comparison's line; latin: the same with two Latin-1 letters; cjk: with three CJK ones. */
    @Param({"ascii", "latin", "cjk"})
    public String text;

    private final MutableLogEvent event = new MutableLogEvent();
    private final Encoder.Buffer buffer = new Encoder.Buffer();
    private final StringBuilder chars = new StringBuilder(512);
    private final byte[] slot = new byte[512];
    private PatternLayout layout;

    @Setup
    public void setUp()
    {
        layout = PatternLayout.newBuilder().withPattern(PATTERN).build();
        event.setLevel(Level.INFO);
        event.setLoggerName("io.github.unifiedwriter.perf.Load");
        event.setLoggerFqcn(EncodePathBenchmark.class.getName());
        event.setThreadName("producer-0");
        final String client = "ascii".equals(text) ? "ACME" : "latin".equals(text) ? "ÅCMÉ" : "ACME 株式会社";
        event.setMessage(new SimpleMessage("Order 1234567 filled at 123.45 for client " + client));
    }

    @Benchmark
    public int layoutEncode()
    {
        event.setTimeMillis(System.currentTimeMillis());
        layout.encode(event, buffer);
        return handOver();
    }

    @Benchmark
    public int patternEncoder()
    {
        event.setTimeMillis(System.currentTimeMillis());
        buffer.encode(layout, event);
        return handOver();
    }

    /** The new path without the copy into the slot: what encoding straight into a claimed slot would leave. */
    @Benchmark
    public int patternEncoderNoCopy()
    {
        event.setTimeMillis(System.currentTimeMillis());
        buffer.encode(layout, event);
        final int n = buffer.record().remaining();
        buffer.reset();
        return n;
    }

    @Benchmark
    public int serializeOnly()
    {
        event.setTimeMillis(System.currentTimeMillis());
        chars.setLength(0);
        layout.serialize(event, chars);
        return chars.length();
    }

    private int handOver()
    {
        final ByteBuffer record = buffer.record();
        final int n = record.remaining();
        record.get(record.position(), slot, 0, n);
        buffer.reset();
        return n;
    }
}
