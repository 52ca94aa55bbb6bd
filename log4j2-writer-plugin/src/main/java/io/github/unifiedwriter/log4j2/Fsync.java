package io.github.unifiedwriter.log4j2;

import java.time.Duration;

/**
 * When the file is forced to storage: the {@code fsync} attribute.
 *
 * @param everyBatch true forces after every batch
 * @param interval   forces at most this often, or null
 */
record Fsync(boolean everyBatch, Duration interval)
{
    /** Leaves it to the operating system: the default. */
    static final Fsync NEVER = new Fsync(false, null);
    /** Forces after every batch. */
    static final Fsync BATCH = new Fsync(true, null);

    static Fsync every(final Duration interval)
    {
        return new Fsync(false, interval);
    }

    @Override
    public String toString()
    {
        return everyBatch ? "batch" : interval == null ? "never" : interval.toString();
    }
}
