/**
 * The JMH benchmarks: each stack end to end with its lines counted after every trial, the writer under
 * saturation, and the ceilings of the layout, the file channel and the mapped file on their own.
 *
 * <p>Threads: JMH's setup thread starts and stops what a benchmark measures; JMH's worker threads call the
 * benchmark methods.
 *
 * <p>Builds on {@code stack} and the plugin's {@code core}; never imports a command.
 */
package io.github.unifiedwriter.perf.jmh;
