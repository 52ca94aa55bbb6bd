/**
 * The {@code memory} command: the heap, direct and mapped memory one appender holds at its defaults, each
 * stack and record size measured in a fresh JVM.
 *
 * <p>Threads: the main thread runs the children one at a time; in a child, producer threads log while the
 * main thread measures.
 *
 * <p>Builds on {@code check}, {@code cli} and {@code stack}; never imports another command.
 */
package io.github.unifiedwriter.perf.memory;
