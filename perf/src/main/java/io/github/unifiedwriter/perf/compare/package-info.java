/**
 * The {@code compare} command: every (stack, threads) pair in a fresh JVM, timed until the last line is in
 * the file, and the file checked. The child's side ({@code ThroughputChild}) runs in that JVM.
 *
 * <p>Threads: the main thread runs the pairs one at a time; in a child, its producer threads log.
 *
 * <p>Builds on {@code check}, {@code cli}, {@code monitor}, {@code report} and {@code stack}; never imports
 * another command.
 */
package io.github.unifiedwriter.perf.compare;
