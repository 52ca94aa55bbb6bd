/**
 * The comparison's results and how they are shown: one run's result, the table for a terminal, the JSON,
 * the chart, and the baseline each stack is compared with.
 *
 * <p>Threads: the main thread, after the runs.
 *
 * <p>Builds on {@code stack} and JFreeChart; never imports a command.
 */
package io.github.unifiedwriter.perf.report;
