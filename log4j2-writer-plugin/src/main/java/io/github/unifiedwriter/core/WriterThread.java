package io.github.unifiedwriter.core;

/**
 * The thread type of every writer, so that any writer can tell when a record comes from another writer's
 * thread: such a thread never waits for room in a ring, since the writer it would wait on may be waiting for
 * it (a reload hands records from the retiring writer's thread to the next one, which writes only after the
 * retiring one has let go of the file).
 */
final class WriterThread extends Thread
{
    WriterThread(final Runnable loop, final String name)
    {
        super(loop, name);
        setDaemon(true);
    }

    /** Any thread: whether the calling thread belongs to some writer. */
    static boolean isAnyWriter()
    {
        return Thread.currentThread() instanceof WriterThread;
    }
}
