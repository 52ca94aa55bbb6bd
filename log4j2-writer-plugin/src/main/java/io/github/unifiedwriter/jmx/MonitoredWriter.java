package io.github.unifiedwriter.jmx;

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
    /** A consistent snapshot of the counters, carried across writer swaps. */
    WriterMetrics metrics();

    /** Free slots in the ring. The bean shows a negative value as zero. */
    long remainingCapacity();

    /** Slots in the ring. */
    int ringSize();

    /** When the writer thread writes: {@code TRIGGER}, {@code LOOP} or {@code MANUAL}. */
    String mode();

    /** What a producer does when the ring is full, e.g. {@code BLOCK} or {@code DROP_NEWEST}. */
    String policy();

    /** The file sink, e.g. {@code block}, {@code line} or {@code mmap}. */
    String writerType();

    /** The file being written. */
    String fileName();

    /** Records per write call at most. */
    int batchSize();

    /** The longest a record waits for company before it is written, in milliseconds. */
    long flushIntervalMillis();

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
}
