package io.github.unifiedwriter.core;

/** A batch held outside the ring, replayed from its start for each destination. */
interface ReplayableBatch extends RecordBatch
{
    /** Restores every record's bounds and clears the confirmed count. */
    void replay();

    int confirmed();
}
