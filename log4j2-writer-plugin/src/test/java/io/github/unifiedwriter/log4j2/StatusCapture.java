package io.github.unifiedwriter.log4j2;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.status.StatusData;
import org.apache.logging.log4j.status.StatusListener;
import org.apache.logging.log4j.status.StatusLogger;

/**
 * Collects what the StatusLogger says at WARN and above while open: an operator's only view of a failing
 * appender, so tests check that it is told, and that it is not flooded. Shared by the test packages.
 */
public final class StatusCapture implements AutoCloseable
{
    private final List<StatusData> seen = new CopyOnWriteArrayList<>();
    private final StatusListener listener = new StatusListener()
    {
        @Override
        public void log(final StatusData data)
        {
            seen.add(data);
        }

        @Override
        public Level getStatusLevel()
        {
            return Level.WARN;
        }

        @Override
        public void close()
        {
        }
    };

    public StatusCapture()
    {
        StatusLogger.getLogger().registerListener(listener);
    }

    public List<String> messages(final Level level)
    {
        return seen.stream().filter((d) -> d.getLevel() == level)
            .map((d) -> d.getMessage().getFormattedMessage()).collect(Collectors.toList());
    }

    public List<String> errors()
    {
        return messages(Level.ERROR);
    }

    public List<String> warnings()
    {
        return messages(Level.WARN);
    }

    /** Every ERROR or WARN that mentions the appender by its quoted name. */
    public List<String> about(final String appender)
    {
        return seen.stream().map((d) -> d.getLevel() + " " + d.getMessage().getFormattedMessage())
            .filter((m) -> m.contains("\"" + appender + "\"")).collect(Collectors.toList());
    }

    /** Every message at {@code level} that names the appender in quotes, as ours do. */
    public List<String> about(final String appender, final Level level)
    {
        return messages(level).stream().filter((m) -> m.contains("\"" + appender + "\""))
            .collect(Collectors.toList());
    }

    /** Every message at WARN or above, with its level, for failure reports. */
    public List<String> all()
    {
        return seen.stream().map((d) -> d.getLevel() + " " + d.getMessage().getFormattedMessage())
            .collect(Collectors.toList());
    }

    @Override
    public void close()
    {
        StatusLogger.getLogger().removeListener(listener);
    }
}
