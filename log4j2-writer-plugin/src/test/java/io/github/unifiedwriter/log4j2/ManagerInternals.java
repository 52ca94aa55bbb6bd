package io.github.unifiedwriter.log4j2;

import java.util.concurrent.CountDownLatch;

import io.github.unifiedwriter.core.UnifiedWriter;
import org.apache.logging.log4j.core.appender.rolling.action.AbstractAction;

/** Lets tests in other packages reach the writer a manager runs, which is not part of its public face. */
public final class ManagerInternals
{
    private ManagerInternals()
    {
    }

    public static UnifiedWriter writer(final UnifiedWriterManager manager)
    {
        return manager.writer();
    }

    /** Occupies a rolling file's background thread until {@code release} opens, so that rolled files queue up. */
    public static void holdArchiver(final UnifiedWriterManager manager, final CountDownLatch release)
    {
        ((RollingSinks)manager.rolling()).archiver.run(new AbstractAction()
        {
            @Override
            public boolean execute() throws java.io.IOException
            {
                try
                {
                    release.await();
                }
                catch (final InterruptedException ex)
                {
                    Thread.currentThread().interrupt();
                }
                return true;
            }
        }, manager.getFileName());
    }
}
