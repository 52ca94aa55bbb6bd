package io.github.unifiedwriter.jmx;

import io.github.unifiedwriter.core.WriterConfig;
import io.github.unifiedwriter.core.WriterMetrics;

/**
 * What the JMX bean watches and drives. It is an interface, not the writer itself, because the owner of a
 * writer (the Log4j2 manager) swaps writers on reload: the owner implements this and carries the counters
 * across writers, so the bean registered once stays valid and its counters keep counting.
 *
 * <p>Threads: JMX connector threads call every method, for attribute reads and operations; the bean's
 * notification thread calls {@link #metrics()}. Implementations must be thread-safe and must not block
 * for long, except where stated.
 */
public interface MonitoredWriter
{
    /** {@return a consistent snapshot of the counters, carried across writer swaps} */
    WriterMetrics metrics();

    /** {@return the free slots in the ring; the bean shows a negative value as zero} */
    long remainingCapacity();

    /** {@return the running writer's settings: ring size, mode, policy, batch size and flush interval} */
    WriterConfig config();

    /** {@return the file sink, e.g. {@code block}, {@code line} or {@code mmap}} */
    String writerType();

    /** {@return the file being written} */
    String fileName();

    /** Writes what the ring holds; in MANUAL mode, the only way records leave the ring. Never blocks. */
    void trigger();

    /**
     * Returns once the records published before the call are written, failed or dropped. It blocks the
     * calling JMX thread, so implementations should bound the wait (the shutdown timeout is a fair bound).
     */
    void flush();

    /** Leaves synchronous fallback and starts a new writer thread; no effect otherwise. */
    void restart();

    /** Reopens the file between two batches, after an external tool has rotated it. */
    void reopen();

    // Rolling: a writer whose file does not roll keeps these defaults.

    /** Rolls the file between two records, soon; returns at once. No effect when the file does not roll. */
    default void rollover()
    {
    }

    /** {@return the rollovers so far} */
    default long rollovers()
    {
        return 0;
    }

    /** {@return when the file last rolled, in epoch milliseconds, or 0 for never} */
    default long lastRolloverTime()
    {
        return 0;
    }

    /** {@return rolled files still waiting for renaming, compression or purge} */
    default int compressionsPending()
    {
        return 0;
    }

    /** {@return the names of the rolled files, or null when the file does not roll} */
    default String filePattern()
    {
        return null;
    }
}
