package io.github.unifiedwriter.perf.report;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;


/** Picks what our stacks are measured against: the fastest complete Log4j2 run at a thread count. */
public final class Baseline
{
    private Baseline()
    {
    }

    public static Optional<RunResult> bestLog4j(final List<RunResult> results, final int threads)
    {
        return results.stream()
            .filter(r -> r.threads() == threads && r.stack().log4jBaseline() && r.counts())
            .max(Comparator.comparingDouble(RunResult::linesPerSec));
    }
}
