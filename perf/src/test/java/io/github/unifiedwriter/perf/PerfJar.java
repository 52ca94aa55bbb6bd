package io.github.unifiedwriter.perf;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the packaged {@code unifiedwriter-perf.jar} in a child JVM, as a user would, for the smoke
 * checks. Every child is bounded in time and killed when the test is done with it.
 */
public final class PerfJar implements AutoCloseable
{
    private final Process process;
    private final List<String> output = new ArrayList<>();
    private final Thread reader;

    private PerfJar(final Process process)
    {
        this.process = process;
        this.reader = new Thread(this::read, "perf-jar-output");
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * True once the plugin's appender is built into this module's class path; until then the checks
     * that log through UnifiedWriter have nothing to run and are skipped.
     */
    public static boolean pluginPresent()
    {
        try
        {
            Class.forName("io.github.unifiedwriter.log4j2.UnifiedWriterAppender", false, PerfJar.class.getClassLoader());
            return true;
        }
        catch (final ClassNotFoundException ex)
        {
            return false;
        }
    }

    /** The jar under test, made by the package phase. */
    public static Path jar()
    {
        final Path jar = Path.of(System.getProperty("perf.jar", "target/unifiedwriter-perf.jar"));
        if (!Files.isRegularFile(jar))
        {
            throw new IllegalStateException("no " + jar.toAbsolutePath() + ": run the package phase first");
        }
        return jar;
    }

    /** The repository's top folder, where {@code log4j2-test.xml} lives. */
    public static Path repoRoot()
    {
        return Path.of(System.getProperty("perf.repoRoot", "..")).toAbsolutePath().normalize();
    }

    /** A fresh folder under the build's work folder for one test's files. */
    public static Path workDir(final String name) throws IOException
    {
        final Path base = Path.of(System.getProperty("perf.workDir", "target/it-work"));
        return Files.createTempDirectory(Files.createDirectories(base), name + "-");
    }

    public static PerfJar start(final List<String> jvmArgs, final String... args) throws IOException
    {
        final List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmArgs);
        command.add("-jar");
        command.add(jar().toString());
        command.addAll(List.of(args));
        return new PerfJar(new ProcessBuilder(command).redirectErrorStream(true).start());
    }

    /** Runs to the end, within {@code timeout}; returns the exit code, or throws if it ran over. */
    public static Result run(final Duration timeout, final List<String> jvmArgs, final String... args)
        throws IOException, InterruptedException
    {
        try (PerfJar child = start(jvmArgs, args))
        {
            if (!child.process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS))
            {
                throw new AssertionError("ran over " + timeout + "; output so far:\n" + child.output());
            }
            child.reader.join(5000);
            return new Result(child.process.exitValue(), child.output());
        }
    }

    /** Exit code and everything printed. */
    public record Result(int exitCode, String output)
    {
    }

    /** Everything printed so far. */
    public String output()
    {
        synchronized (output)
        {
            return String.join("\n", output);
        }
    }

    public boolean isAlive()
    {
        return process.isAlive();
    }

    @Override
    public void close() throws InterruptedException
    {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    private void read()
    {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)))
        {
            String line;
            while ((line = in.readLine()) != null)
            {
                synchronized (output)
                {
                    output.add(line);
                }
            }
        }
        catch (final IOException ignored)
        {
            // The child was killed.
        }
    }
}
