package io.github.unifiedwriter.sink;

/** How a {@link FileChannelSink} turns a batch into write calls. */
public enum SinkKind
{
    /** Gather the batch into one buffer and write it with one call: the fewest syscalls. The default. */
    BLOCK,
    /** One call per record and no buffering: a reader such as {@code tail -f} sees each record at once. */
    LINE
}
