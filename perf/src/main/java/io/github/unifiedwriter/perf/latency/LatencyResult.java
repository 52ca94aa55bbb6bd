package io.github.unifiedwriter.perf.latency;

import io.github.unifiedwriter.perf.stack.Stack;

/** One stack's latency run: its offered rate and what the child measured, or why it measured nothing. */
public record LatencyResult(Stack stack, double rate, LatencyMeasure measure, String error)
{
    static LatencyResult failed(final Stack stack, final double rate, final String error)
    {
        return new LatencyResult(stack, rate, null, error);
    }
}
