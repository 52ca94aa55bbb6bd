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
    /** {@return every call that handed the appender an event since it started, in records} */
    @Description("Every call that handed the appender an event since it started, in records. Always: Offered = " +
        "Written + Dropped + Failed + Pending.")
    @Metric(type = Metric.COUNTER, units = "records")
    long getOffered();

    /** {@return records accepted into the ring since the appender started, in records} */
    @Description("Records accepted into the ring since the appender started, in records.")
    @Metric(type = Metric.COUNTER, units = "records")
    long getEnqueued();

    /** {@return records written to the file without error, in records} */
    @Description("Records written to the file without error, in records.")
    @Metric(type = Metric.COUNTER, units = "records")
    long getWritten();

    /** {@return records refused on arrival or discarded from the ring, in records} */
    @Description("Records refused on arrival (queue policy, block timeout, stopped writer) or discarded from the " +
        "ring (drop_oldest), in records.")
    @Metric(type = Metric.COUNTER, units = "records")
    long getDropped();

    /** {@return records that could not be written, and events the layout could not encode, in records} */
    @Description("Records that could not be written, and events the layout could not encode, in records.")
    @Metric(type = Metric.COUNTER, units = "records")
    long getFailed();

    /** {@return errors raised by the file sink, a listener or the layout, retried or not, in errors} */
    @Description("Errors raised by the file sink, a listener or the layout, retried or not, in errors.")
    @Metric(type = Metric.COUNTER, units = "errors")
    long getErrors();

    /** {@return reopenings of the file after an error and restarts of the writer thread, in restarts} */
    @Description("Reopenings of the file after an error and restarts of the writer thread, in restarts.")
    @Metric(type = Metric.COUNTER, units = "restarts")
    long getRestarts();

    /** {@return accepted records not yet written, failed or discarded, in records} */
    @Description("Accepted records not yet written, failed or discarded, in records.")
    @Metric(type = Metric.GAUGE, units = "records")
    long getPending();

    /** {@return write batches completed, in batches; Written / Batches is the mean batch size} */
    @Description("Write batches completed, in batches; Written / Batches is the mean batch size.")
    @Metric(type = Metric.COUNTER, units = "batches")
    long getBatches();

    /** {@return bytes handed to the file, in bytes} */
    @Description("Bytes handed to the file, in bytes.")
    @Metric(type = Metric.COUNTER, units = "bytes")
    long getBytesWritten();

    /** {@return free slots in the ring, in slots; zero means producers block or drop} */
    @Description("Free slots in the ring, in slots; zero means producers block or drop.")
    @Metric(type = Metric.GAUGE, units = "slots")
    long getRemainingCapacity();

    /** {@return slots in the ring, in slots (a power of two)} */
    @Description("Slots in the ring, in slots (a power of two).")
    @Metric(type = Metric.GAUGE, units = "slots")
    int getRingSize();

    /** {@return when the writer thread writes: TRIGGER, LOOP or MANUAL} */
    @Description("When the writer thread writes: TRIGGER, LOOP or MANUAL.")
    String getMode();

    /** {@return what a producer does when the ring is full: BLOCK, DROP_NEWEST, DROP_OLDEST or WARN} */
    @Description("What a producer does when the ring is full: BLOCK, DROP_NEWEST, DROP_OLDEST or WARN.")
    String getPolicy();

    /** {@return the file sink: block, line or mmap} */
    @Description("The file sink: block, line or mmap.")
    String getWriterType();

    /** {@return the file being written} */
    @Description("The file being written.")
    String getFileName();

    /** {@return records per write call at most, in records: batchSize, or half the ring when that is less} */
    @Description("Records per write call at most, in records: batchSize, or half the ring when that is less.")
    @Metric(type = Metric.GAUGE, units = "records")
    int getBatchSize();

    /** {@return the longest a record waits for company before it is written, in milliseconds} */
    @Description("The longest a record waits for company before it is written, in milliseconds.")
    @Metric(type = Metric.GAUGE, units = "ms")
    long getFlushIntervalMillis();

    /** {@return true while producers write synchronously after too many errors; restart() leaves it} */
    @Description("True while producers write synchronously after too many errors; restart() leaves it.")
    boolean isFallbackToSync();

    /** {@return the last error raised by the file sink, or null if there was none} */
    @Description("The last error raised by the file sink, or null if there was none.")
    String getLastError();

    /** Writes what the ring holds now; in MANUAL mode, the only way records reach the file. Returns at once. */
    @Description(value = "Writes what the ring holds now; in MANUAL mode, the only way records reach the file. "
        + "Returns at once.", impact = MBeanOperationInfo.ACTION)
    void trigger();

    /** Waits until every record accepted before the call is written, failed or dropped. */
    @Description(value = "Waits until every record accepted before the call is written, failed or dropped.",
        impact = MBeanOperationInfo.ACTION)
    void flush();

    /** Leaves synchronous fallback and starts a new writer thread; no effect otherwise. */
    @Description(value = "Leaves synchronous fallback and starts a new writer thread; no effect otherwise.",
        impact = MBeanOperationInfo.ACTION)
    void restart();

    /** Reopens the file between two batches, after an external tool has rotated it. */
    @Description(value = "Reopens the file between two batches, after an external tool has rotated it.",
        impact = MBeanOperationInfo.ACTION)
    void reopen();
}
