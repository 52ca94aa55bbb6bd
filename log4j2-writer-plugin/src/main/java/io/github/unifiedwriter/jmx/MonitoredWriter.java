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

    /** {@return the file being written now: the active file of a rolling file, else the configured one} */
    String activeFile();

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

    /** {@return what the bean shows of rolling; {@link RollingMonitor#NONE} when the file does not roll} */
    default RollingMonitor rolling()
    {
        return RollingMonitor.NONE;
    }
}
