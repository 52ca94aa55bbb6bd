package io.github.unifiedwriter.log4j2;

import io.github.unifiedwriter.core.UnifiedWriter;

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
}
