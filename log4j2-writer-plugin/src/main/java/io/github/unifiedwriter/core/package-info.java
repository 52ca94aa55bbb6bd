/**
 * The engine: the ring of preallocated slots, the writer thread and its loop, the modes, the queue policies,
 * retries, the synchronous fallback and the counters. It writes to
 * {@link io.github.unifiedwriter.core.BatchDestination}s and knows nothing of files or of Log4j2, so it can be
 * used and tested on its own.
 *
 * <p>Threads: producers (any application thread) enqueue; one writer thread, never interrupted, writes the
 * batches; after a fallback, or in synchronous mode, the producer holding the synchronous lock writes instead.
 * Any thread may flush, trigger, stop or read the metrics.
 *
 * <p>Imports only the JDK and the Disruptor: never {@code org.apache.logging}, nor another package of this
 * plugin.
 */
package io.github.unifiedwriter.core;
