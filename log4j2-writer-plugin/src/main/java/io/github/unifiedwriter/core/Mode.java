package io.github.unifiedwriter.core;

/**
 * When the writer thread wakes to write. Each mode is a Disruptor wait strategy on the one writer thread.
 */
public enum Mode
{
    /** Sleep until a record is published; write at the end of every ring batch. Lowest latency. */
    TRIGGER,
    /** Wake every tick and write when a batch is full or the flush interval has passed. Fewest syscalls. */
    LOOP,
    /** Hold records in the ring until {@link UnifiedWriter#trigger()}; never stall a producer. */
    MANUAL
}
