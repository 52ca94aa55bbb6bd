package io.github.unifiedwriter.core;

import io.github.unifiedwriter.core.BatchDestination.RecordBatch;

/** A batch held outside the ring, replayed from its start for each destination. */
interface ReplayableBatch extends RecordBatch
{
    /** Restores every record's bounds and clears the confirmed count. */
    void replay();

    int confirmed();
}
