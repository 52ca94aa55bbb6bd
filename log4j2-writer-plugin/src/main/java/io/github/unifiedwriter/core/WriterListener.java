package io.github.unifiedwriter.core;

/**
 * Hears what the writer wants an operator to know. Implementations must be quick and must not log
 * through the writer that calls them with the expectation of being written before they return. An
 * exception thrown from a method is counted as an error and changes nothing else.
 */
public interface WriterListener
{
    /** No-op listener. */
    WriterListener NONE = new WriterListener()
    {
    };

    /**
     * A producer thread under {@link QueuePolicy#WARN}, at most once per warn interval.
     *
     * @param droppedSinceLastWarning records refused since the previous call
     */
    default void onDropWarning(final long droppedSinceLastWarning)
    {
    }

    /**
     * The writer thread: a destination failed; the writer will reopen it and retry after a backoff.
     *
     * @param error          what the destination threw
     * @param restartsInARow failures in a row so far, this one included
     */
    default void onError(final Throwable error, final int restartsInARow)
    {
    }

    /**
     * The writer thread: the writer gave up retrying and writes on the callers' threads from now on.
     *
     * @param lastError the last failure of the destination
     */
    default void onFallbackToSync(final Throwable lastError)
    {
    }

    /** The thread that called {@link UnifiedWriter#restart()}: asynchronous writing resumed. */
    default void onRestarted()
    {
    }

    /**
     * The thread that called {@link UnifiedWriter#stop(java.time.Duration)}: the writer did not drain within the
     * timeout. The counters are final when this is called, and nothing is written from now on, except what a
     * write call already under way may still carry.
     *
     * @param failed               records counted as failed because the stop gave up on them
     * @param mayStillReachTheFile which of them were inside a write call at the deadline and may still reach the
     *                             destination, or an empty string if none were
     */
    default void onStopTimedOut(final long failed, final String mayStillReachTheFile)
    {
    }
}
