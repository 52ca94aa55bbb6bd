package io.github.unifiedwriter.log4j2;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;

import org.openjdk.jmh.infra.Blackhole;

/**
 * The paths of {@link EncodePathBenchmark}, timed in alternating blocks on the thread's own CPU clock: on a
 * shared machine a descheduled thread inflates JMH's wall-clock figures, and alternating puts both paths under
 * the same neighbours. Prints each path's median and quartiles of CPU ns per event over the blocks, and the
 * median of the per-round ratios. Run: {@code java -cp benchmarks.jar
 * io.github.unifiedwriter.log4j2.EncodePathAlternation [rounds] [eventsPerBlock]}. Main thread only.
 */
public final class EncodePathAlternation
{
    private EncodePathAlternation()
    {
    }

    public static void main(final String[] args)
    {
        final int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 60;
        final int block = args.length > 1 ? Integer.parseInt(args[1]) : 200_000;
        final String text = args.length > 2 ? args[2] : "ascii";
        final EncodePathBenchmark bench = new EncodePathBenchmark();
        bench.text = text;
        bench.setUp();
        final Blackhole hole = new Blackhole(
            "Today's password is swordfish. I understand instantiating Blackholes directly is dangerous.");
        final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        final double[] old = new double[rounds];
        final double[] fast = new double[rounds];
        final double[] serialize = new double[rounds];
        final double[] noCopy = new double[rounds];
        final double[] ratio = new double[rounds];
        for (int warm = 0; warm < 10; warm++)
        {
            run(bench, 0, block, hole);
            run(bench, 1, block, hole);
            run(bench, 2, block, hole);
            run(bench, 3, block, hole);
        }
        for (int r = 0; r < rounds; r++)
        {
            for (int k = 0; k < 4; k++)
            {
                final int path = (r + k) % 4;
                final long start = threads.getCurrentThreadCpuTime();
                run(bench, path, block, hole);
                final double ns = (threads.getCurrentThreadCpuTime() - start) / (double)block;
                (path == 0 ? old : path == 1 ? fast : path == 2 ? serialize : noCopy)[r] = ns;
            }
            ratio[r] = fast[r] / old[r];
        }
        System.out.println(String.format(Locale.ROOT, "text=%s rounds=%d events/block=%d (CPU ns/event: median [q1, q3])",
            text, rounds, block));
        System.out.println("layoutEncode   " + summary(old));
        System.out.println("patternEncoder " + summary(fast));
        System.out.println("patternEncoderNoCopy " + summary(noCopy));
        System.out.println("serializeOnly  " + summary(serialize));
        System.out.println("patternEncoder/layoutEncode per round " + summary(ratio));
    }

    private static void run(final EncodePathBenchmark bench, final int path, final int block, final Blackhole hole)
    {
        for (int i = 0; i < block; i++)
        {
            hole.consume(path == 0 ? bench.layoutEncode() : path == 1 ? bench.patternEncoder() :
                path == 2 ? bench.serializeOnly() : bench.patternEncoderNoCopy());
        }
    }

    private static String summary(final double[] values)
    {
        final double[] sorted = values.clone();
        Arrays.sort(sorted);
        final int n = sorted.length;
        return String.format(Locale.ROOT, "%.3f [%.3f, %.3f]", sorted[n / 2], sorted[n / 4], sorted[3 * n / 4]);
    }
}
