/**
 * The {@code demo} command: logs through a real configuration, shows progress, then prints every
 * UnifiedWriter appender's counters as JMX shows them and a check of every line.
 *
 * <p>Threads: the main thread, the producer threads it starts, and a progress thread.
 *
 * <p>Builds on {@code check}, {@code cli}, {@code monitor} and {@code stack}; never imports another command.
 */
package io.github.unifiedwriter.perf.demo;
