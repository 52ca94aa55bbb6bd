/**
 * The command line's options, read strictly: a mistyped name or a bad number is refused, never defaulted.
 *
 * <p>Threads: the main thread. Imports only the JDK.
 */
package io.github.unifiedwriter.perf.cli;
