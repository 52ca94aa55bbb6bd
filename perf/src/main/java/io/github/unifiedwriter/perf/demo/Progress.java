package io.github.unifiedwriter.perf.demo;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.function.LongSupplier;

import io.github.unifiedwriter.perf.monitor.WriterBean;

/**
 * Shows how far the demo is, twice a second, on its own daemon thread: calls made, the call rate, and
 * each appender's Written counter read through JMX. On a terminal it redraws one line; piped, it prints
 * a line a second.
 */
final class Progress implements Runnable
{
    private final PrintStream out;
    private final LongSupplier calls;
    private final long events;
    private final List<WriterBean> beans;
    private final boolean terminal = System.console() != null;
    private volatile boolean running = true;
    private final Thread thread;

    Progress(final PrintStream out, final LongSupplier calls, final long events, final List<WriterBean> beans)
    {
        this.out = out;
        this.calls = calls;
        this.events = events;
        this.beans = beans;
        this.thread = new Thread(this, "demo-progress");
        thread.setDaemon(true);
        thread.start();
    }

    void stop() throws InterruptedException
    {
        running = false;
        thread.interrupt();
        thread.join(2000);
        if (terminal)
        {
            out.println();
        }
    }

    @Override
    public void run()
    {
        final long start = System.nanoTime();
        long lastPrint = 0;
        while (running)
        {
            try
            {
                Thread.sleep(terminal ? 500 : 1000);
            }
            catch (final InterruptedException ex)
            {
                return;
            }
            final long now = System.nanoTime();
            final long made = calls.getAsLong();
            final StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%5.1f s  %3d%%  %,d calls  %,.0f/s",
                (now - start) / 1e9, made * 100 / Math.max(1, events), made, made / ((now - start) / 1e9)));
            for (final WriterBean bean : beans)
            {
                line.append(String.format(Locale.ROOT, "  %s: %,d written", bean.appender(), bean.counter("Written")));
            }
            if (terminal)
            {
                out.print("\r" + line + "   ");
                out.flush();
            }
            else if (now - lastPrint >= 1_000_000_000L)
            {
                out.println(line);
                lastPrint = now;
            }
        }
    }
}
