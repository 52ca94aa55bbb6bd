package io.github.unifiedwriter.perf;

import java.io.PrintStream;
import java.util.Arrays;

import io.github.unifiedwriter.perf.compare.CompareCommand;
import io.github.unifiedwriter.perf.demo.DemoCommand;
import io.github.unifiedwriter.perf.gzip.GzipCommand;
import io.github.unifiedwriter.perf.idle.IdleCommand;
import io.github.unifiedwriter.perf.latency.LatencyCommand;
import io.github.unifiedwriter.perf.memory.MemoryCommand;
import io.github.unifiedwriter.perf.soak.SoakCommand;
import io.github.unifiedwriter.perf.stress.StressCommand;
import io.github.unifiedwriter.perf.stall.StallCommand;

/** Entry point of {@code unifiedwriter-perf.jar}: picks the command named first on the command line. */
public final class Main
{
    private Main()
    {
    }

    public static void main(final String[] args) throws Exception
    {
        System.setProperty("java.awt.headless", "true");
        System.exit(run(args, System.out));
    }

    static int run(final String[] args, final PrintStream out) throws Exception
    {
        if (args.length == 0 || "--help".equals(args[0]) || "help".equals(args[0]))
        {
            usage(out);
            return args.length == 0 ? 1 : 0;
        }
        final String[] rest = Arrays.copyOfRange(args, 1, args.length);
        try
        {
            return switch (args[0])
            {
                case "demo" -> DemoCommand.run(rest, out);
                case "compare" -> CompareCommand.run(rest, out);
                case "latency" -> LatencyCommand.run(rest, out);
                case "soak" -> SoakCommand.run(rest, out);
                case "stress" -> StressCommand.run(rest, out);
                case "stall" -> StallCommand.run(rest, out);
                case "memory" -> MemoryCommand.run(rest, out);
                case "gzip" -> GzipCommand.run(rest, out);
                case "idle" -> IdleCommand.run(rest, out);
                default ->
                {
                    out.println("unknown command '" + args[0] + "'");
                    usage(out);
                    yield 1;
                }
            };
        }
        catch (final IllegalArgumentException ex)
        {
            out.println(args[0] + ": " + ex.getMessage());
            usage(out);
            return 1;
        }
    }

    private static void usage(final PrintStream out)
    {
        out.println("usage: java -jar unifiedwriter-perf.jar <command> [options]");
        out.println("  " + DemoCommand.USAGE);
        out.println("  " + CompareCommand.USAGE);
        out.println("  " + LatencyCommand.USAGE);
        out.println("  " + SoakCommand.USAGE);
        out.println("  " + StressCommand.USAGE);
        out.println("  " + StallCommand.USAGE);
        out.println("  " + GzipCommand.USAGE);
        out.println("  " + IdleCommand.USAGE);
        out.println("  " + MemoryCommand.USAGE);
    }
}
