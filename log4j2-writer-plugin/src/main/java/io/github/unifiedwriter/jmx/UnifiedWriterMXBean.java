package io.github.unifiedwriter.jmx;

import javax.management.MBeanOperationInfo;

/**
 * The management view of one UnifiedWriter appender, as JConsole shows it. Counters carry on across
 * configuration reloads: they count from the moment the appender's file was first opened.
 *
 * <p>Threads: JMX connector threads (or any local thread using the MBean server) call every method.
 */
public interface UnifiedWriterMXBean
{
    @Description("Records accepted into the ring since the appender started, in records.")
    @Metric(type = Metric.COUNTER, units = "records")
    long getEnqueued();

    @Description("Records written to the file without error, in records.")
    @Metric(type = Metric.COUNTER, units = "records")
    long getWritten();

    @Description("Records discarded by the queue policy because the ring was full, in records.")
    @Metric(type = Metric.COUNTER, units = "records")
    long getDropped();

    @Description("Accepted records that could not be written, in records.")
    @Metric(type = Metric.COUNTER, units = "records")
    long getFailed();

    @Description("Errors raised by the file sink, retried or not, in errors.")
    @Metric(type = Metric.COUNTER, units = "errors")
    long getErrors();

    @Description("Reopenings of the file after an error and restarts of the writer thread, in restarts.")
    @Metric(type = Metric.COUNTER, units = "restarts")
    long getRestarts();

    @Description("Accepted records not yet written, failed or discarded, in records.")
    @Metric(type = Metric.GAUGE, units = "records")
    long getPending();

    @Description("Write batches completed, in batches; Written / Batches is the mean batch size.")
    @Metric(type = Metric.COUNTER, units = "batches")
    long getBatches();

    @Description("Bytes handed to the file, in bytes.")
    @Metric(type = Metric.COUNTER, units = "bytes")
    long getBytesWritten();

    @Description("Free slots in the ring, in slots; zero means producers block or drop.")
    @Metric(type = Metric.GAUGE, units = "slots")
    long getRemainingCapacity();

    @Description("Slots in the ring, in slots (a power of two).")
    @Metric(type = Metric.GAUGE, units = "slots")
    int getRingSize();

    @Description("When the writer thread writes: TRIGGER, LOOP or MANUAL.")
    String getMode();

    @Description("What a producer does when the ring is full: BLOCK, DROP_NEWEST, DROP_OLDEST or WARN.")
    String getPolicy();

    @Description("The file sink: block, line or mmap.")
    String getWriterType();

    @Description("The file being written.")
    String getFileName();

    @Description("Records per write call at most, in records.")
    @Metric(type = Metric.GAUGE, units = "records")
    int getBatchSize();

    @Description("The longest a record waits for company before it is written, in milliseconds.")
    @Metric(type = Metric.GAUGE, units = "ms")
    long getFlushIntervalMillis();

    @Description("True while producers write synchronously after too many errors; restart() leaves it.")
    boolean isFallbackToSync();

    @Description("The last error raised by the file sink, or null if there was none.")
    String getLastError();

    @Description(value = "Writes what the ring holds now; in MANUAL mode, the only way records reach the file. "
        + "Returns at once.", impact = MBeanOperationInfo.ACTION)
    void trigger();

    @Description(value = "Waits until every record accepted before the call is written, failed or dropped.",
        impact = MBeanOperationInfo.ACTION)
    void flush();

    @Description(value = "Leaves synchronous fallback and starts a new writer thread; no effect otherwise.",
        impact = MBeanOperationInfo.ACTION)
    void restart();

    @Description(value = "Reopens the file between two batches, after an external tool has rotated it.",
        impact = MBeanOperationInfo.ACTION)
    void reopen();
}
