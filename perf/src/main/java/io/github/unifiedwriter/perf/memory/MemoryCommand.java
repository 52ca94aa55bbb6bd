package io.github.unifiedwriter.perf.memory;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.github.unifiedwriter.perf.cli.Options;
import io.github.unifiedwriter.perf.stack.ChildJvm;
import io.github.unifiedwriter.perf.stack.Stack;
import io.github.unifiedwriter.perf.stack.Family;

/**
 * {@code memory}: what one appender holds on to at its defaults. Each stack and record size runs in a fresh
 * JVM ({@link MemoryChild}); the figures are the heap (after a full collection) and the direct and mapped
 * buffers that stopping the stack gave back.
 *
 * <p>Exit code 0, or 1 for a usage error or a run that failed.
 */
public final class MemoryCommand
{
    public static final String USAGE = "memory [--stacks uw-block,uw-line,uw-mmap,log4j-raf,log4j-mmf]"
        + " [--record-bytes 98,2048] [--threads 4] [--events 65536] [--jvm-args \"-Xms1g -Xmx1g\"]";

    private static final List<String> DEFAULT_STACKS = List.of("uw-block", "uw-line", "uw-mmap", "log4j-raf", "log4j-mmf");
    private static final String ROW = "%-12s %8s %12s %12s %12s   %s%n";

    private MemoryCommand()
    {
    }

    public static int run(final String[] args, final PrintStream out) throws IOException
    {
        final Options options = Options.parse(args);
        final List<Stack> stacks =
            Stack.requireFiles(Stack.byIds(options.stringList("stacks", DEFAULT_STACKS)), "memory");
        final List<Integer> sizes = options.intList("record-bytes", List.of(98, 2048));
        final int threads = options.intValue("threads", 4);
        final long events = options.longValue("events", 65_536);
        final List<String> jvmArgs = List.of(options.string("jvm-args", "-Xms1g -Xmx1g").trim().split("\\s+"));
        options.rejectUnknown();
        if (threads <= 0 || events < threads || sizes.stream().anyMatch(s -> s < 60))
        {
            throw new IllegalArgumentException("--threads takes a positive number, --events at least one per thread,"
                + " --record-bytes sizes of 60 bytes or more");
        }
        for (final Stack stack : stacks)
        {
            if (stack.family() != Family.LOG4J2 || stack.asyncLoggers())
            {
                throw new IllegalArgumentException("memory measures one Log4j2 appender; " + stack.id() + " is not one");
            }
        }

        out.printf(Locale.ROOT, "memory: %,d records from %d threads per run; what stopping the stack gave back"
            + " (heap after a full collection), in KiB%n", events, threads);
        out.printf(Locale.ROOT, ROW, "stack", "record", "heap", "direct", "mapped", "heap in use while running");
        int failed = 0;
        for (final Stack stack : stacks)
        {
            for (final int size : sizes)
            {
                final Path file = Files.createTempFile("uw-memory-", ".log");
                try
                {
                    final ChildJvm.Outcome outcome = ChildJvm.run(stack, jvmArgs, MemoryChild.class,
                        List.of(stack.id(), Integer.toString(size), Integer.toString(threads), Long.toString(events),
                            file.toString()), Duration.ofMinutes(5), MemoryChild.PREFIX, null);
                    if (!outcome.ok() || outcome.reports().isEmpty())
                    {
                        failed++;
                        out.printf(Locale.ROOT, "%-12s %8d FAILED: %s%n", stack.id(), size,
                            outcome.tail().lines().reduce((a, b) -> b).orElse("exit " + outcome.exitCode()));
                        continue;
                    }
                    out.print(row(MemoryChild.words(outcome.reports().get(0))));
                }
                finally
                {
                    Files.deleteIfExists(file);
                }
            }
        }
        return failed == 0 ? 0 : 1;
    }

    private static String row(final Map<String, String> words)
    {
        final MemoryUse running = MemoryUse.parse(words, "running");
        final MemoryUse held = running.minus(MemoryUse.parse(words, "stopped"));
        return String.format(Locale.ROOT, ROW, words.get("stack"), words.get("recordBytes") + " B", kib(held.heap()),
            kib(held.direct()), kib(held.mapped()), kib(running.heap()) + " KiB");
    }

    private static String kib(final long bytes)
    {
        return String.format(Locale.ROOT, "%,d", bytes / 1024);
    }
}
