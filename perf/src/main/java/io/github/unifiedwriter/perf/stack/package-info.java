/**
 * The logging stacks under comparison (UnifiedWriter, Log4j2's own appenders, Logback), how each is started
 * and driven, and the child JVM each runs in, on a class path of its own.
 *
 * <p>Threads: the parent's main thread starts and waits for children; in a child, the thread that starts
 * the stack before anything touches Log4j2, and the producer threads that log through it.
 *
 * <p>Imports the logging libraries and reaches the plugin only through a configuration; never a command,
 * {@code report} or {@code monitor}.
 */
package io.github.unifiedwriter.perf.stack;
