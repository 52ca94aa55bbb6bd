package io.github.unifiedwriter.log4j2;

import java.io.IOException;

import io.github.unifiedwriter.core.BatchDestination;
import io.github.unifiedwriter.sink.FsyncPolicy;

/**
 * A file destination whose open file it closes and replaces by itself between two batches: the rolling file at
 * each rollover, the file that follows an outside rename. Between the close of one file and the open of the
 * next, there is no open file, and a reopen opens the next one.
 *
 * <p>One writing thread at a time calls every method; the manager calls {@link #setFsync} on a reload, under
 * its lock.
 */
abstract class SwitchingFile implements BatchDestination
{
    final SinkFactory files;
    SinkSettings settings;
    BatchDestination sink;

    SwitchingFile(final SinkFactory files, final SinkSettings settings)
    {
        this.files = files;
        this.settings = settings;
    }

    /** Writing thread: opens the file that comes next, when there is none open. */
    abstract void openNext() throws IOException;

    /** Writing thread, idle: switches files now if it is time to, before the open file does its timed work. */
    abstract void switchIfDue(long now) throws IOException;

    @Override
    public final void reopen() throws IOException
    {
        if (sink == null)
        {
            openNext();
        }
        else
        {
            sink.reopen();
        }
    }

    @Override
    public final void idle() throws IOException
    {
        if (sink == null)
        {
            return;
        }
        switchIfDue(System.currentTimeMillis());
        if (sink != null)
        {
            sink.idle();
        }
    }

    /** Closes the open file as it is; a footer, if any, is the caller's to write first. */
    @Override
    public final void close() throws IOException
    {
        final BatchDestination last = sink;
        sink = null;
        if (last != null)
        {
            last.close();
        }
    }

    /** A reload changed the fsync setting: the open file and every file after it take the new one. */
    final void setFsync(final FsyncPolicy fsync)
    {
        settings = settings.withFsync(fsync);
        final BatchDestination open = sink;
        if (open != null)
        {
            files.setFsync(open, fsync);
        }
    }
}
