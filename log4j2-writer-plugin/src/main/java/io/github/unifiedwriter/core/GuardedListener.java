package io.github.unifiedwriter.core;

import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The configured listener, with its exceptions kept out of the writer: a listener that throws is counted as an
 * error and the writer carries on exactly as if it had returned. The listener may change with a live update,
 * so it is read from the settings in effect at each call. Called only off the hot path: on errors, fallback,
 * restart, a stop that gives up, and rate-limited drop warnings.
 */
final class GuardedListener implements WriterListener
{
    private final Supplier<WriterConfig> config;
    private final Ledger ledger;

    GuardedListener(final Supplier<WriterConfig> config, final Ledger ledger)
    {
        this.config = config;
        this.ledger = ledger;
    }

    @Override
    public void onDropWarning(final long droppedSinceLastWarning)
    {
        tell("onDropWarning", (l) -> l.onDropWarning(droppedSinceLastWarning));
    }

    @Override
    public void onError(final Throwable error, final int restartsInARow)
    {
        tell("onError", (l) -> l.onError(error, restartsInARow));
    }

    @Override
    public void onFallbackToSync(final Throwable lastError)
    {
        tell("onFallbackToSync", (l) -> l.onFallbackToSync(lastError));
    }

    @Override
    public void onRestarted()
    {
        tell("onRestarted", WriterListener::onRestarted);
    }

    @Override
    public void onStopTimedOut(final long failed, final String mayStillReachTheFile)
    {
        tell("onStopTimedOut", (l) -> l.onStopTimedOut(failed, mayStillReachTheFile));
    }

    private void tell(final String method, final Consumer<WriterListener> call)
    {
        try
        {
            call.accept(config.get().listener());
        }
        catch (final Throwable t)
        {
            ledger.error(t, "listener failed in " + method);
        }
    }
}
