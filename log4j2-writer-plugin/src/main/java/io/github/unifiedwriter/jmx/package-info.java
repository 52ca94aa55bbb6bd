/**
 * The MXBean of an appender: its attributes and operations, their descriptions, its ObjectName, and the
 * notifications on drops and state changes. It sees a writer only through
 * {@link io.github.unifiedwriter.jmx.MonitoredWriter}.
 *
 * <p>Threads: the owner's lifecycle thread registers and unregisters a bean; JMX connector threads read
 * attributes and invoke operations; one daemon thread per registered bean samples the counters and sends the
 * notifications. The writer thread and the producers never run code of this package.
 *
 * <p>Imports only the JDK ({@code javax.management} included) and {@code core}: never
 * {@code org.apache.logging}, {@code sink} or {@code log4j2}.
 */
package io.github.unifiedwriter.jmx;
