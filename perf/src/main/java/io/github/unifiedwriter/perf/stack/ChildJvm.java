package io.github.unifiedwriter.perf.stack;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Runs one stack in a fresh JVM and collects the lines it reports. The child's class path is the perf
 * jar plus the stack's own folder of jars, so Disruptor 3 and 4 never meet, and Logback never sits
 * beside Log4j2. A child that outlives its timeout is killed; so is every child when this returns.
 */
public final class ChildJvm
{
    /** Overrides the folder of per-stack jars (by default {@code perf-libs} beside the perf jar). */
    public static final String LIBS_PROPERTY = "uw.perf.libs";

    private ChildJvm()
    {
    }

    /** What a child printed and how it ended. */
    public record Outcome(int exitCode, boolean timedOut, List<String> reports, List<String> otherOutput)
    {
        public boolean ok()
        {
            return exitCode == 0 && !timedOut;
        }

        /** The last lines the child printed that were not reports, to explain a failure. */
        public String tail()
        {
            final int from = Math.max(0, otherOutput.size() - 15);
            return String.join(System.lineSeparator(), otherOutput.subList(from, otherOutput.size()));
        }
    }

    /**
     * @param reportPrefix lines starting with it are collected as reports; the others are kept for
     *                     {@link Outcome#tail()} and echoed to {@code echo} if it is not null
     */
    public static Outcome run(final Stack stack, final List<String> jvmArgs, final Class<?> mainClass,
        final List<String> args, final Duration timeout, final String reportPrefix, final PrintStream echo)
    {
        return run(stack, jvmArgs, mainClass, args, timeout, reportPrefix, echo, line -> { });
    }

    /**
     * As {@link #run(Stack, List, Class, List, Duration, String, PrintStream)}, and hands every line to
     * {@code onLine} as it arrives, on the thread that reads the child's output: to act while it runs.
     */
    public static Outcome run(final Stack stack, final List<String> jvmArgs, final Class<?> mainClass,
        final List<String> args, final Duration timeout, final String reportPrefix, final PrintStream echo,
        final Consumer<String> onLine)
    {
        final List<String> command = new ArrayList<>();
        command.add(javaExecutable());
        command.addAll(jvmArgs);
        command.add("-cp");
        command.add(classPath(stack));
        command.add(mainClass.getName());
        command.addAll(args);

        final List<String> reports = new ArrayList<>();
        final List<String> other = new ArrayList<>();
        Process process = null;
        try
        {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
            final Process child = process;
            final Thread reader = new Thread(() -> collect(child, reportPrefix, reports, other, echo, onLine),
                "child-output-" + stack.id());
            reader.setDaemon(true);
            reader.start();
            final boolean exited = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!exited)
            {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            reader.join(TimeUnit.SECONDS.toMillis(10));
            synchronized (reports)
            {
                return new Outcome(exited ? process.exitValue() : -1, !exited, List.copyOf(reports), List.copyOf(other));
            }
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("could not start " + command, ex);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while " + stack.id() + " ran", ex);
        }
        finally
        {
            if (process != null && process.isAlive())
            {
                process.destroyForcibly();
            }
        }
    }

    private static void collect(final Process child, final String reportPrefix, final List<String> reports,
        final List<String> other, final PrintStream echo, final Consumer<String> onLine)
    {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8)))
        {
            String line;
            while ((line = in.readLine()) != null)
            {
                onLine.accept(line);
                synchronized (reports)
                {
                    if (line.startsWith(reportPrefix))
                    {
                        reports.add(line);
                        continue;
                    }
                    other.add(line);
                }
                if (echo != null)
                {
                    echo.println("    | " + line);
                }
            }
        }
        catch (final IOException ignored)
        {
            // The child was killed: what was read is all there is.
        }
    }

    /** The java launcher of the running JVM, so children run on the same JDK. */
    public static String javaExecutable()
    {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** Perf jar (or classes folder) plus the stack's folder of jars. */
    public static String classPath(final Stack stack)
    {
        final List<String> entries = new ArrayList<>(base());
        if (!stack.libs().isEmpty())
        {
            final Path folder = libsFolder().resolve(stack.libs());
            try (Stream<Path> jars = Files.list(folder))
            {
                jars.filter(p -> p.toString().endsWith(".jar")).sorted().forEach(p -> entries.add(p.toString()));
            }
            catch (final IOException ex)
            {
                throw new UncheckedIOException("stack " + stack.id() + " needs the jars in " + folder
                    + " (made by the perf module's package phase)", ex);
            }
        }
        return String.join(File.pathSeparator, entries);
    }

    /** The folder of per-stack jar folders. */
    public static Path libsFolder()
    {
        final String configured = System.getProperty(LIBS_PROPERTY);
        return configured != null ? Path.of(configured) : ownLocation().getParent().resolve("perf-libs");
    }

    private static List<String> base()
    {
        final Path own = ownLocation();
        if (!Files.isDirectory(own))
        {
            return List.of(own.toString());
        }
        // Running from a classes folder: keep the class path, less the jars each stack brings itself.
        final List<String> entries = new ArrayList<>();
        for (final String entry : System.getProperty("java.class.path").split(File.pathSeparator))
        {
            final String e = entry.replace('\\', '/');
            if (!(e.contains("/com/lmax/") || e.contains("/ch/qos/") || e.contains("/net/logstash/")
                || e.contains("/org/slf4j/") || e.contains("jackson")))
            {
                entries.add(entry);
            }
        }
        return entries;
    }

    private static Path ownLocation()
    {
        try
        {
            return Path.of(ChildJvm.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        }
        catch (final URISyntaxException ex)
        {
            throw new IllegalStateException(ex);
        }
    }
}
