package io.github.unifiedwriter.core;

import java.util.function.Supplier;

/**
 * The configured listener, with its exceptions kept out of the writer: a listener that throws is counted as an
 * error and the writer carries on exactly as if it had returned. The listener may change with a live update,
 * so it is read from the settings in effect at each call.
 */
final class GuardedListener implements WriterListener
{
    private final Supplier<WriterConfig> config;
    private final Counters counters;

    GuardedListener(final Supplier<WriterConfig> config, final Counters counters)
    {
        this.config = config;
        this.counters = counters;
    }

    @Override
    public void onDropWarning(final long droppedSinceLastWarning)
    {
        try
        {
            config.get().listener().onDropWarning(droppedSinceLastWarning);
        }
        catch (final Throwable t)
        {
            counters.error(t, "listener failed in onDropWarning");
        }
    }

    @Override
    public void onError(final Throwable error, final int restartsInARow)
    {
        try
        {
            config.get().listener().onError(error, restartsInARow);
        }
        catch (final Throwable t)
        {
            counters.error(t, "listener failed in onError");
        }
    }

    @Override
    public void onFallbackToSync(final Throwable lastError)
    {
        try
        {
            config.get().listener().onFallbackToSync(lastError);
        }
        catch (final Throwable t)
        {
            counters.error(t, "listener failed in onFallbackToSync");
        }
    }

    @Override
    public void onRestarted()
    {
        try
        {
            config.get().listener().onRestarted();
        }
        catch (final Throwable t)
        {
            counters.error(t, "listener failed in onRestarted");
        }
    }

    @Override
    public void onStopTimedOut(final long failed, final String mayStillReachTheFile)
    {
        try
        {
            config.get().listener().onStopTimedOut(failed, mayStillReachTheFile);
        }
        catch (final Throwable t)
        {
            counters.error(t, "listener failed in onStopTimedOut");
        }
    }
}
