package io.github.unifiedwriter.log4j2;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.status.StatusData;
import org.apache.logging.log4j.status.StatusListener;
import org.apache.logging.log4j.status.StatusLogger;

/** Collects the StatusLogger's WARN and ERROR messages while open. */
final class StatusCapture implements AutoCloseable
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

    StatusCapture()
    {
        StatusLogger.getLogger().registerListener(listener);
    }

    List<String> messages(final Level level)
    {
        return seen.stream().filter((d) -> d.getLevel() == level)
            .map((d) -> d.getMessage().getFormattedMessage()).collect(Collectors.toList());
    }

    List<String> errors()
    {
        return messages(Level.ERROR);
    }

    List<String> warnings()
    {
        return messages(Level.WARN);
    }

    /** Every ERROR or WARN that mentions the appender by its quoted name. */
    List<String> about(final String appender)
    {
        return seen.stream().map((d) -> d.getLevel() + " " + d.getMessage().getFormattedMessage())
            .filter((m) -> m.contains("\"" + appender + "\"")).collect(Collectors.toList());
    }

    @Override
    public void close()
    {
        StatusLogger.getLogger().removeListener(listener);
    }
}
