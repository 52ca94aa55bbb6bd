package io.github.unifiedwriter.reliability;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * A second JVM running {@link LoggingChild} on the test classpath, so the suite can kill a process that
 * logs, or let one exit, and look at the file it leaves. Its output is read on a thread of its own, so a
 * silent or chatty child never blocks the test.
 */
final class LoggingChildJvm implements AutoCloseable
{
    private final Process process;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final List<String> output = new CopyOnWriteArrayList<>();

    private LoggingChildJvm(final Process process)
    {
        this.process = process;
        final Thread reader = new Thread(this::read, "child-output");
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts {@link LoggingChild} with Log4j2 configured from {@code config}. */
    static LoggingChildJvm start(final Path config, final String... args)
    {
        final List<String> command = new ArrayList<>(List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Xmx128m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
            "-Dlog4j2.configurationFile=" + config.toUri(),
            "-cp", System.getProperty("java.class.path"),
            LoggingChild.class.getName()));
        command.addAll(List.of(args));
        try
        {
            return new LoggingChildJvm(new ProcessBuilder(command).redirectErrorStream(true).start());
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    /** Waits, at most 60 s, for the child to print a line that starts with {@code expected}, and returns it. */
    String awaitLine(final String expected)
    {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        try
        {
            while (true)
            {
                final String line = lines.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (line != null && line.startsWith(expected))
                {
                    return line;
                }
                if (line == null && (System.nanoTime() >= deadline || !process.isAlive() && lines.isEmpty()))
                {
                    fail("the child never said '" + expected + "...'; it said " + output);
                }
            }
        }
        catch (final InterruptedException ex)
        {
            throw new AssertionError(ex);
        }
    }

    /** SIGKILL: no shutdown hook, no flush, no close. */
    void kill()
    {
        process.destroyForcibly();
        assertTrue(waitFor() == 137, "ended by SIGKILL; output " + output);
    }

    /** Waits, at most 60 s, for the child to end, and returns its exit status. */
    int waitFor()
    {
        try
        {
            assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the child is still running; output " + output);
        }
        catch (final InterruptedException ex)
        {
            throw new AssertionError(ex);
        }
        return process.exitValue();
    }

    List<String> output()
    {
        return output;
    }

    @Override
    public void close()
    {
        process.destroyForcibly();
    }

    private void read()
    {
        try (BufferedReader in = new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)))
        {
            for (String line = in.readLine(); line != null; line = in.readLine())
            {
                output.add(line);
                lines.add(line);
            }
        }
        catch (final IOException ex)
        {
            output.add("(output lost: " + ex + ")");
        }
    }
}
