/**
 * The {@code stall} command: what a caller feels when the disk stops. Each stack logs at a fixed rate into a
 * small file system on a loop device that is frozen on a schedule; the mount, the freezer and the tools it
 * needs, and the results as a table, JSON and a chart.
 *
 * <p>Threads: the main thread runs the stacks one at a time; a freezer thread freezes and thaws; a shutdown
 * hook thaws and unmounts whatever a killed run left.
 *
 * <p>Builds on {@code cli}, {@code stack} and {@code latency}'s child and measures.
 */
package io.github.unifiedwriter.perf.stall;
