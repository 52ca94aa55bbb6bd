package io.github.unifiedwriter.log4j2;

import io.github.unifiedwriter.sink.SinkType;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.Layout;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.impl.Log4jLogEvent;
import org.apache.logging.log4j.message.SimpleMessage;
import org.apache.logging.log4j.status.StatusLogger;

/**
 * Refuses the mmap writer for a layout whose records end with a NUL byte ({@code GelfLayout} or
 * {@code JsonTemplateLayout} with their NUL delimiter on): after a crash such a record cannot be told from the
 * zeros the writer reserves ahead. The layout encodes one probe event when the appender is built; a layout
 * that ends only some records with NUL is still caught by the sink, which refuses each such record.
 *
 * <p>Called on the thread that builds the configuration.
 */
final class NulEndedRecords
{
    private NulEndedRecords()
    {
    }

    /** {@return false, once an ERROR is reported, when the mmap writer would write this layout's records} */
    static boolean accepted(final AppenderSettings settings, final Layout<?> layout)
    {
        if (settings.sink().type() != SinkType.MMAP || !endsWithNul(layout))
        {
            return true;
        }
        StatusLogger.getLogger().error("UnifiedWriter appender \"{}\": writerType=\"mmap\" cannot write the " +
            "records of {}: they end with a NUL byte, which after a crash cannot be told from the zeros the mmap " +
            "writer reserves ahead; accepted with this layout: writerType block or line", settings.name(),
            layout.getClass().getSimpleName());
        return false;
    }

    private static boolean endsWithNul(final Layout<?> layout)
    {
        final LogEvent probe = Log4jLogEvent.newBuilder().setLoggerName(NulEndedRecords.class.getName())
            .setLevel(Level.INFO).setMessage(new SimpleMessage("probe")).setTimeMillis(System.currentTimeMillis())
            .build();
        try
        {
            final byte[] bytes = layout.toByteArray(probe);
            return bytes != null && bytes.length > 0 && bytes[bytes.length - 1] == 0;
        }
        catch (final RuntimeException ex)
        {
            return false;
        }
    }
}
