package io.github.unifiedwriter.docs;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.status.StatusData;
import org.apache.logging.log4j.status.StatusListener;
import org.apache.logging.log4j.status.StatusLogger;

/** Collects the ERROR messages of Log4j2's status logger while open. */
final class StatusErrors implements AutoCloseable
{
    private final List<String> errors = new CopyOnWriteArrayList<>();
    private final StatusListener listener = new StatusListener()
    {
        @Override
        public void log(final StatusData data)
        {
            if (data.getLevel().isMoreSpecificThan(Level.ERROR))
            {
                errors.add(data.getMessage().getFormattedMessage());
            }
        }

        @Override
        public Level getStatusLevel()
        {
            return Level.ERROR;
        }

        @Override
        public void close()
        {
        }
    };

    StatusErrors()
    {
        StatusLogger.getLogger().registerListener(listener);
    }

    List<String> errors()
    {
        return List.copyOf(errors);
    }

    @Override
    public void close()
    {
        StatusLogger.getLogger().removeListener(listener);
    }
}
