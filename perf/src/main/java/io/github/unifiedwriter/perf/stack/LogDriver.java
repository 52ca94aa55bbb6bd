package io.github.unifiedwriter.perf.stack;

import java.net.URL;

/**
 * One logging library configured as one stack. Producers call {@link #log} from many threads at once;
 * {@link #start} and {@link #stop} are called by one thread, before and after them.
 */
public interface LogDriver
{
    /** The call every stack is measured with; its arguments are boxed by the caller, as in an application. */
    String MESSAGE = "Order {} filled at {} for client {}";
    /** The same call with the intended send time appended, for call-to-file latency. */
    String STAMPED_MESSAGE = "Order {} filled at {} for client {} sent {}";
    double PRICE = 123.45;
    String CLIENT = "ACME";
    /** Logger name: {@code %c{1}} prints it. */
    String LOGGER = "Bench";

    /** Configures the library from {@code config}; the log file is named by a system property. */
    void start(URL config) throws Exception;

    /** {@code info("Order {} filled at {} for client {}", seq, 123.45, "ACME")}. */
    void log(long seq);

    /** As {@link #log(long)}, with the intended send time in {@link System#nanoTime()} units. */
    void logStamped(long seq, long sentNanos);

    /** Returns once every line logged before is in the file, and the file is closed. */
    void stop() throws Exception;
}
