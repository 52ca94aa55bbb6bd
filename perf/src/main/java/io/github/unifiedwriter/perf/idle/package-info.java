/**
 * The {@code idle} command: the CPU an idle writer thread uses at each wake-up period. Runs on the command's main
 * thread, which samples the writer threads it starts. Uses only the engine's public API; imports nothing from the
 * other commands.
 */
package io.github.unifiedwriter.perf.idle;
