package io.github.unifiedwriter.core;

/**
 * What a producer does when the ring is full. A record enqueued as not droppable is never dropped:
 * it waits as under {@link #BLOCK} whatever the policy.
 */
public enum QueuePolicy
{
    /** Wait for room; nothing is dropped unless {@link WriterConfig#blockTimeout()} runs out. */
    BLOCK,
    /** Refuse the new record and count it as dropped. */
    DROP_NEWEST,
    /** Discard the oldest droppable records not yet written, count them, and accept the new one. */
    DROP_OLDEST,
    /** As {@link #DROP_NEWEST}, and report drops through {@link WriterListener#onDropWarning(long)}. */
    WARN
}
