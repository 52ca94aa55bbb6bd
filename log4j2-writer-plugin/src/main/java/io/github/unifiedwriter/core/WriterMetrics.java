package io.github.unifiedwriter.core;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A snapshot of the writer's counters. Once the writer has stopped, every enqueue call is exactly one
 * of written, dropped or failed, and pending is zero.
 *
 * @param enqueued       records accepted into the ring (or, in synchronous mode, accepted for writing)
 * @param written        records handed to every destination without error
 * @param dropped        records discarded by the queue policy, refused on arrival or discarded from the ring
 * @param failed         accepted records that could not be written
 * @param errors         exceptions raised by destinations, retried or not
 * @param restarts       reopenings of a destination after an error, and restarts of the writer thread
 * @param pending        accepted records not yet written, failed or discarded, read from the ring
 * @param batches        write batches completed
 * @param bytesWritten   bytes handed to the destinations
 * @param fallbackToSync true while producers write synchronously after too many failures
 * @param lastError      the last destination error, or null
 */
public record WriterMetrics(
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
    /** {@return every field by name, in declaration order, for logging and JMX} */
    public Map<String, Object> asMap()
    {
        final Map<String, Object> map = new LinkedHashMap<>();
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
