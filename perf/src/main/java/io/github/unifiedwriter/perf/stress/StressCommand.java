package io.github.unifiedwriter.perf.stress;

import java.io.PrintStream;
import java.util.Locale;

import io.github.unifiedwriter.core.LifecycleStress;
import io.github.unifiedwriter.perf.cli.Options;

/**
 * Runs the writer's lifecycle stress for as many seeds as asked: the same seeded chains of enqueue, flush,
 * trigger, restart, reopen, reconfiguration and stop against a faulty destination that {@code mvn verify} runs
 * for 200 seeds. Prints every failure with its seed; exits 1 if any seed failed.
 */
public final class StressCommand
{
    public static final String USAGE = "stress [--seed S (1)] [--seeds N (10,000)]: the lifecycle stress run, seeds S "
        + "to S+N-1";

    private StressCommand()
    {
    }

    public static int run(final String[] args, final PrintStream out) throws Exception
    {
        final Options options = Options.parse(args);
        final long first = options.longValue("seed", 1);
        final long seeds = options.longValue("seeds", 10_000);
        options.rejectUnknown();
        if (seeds < 1)
        {
            throw new IllegalArgumentException("Invalid --seeds: '" + seeds + "'; accepted: 1 or more");
        }
        final long start = System.nanoTime();
        int failed = 0;
        for (long seed = first; seed < first + seeds; seed++)
        {
            final String failure = new LifecycleStress(seed).run();
            if (failure != null)
            {
                failed++;
                out.println(failure);
            }
            final long done = seed - first + 1;
            if (done % 500 == 0 || done == seeds)
            {
                out.printf(Locale.ROOT, "%,d of %,d seeds run, %d failed, %.0f s%n", done, seeds, failed,
                    (System.nanoTime() - start) / 1e9);
            }
        }
        return failed == 0 ? 0 : 1;
    }
}
