/**
 * The {@code latency} command: each stack in a fresh JVM at a fixed offered rate, with caller and
 * call-to-file percentiles, drawn as a chart. Its {@code Pacer} also paces the soak.
 *
 * <p>Threads: the main thread runs the stacks one at a time; in a child, paced producer threads log and a
 * tailer thread reads the file as it grows.
 *
 * <p>Builds on {@code check}, {@code cli}, {@code report}, {@code stack}, and {@code compare}'s runner for a
 * stack's capacity.
 */
package io.github.unifiedwriter.perf.latency;
