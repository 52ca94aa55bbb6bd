package io.github.unifiedwriter.perf.stall;

import io.github.unifiedwriter.perf.latency.LatencyMeasure;
import io.github.unifiedwriter.perf.stack.Stack;

/**
 * One stack's stall run: what its latency child measured (null if it measured nothing), the freezes it
 * went through, and what went wrong, if anything.
 *
 * @param frozenMillis from the start of each {@code fsfreeze -f} to the end of its {@code fsfreeze -u}, summed
 * @param longestMillis the longest of those
 * @param error        why the child measured nothing, or why the freezes stopped early; null if neither
 */
record StallResult(Stack stack, LatencyMeasure measure, int freezes, long frozenMillis, long longestMillis,
    String error)
{
}
