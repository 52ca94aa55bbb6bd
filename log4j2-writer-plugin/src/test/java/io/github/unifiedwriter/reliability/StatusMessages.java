package io.github.unifiedwriter.reliability;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.status.StatusData;
import org.apache.logging.log4j.status.StatusListener;
import org.apache.logging.log4j.status.StatusLogger;

/**
 * Collects what the StatusLogger says at WARN and above while open: an operator's only view of a failing
 * appender, so the suite checks that it is told, and that it is not flooded.
 */
final class StatusMessages implements AutoCloseable
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

    StatusMessages()
    {
        StatusLogger.getLogger().registerListener(listener);
    }

    /** Every message at {@code level} that names the appender in quotes, as ours do. */
    List<String> about(final String appender, final Level level)
    {
        return seen.stream().filter((d) -> d.getLevel() == level)
            .map((d) -> d.getMessage().getFormattedMessage())
            .filter((m) -> m.contains("\"" + appender + "\"")).collect(Collectors.toList());
    }

    /** Every message at WARN or above, with its level, for failure reports. */
    List<String> all()
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
