package io.github.unifiedwriter.core;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Seeded random chains of enqueue, flush, trigger, restart, reopen, reconfiguration and stop against a
 * destination that fails, tears records and slows down. {@code -Dstress.seed=S -Dstress.seeds=N} runs seeds S to
 * S+N-1; a failure prints the seed and what it did.
 */
class LifecycleStressTest
{
    @Test
    void everyRecordIsResolvedOnceWrittenAtMostOnceAndCountedWhateverTheInterleaving() throws Exception
    {
        final long first = Long.getLong("stress.seed", 1);
        final int seeds = Integer.getInteger("stress.seeds", 200);
        final List<String> failures = new ArrayList<>();
        for (long seed = first; seed < first + seeds && failures.size() < 3; seed++)
        {
            final String failure = new LifecycleStress(seed).run();
            if (failure != null)
            {
                failures.add(failure);
            }
        }
        assertEquals(List.of(), failures, String.join("\n\n", failures));
    }
}
