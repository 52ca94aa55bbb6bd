/**
 * The file destinations: {@link io.github.unifiedwriter.sink.FileChannelSink} (block and line writes) and
 * {@link io.github.unifiedwriter.sink.MappedFileSink}, each over the file it writes ({@code MarkedFile}), which
 * holds what they share: opening the file (folders, permissions, header), the open marker that lets the next open
 * cut what a crash left, and forcing it as the fsync policy says.
 *
 * <p>Threads: the writing thread (the writer thread, or a producer holding the synchronous lock) calls the
 * destination methods, never two threads at once; the owner opens a sink and may change its fsync policy from
 * its own thread.
 *
 * <p>Imports only the JDK and {@code core}: never {@code org.apache.logging}, {@code jmx} or {@code log4j2}.
 */
package io.github.unifiedwriter.sink;
