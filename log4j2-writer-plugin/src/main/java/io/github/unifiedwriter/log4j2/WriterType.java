package io.github.unifiedwriter.log4j2;

/** How the file is written: the {@code writerType} attribute. */
public enum WriterType
{
    /** Batches go through a {@code FileChannel} in buffer-sized writes. */
    BLOCK,
    /** Each record reaches the file on its own write. */
    LINE,
    /** Records are copied into a memory-mapped region of the file. */
    MMAP
}
