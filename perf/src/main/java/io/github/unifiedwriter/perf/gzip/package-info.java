/**
 * The {@code gzip} command: what compressing a rolled file costs, measured on Log4j2's own {@code
 * GzCompressAction}, the action a {@code .gz} file pattern runs. Runs on the command's main thread only. Imports
 * nothing from the other commands.
 */
package io.github.unifiedwriter.perf.gzip;
