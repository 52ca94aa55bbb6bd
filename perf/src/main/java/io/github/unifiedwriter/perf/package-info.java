/**
 * The runnable jar's entry point: {@link io.github.unifiedwriter.perf.Main} picks a command by name.
 *
 * <p>Threads: the main thread only. Imports the commands; no other package imports this one.
 */
package io.github.unifiedwriter.perf;
