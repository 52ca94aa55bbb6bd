package io.github.unifiedwriter.perf.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;


/**
 * The repeats of one (stack, threads) pair, shown as one run. On a shared machine single runs swing
 * widely, so the comparison repeats each pair and shows the median run, with the range beside it. A
 * pair counts only if every repeat was complete; otherwise the worst repeat is shown, so a loss is never
 * hidden behind a lucky run. A reference's runs are never checked, so only a failed one is shown in place of
 * the median.
 *
 * @param shown the run that represents the pair
 */
public record RunGroup(RunResult shown, double minLinesPerSec, double maxLinesPerSec, int runs)
{
    /** Groups runs by (stack, threads), in the order the pairs first ran. */
    public static List<RunGroup> of(final List<RunResult> results)
    {
        final Map<String, List<RunResult>> pairs = new LinkedHashMap<>();
        for (final RunResult r : results)
        {
            pairs.computeIfAbsent(r.stack().id() + "@" + r.threads(), k -> new ArrayList<>()).add(r);
        }
        final List<RunGroup> groups = new ArrayList<>();
        for (final List<RunResult> runs : pairs.values())
        {
            final double min = runs.stream().mapToDouble(RunResult::linesPerSec).min().orElse(0);
            final double max = runs.stream().mapToDouble(RunResult::linesPerSec).max().orElse(0);
            groups.add(new RunGroup(pick(runs), min, max, runs.size()));
        }
        return groups;
    }

    /** The representative runs, one per pair: what the baseline, chart and ratios use. */
    public static List<RunResult> shown(final List<RunGroup> groups)
    {
        return groups.stream().map(RunGroup::shown).toList();
    }

    private static RunResult pick(final List<RunResult> runs)
    {
        final List<RunResult> bad = runs.stream().filter(r -> !r.sound()).toList();
        if (!bad.isEmpty())
        {
            return bad.stream().max(Comparator.comparingLong(RunResult::lost)).orElseThrow();
        }
        final List<RunResult> sorted = new ArrayList<>(runs);
        sorted.sort(Comparator.comparingDouble(RunResult::linesPerSec));
        return sorted.get((sorted.size() - 1) / 2);
    }
}
