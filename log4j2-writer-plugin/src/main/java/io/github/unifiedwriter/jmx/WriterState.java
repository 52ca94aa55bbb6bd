package io.github.unifiedwriter.jmx;

/**
 * The writer's health as the notification thread samples it. A state that lasts less than one poll period
 * may go unseen; the counters (Restarts, FallbackToSync) keep the full story.
 */
public enum WriterState
{
    /** Writing asynchronously, with no new sink error since the last sample. */
    RUNNING("running"),
    /** The sink failed and the writer reopened it to retry since the last sample. */
    RESTARTING("restarting after sink errors"),
    /** The writer gave up retrying: producers write synchronously until restart(). */
    SYNC_FALLBACK("fell back to synchronous writes"),
    /** Left synchronous fallback: a new writer thread writes again. */
    RESTARTED("restarted");

    private final String text;

    WriterState(final String text)
    {
        this.text = text;
    }

    /** Lower-case words for a notification message. */
    public String text()
    {
        return text;
    }
}
