package io.github.unifiedwriter.log4j2;

import java.nio.ByteBuffer;

import org.apache.logging.log4j.core.appender.rolling.RollingFileManager;
import org.apache.logging.log4j.core.appender.rolling.RolloverStrategy;
import org.apache.logging.log4j.core.appender.rolling.TriggeringPolicy;

/**
 * What Log4j2's policies and strategies see of the file: they are written against {@code RollingFileManager},
 * whose constructors are protected, so this is the smallest subclass that answers their questions and writes
 * nothing. It has no stream, registers nowhere and starts no thread.
 *
 * <ul>
 *   <li>{@link #getFileName()} is the file a strategy renames: the raw file moved aside by the writer;</li>
 *   <li>{@link #getFileSize()} and {@link #getFileTime()} describe the active file, for {@code OnStartup};</li>
 *   <li>{@link #rollover()} only notes that a policy asked for a roll: the writer decides when it happens;</li>
 *   <li>{@link #getPatternProcessor()} holds the period times the policies move and the strategy names with.</li>
 * </ul>
 *
 * <p>Each instance is used by one thread: the writer thread's one drives the time policies; the background
 * thread makes one per rolled file.
 */
final class ManagerView extends RollingFileManager
{
    private static final ByteBuffer NO_BUFFER = ByteBuffer.allocate(0);

    private final String source;
    private long fileSize;
    private long fileTime;
    private boolean rollRequested;

    /**
     * @param source   the file a strategy renames, or null with a direct-write strategy
     * @param pattern  the {@code filePattern}
     * @param fileTime when the file was created, or 0 for now
     */
    ManagerView(final String source, final String pattern, final long fileTime, final TriggeringPolicy policy,
        final RolloverStrategy strategy)
    {
        this(source, pattern, fileTime, policy, strategy, null);
    }

    /**
     * @param permissions the mode of new files, such as {@code rw-r-----}, or null: a strategy then gives its
     *                    compressed files the same mode, as Log4j2 does
     */
    ManagerView(final String source, final String pattern, final long fileTime, final TriggeringPolicy policy,
        final RolloverStrategy strategy, final String permissions)
    {
        super(null, source, pattern, null, true, true, 0, fileTime, policy, strategy, null, null, permissions, null,
            null, false, NO_BUFFER);
        this.source = source;
        this.fileTime = fileTime;
    }

    @Override
    public String getFileName()
    {
        return source != null ? source : super.getFileName();
    }

    @Override
    public long getFileSize()
    {
        return fileSize;
    }

    @Override
    public long getFileTime()
    {
        return fileTime;
    }

    void describe(final long size, final long time)
    {
        this.fileSize = size;
        this.fileTime = time;
    }

    /** A policy asks for a roll, as {@code OnStartupTriggeringPolicy} does from {@code initialize}. */
    @Override
    public synchronized void rollover()
    {
        rollRequested = true;
    }

    /** {@return whether a policy asked for a roll since the last call} */
    boolean takeRollRequest()
    {
        final boolean requested = rollRequested;
        rollRequested = false;
        return requested;
    }
}
