package io.github.unifiedwriter.sink;

/**
 * How a file is written: the {@code writerType} attribute. {@link FileChannelSink} writes {@link #BLOCK} or
 * {@link #LINE}; {@link MappedFileSink} writes {@link #MMAP}.
 */
public enum SinkType
{
    /** Gather the batch into one buffer and write it with one call: the fewest syscalls. The default. */
    BLOCK,
    /** One call per record and no buffering: a reader such as {@code tail -f} sees each record at once. */
    LINE,
    /** Copy the records into a memory-mapped region of the file. */
    MMAP
}
