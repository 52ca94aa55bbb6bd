package io.github.unifiedwriter.perf.stall;

import io.github.unifiedwriter.perf.latency.LatencyMeasure;
import io.github.unifiedwriter.perf.stack.Stack;

/**
 * One stack's stall run: what its latency child measured (null if it measured nothing), the freezes it
 * went through, and what went wrong, if anything.
 *
 * @param control      true for the control run, whose file was off the frozen mount
 * @param frozenMillis from the start of each {@code fsfreeze -f} to the end of its {@code fsfreeze -u}, summed
 * @param longestMillis the longest of those
 * @param fileBytes    the size of the stack's file at the end of the run
 * @param error        why the child measured nothing, or why the freezes stopped early; null if neither
 */
record StallResult(Stack stack, boolean control, LatencyMeasure measure, int freezes, long frozenMillis,
    long longestMillis, long fileBytes, String error)
{
    /** The stack's name, marked for a control run. */
    String label()
    {
        return control ? stack.id() + " ctl" : stack.id();
    }
}
