/**
 * Reading a log file back: which producer wrote each line and its number in that producer's sequence, and
 * whether every sequence is complete, once and in order. Works on raw bytes, for files of millions of lines.
 *
 * <p>Threads: the thread that checks a file, after the run or while it runs (a tailer's own thread).
 *
 * <p>Imports only the JDK: never a command, nor the plugin or a logging library.
 */
package io.github.unifiedwriter.perf.check;
