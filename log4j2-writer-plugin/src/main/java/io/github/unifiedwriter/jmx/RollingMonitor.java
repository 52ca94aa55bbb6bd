package io.github.unifiedwriter.jmx;

/**
 * What the bean shows and drives of a file that rolls. A writer whose file does not roll answers with
 * {@link #NONE}.
 *
 * <p>Threads: JMX connector threads call every method; implementations are thread-safe and never block.
 */
public interface RollingMonitor
{
    /** The answers of a file that does not roll: nothing rolled, nothing pending, no pattern. */
    RollingMonitor NONE = new RollingMonitor()
    {
    };

    /** Rolls the file between two records, within a flush interval; returns at once. */
    default void rollover()
    {
    }

    /** {@return the rollovers so far} */
    default long rollovers()
    {
        return 0;
    }

    /** {@return when the file last rolled, in epoch milliseconds, or 0 for never} */
    default long lastRolloverTime()
    {
        return 0;
    }

    /** {@return rolled files still waiting for renaming, compression or purge} */
    default int compressionsPending()
    {
        return 0;
    }

    /** {@return background actions on rolled files that failed} */
    default long compressionFailures()
    {
        return 0;
    }

    /** {@return the file being written now, when rolling chose it, or null} */
    default String currentFile()
    {
        return null;
    }

    /** {@return the names of the rolled files, or null when the file does not roll} */
    default String filePattern()
    {
        return null;
    }
}
