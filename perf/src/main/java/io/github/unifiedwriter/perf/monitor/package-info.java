/**
 * The UnifiedWriter appenders as a JMX console sees them: counters, attributes and operations read by name,
 * with no compile-time link to the plugin. The demo, the comparison's children and the soak share it.
 *
 * <p>Threads: any. Imports only the JDK.
 */
package io.github.unifiedwriter.perf.monitor;
