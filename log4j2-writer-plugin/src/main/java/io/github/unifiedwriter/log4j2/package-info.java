/**
 * The Log4j2 plugin: the {@code UnifiedWriter} element and its attributes, the appender, and the manager that
 * owns the engine, the sink and the MXBean of one file and carries them across reconfigurations. It is the
 * only package that knows Log4j2, and the one that ties {@code core}, {@code sink} and {@code jmx} together.
 *
 * <p>Threads: Log4j2's configuration thread builds, starts and stops appenders and managers; application
 * threads call {@code append}, whose {@code Encoder} encodes the event on that thread into a per-thread buffer and
 * enqueues the bytes; the writing thread (see {@code core}) calls the destination methods of the writer's turn at
 * the {@code ManagedFile} and reports through the StatusLogger.
 *
 * <p>May import anything of this plugin and Log4j2; nothing outside it imports this package.
 */
package io.github.unifiedwriter.log4j2;
