package io.github.unifiedwriter.sink;

import java.io.IOException;

import io.github.unifiedwriter.core.BatchDestination;

/**
 * What the file sinks share: the open file, its fsync schedule and its footer. The fsync policy is the
 * one setting a sink takes live, so that a reload can change durability without reopening the file.
 *
 * <p>Threads: the writer thread calls the {@link BatchDestination} methods; {@link #setFsync} may be
 * called from any thread.
 */
public abstract sealed class FileSink implements BatchDestination permits FileChannelSink, MappedFileSink
{
    final MarkedFile file;
    final FsyncSchedule sync;
    final byte[] footer;

    FileSink(final MarkedFile file, final FileSinkOptions options)
    {
        this.file = file;
        this.sync = file.sync();
        this.footer = options.footer();
    }

    /**
     * Replaces the fsync policy; takes effect from the next write or idle call. Any thread.
     *
     * @param fsync the new policy
     */
    public final void setFsync(final FsyncPolicy fsync)
    {
        sync.policy(fsync);
    }

    /** Forces the file when the interval policy says it is due. Writer thread. */
    @Override
    public final void idle() throws IOException
    {
        sync.forceIfDue(file);
    }

    /**
     * What opening had to say about the file's tail: what it cut after an unclean end, why it left such a tail as
     * it is, or that no open marker could be written beside the file. Null when there is nothing to say. Any
     * thread, once opened.
     *
     * @return a sentence for a warning, or null
     */
    public final String openWarning()
    {
        return file.openWarning();
    }

    /** Forces done so far, for tests of the fsync policies. */
    final long forces()
    {
        return sync.forces();
    }
}
