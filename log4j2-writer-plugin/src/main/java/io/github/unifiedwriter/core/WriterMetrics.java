package io.github.unifiedwriter.core;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A snapshot of the writer's counters. One identity always holds, to within the records moving between two
 * counters while the snapshot is read: {@code offered = written + dropped + failed + pending}. Once the writer
 * has stopped, pending is zero and written and failed no longer change.
 *
 * @param offered        every call that handed the writer an event or a record
 * @param enqueued       records accepted into the ring (or, in synchronous mode, accepted for writing)
 * @param written        records handed to every destination without error
 * @param dropped        records refused on arrival by the queue policy or a stopped writer, or discarded from
 *                       the ring
 * @param failed         records that could not be written, and events the layout could not encode
 * @param errors         exceptions raised by destinations, listeners and layouts, retried or not
 * @param restarts       reopenings of a destination after an error, and restarts of the writer thread
 * @param pending        accepted records not yet written, failed or discarded, read from the ring
 * @param batches        write batches completed
 * @param bytesWritten   bytes handed to the destinations
 * @param fallbackToSync true while producers write synchronously after too many failures
 * @param lastError      the last error, or null
 */
public record WriterMetrics(
    long offered,
    long enqueued,
    long written,
    long dropped,
    long failed,
    long errors,
    long restarts,
    long pending,
    long batches,
    long bytesWritten,
    boolean fallbackToSync,
    String lastError)
{
    /** Nothing counted yet. */
    public static final WriterMetrics ZERO = new WriterMetrics(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, false, null);

    /**
     * The sum of two writers' counters, for a file written by one writer after another.
     *
     * @param later the writer that came after this one: its state and last error win
     * @return the counts added up
     */
    public WriterMetrics plus(final WriterMetrics later)
    {
        return new WriterMetrics(offered + later.offered, enqueued + later.enqueued, written + later.written,
            dropped + later.dropped, failed + later.failed, errors + later.errors, restarts + later.restarts,
            pending + later.pending, batches + later.batches, bytesWritten + later.bytesWritten,
            later.fallbackToSync, later.lastError != null ? later.lastError : lastError);
    }

    /** {@return every field by name, in declaration order, for logging and JMX} */
    public Map<String, Object> asMap()
    {
        final Map<String, Object> map = new LinkedHashMap<>();
        map.put("offered", offered);
        map.put("enqueued", enqueued);
        map.put("written", written);
        map.put("dropped", dropped);
        map.put("failed", failed);
        map.put("errors", errors);
        map.put("restarts", restarts);
        map.put("pending", pending);
        map.put("batches", batches);
        map.put("bytesWritten", bytesWritten);
        map.put("fallbackToSync", fallbackToSync);
        map.put("lastError", lastError);
        return map;
    }
}
