package io.github.unifiedwriter.sink;

import java.io.IOException;
import java.io.SyncFailedException;
import java.util.Objects;

/**
 * Applies a sink's {@link FsyncPolicy}: remembers whether written data is still unforced and when the
 * last force was, and forces when the policy says so. The policy may be replaced from any thread, hence
 * volatile; everything else belongs to the writer thread.
 */
final class FsyncSchedule
{
    private volatile FsyncPolicy policy;
    private boolean unforced;
    private long lastForceNanos = System.nanoTime();
    private long forces;

    FsyncSchedule(final FsyncPolicy policy)
    {
        policy(policy);
    }

    void policy(final FsyncPolicy policy)
    {
        this.policy = Objects.requireNonNull(policy, "fsync");
    }

    /** Marks data as written and not yet forced. */
    void written()
    {
        unforced = true;
    }

    /** Forces unforced data once the policy's interval has passed since the last force (at once for batch). */
    void forceIfDue(final MarkedFile file) throws SyncFailedException
    {
        if (unforced && System.nanoTime() - lastForceNanos >= policy.intervalNanos())
        {
            force(file);
        }
    }

    /** At close: forces what is left, unless the policy is never. */
    void forceUnlessNever(final MarkedFile file) throws SyncFailedException
    {
        if (unforced && !policy.isNever())
        {
            force(file);
        }
    }

    /** {@return whether the policy forces at all} Never is the one that does not. */
    boolean forcing()
    {
        return !policy.isNever();
    }

    /** Forces done so far: lets the policy be checked by counting rather than by timing. */
    long forces()
    {
        return forces;
    }

    private void force(final MarkedFile file) throws SyncFailedException
    {
        try
        {
            file.force();
        }
        catch (final IOException ex)
        {
            final SyncFailedException failed =
                new SyncFailedException("Could not force " + file + " to storage: " + ex.getMessage());
            failed.initCause(ex);
            throw failed;
        }
        unforced = false;
        lastForceNanos = System.nanoTime();
        forces++;
    }
}
