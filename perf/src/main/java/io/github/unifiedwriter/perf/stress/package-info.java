/**
 * The {@code stress} command: the engine's seeded lifecycle stress for as many seeds as asked.
 *
 * <p>Threads: the main thread, and those the stress starts.
 *
 * <p>Builds on {@code cli} and the plugin's {@code core}; never imports another command.
 */
package io.github.unifiedwriter.perf.stress;
