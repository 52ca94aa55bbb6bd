/**
 * The {@code soak} command: a fixed rate through one UnifiedWriter appender for a long time, with the file
 * rotated as it grows, every line checked, and the counters, heap and latency printed every interval.
 *
 * <p>Threads: the main thread reports; paced producer threads log.
 *
 * <p>Builds on {@code check}, {@code cli}, {@code monitor}, {@code stack}, and {@code latency}'s pacer.
 */
package io.github.unifiedwriter.perf.soak;
