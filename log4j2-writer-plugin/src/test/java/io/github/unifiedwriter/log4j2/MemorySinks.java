package io.github.unifiedwriter.log4j2;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import io.github.unifiedwriter.core.BatchDestination;
import io.github.unifiedwriter.core.BatchDestination.RecordBatch;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.layout.PatternLayout;

/**
 * Sinks that write into memory, one "file" shared by every sink opened on it, so a test can watch the bytes,
 * run code on the writer thread, or count how often the file was opened.
 */
final class MemorySinks implements SinkFactory
{
    private final ByteArrayOutputStream content = new ByteArrayOutputStream();
    private final AtomicInteger opens = new AtomicInteger();
    private final AtomicInteger openNow = new AtomicInteger();
    private final AtomicInteger overlaps = new AtomicInteger();
    private volatile Consumer<RecordBatch> beforeWrite = (batch) -> { };
    private final AtomicInteger failures = new AtomicInteger();
    private UnifiedWriterManager registered;

    /** Registers a manager over these sinks for {@code fileName}, so a configuration naming it reuses it. */
    UnifiedWriterManager register(final String name, final String fileName)
    {
        final AppenderSettings settings = AppenderSettings.read(java.util.Map.of("name", name, "fileName", fileName));
        return UnifiedWriterManager.getManager(settings, PatternLayout.createDefaultLayout(), null, this);
    }

    /**
     * Starts, in {@code dir}, a configuration with one appender {@code name} on {@code file} and these
     * {@code attributes}, writing into these sinks. After the context stops, {@link #release} lets the sinks go.
     */
    LoggerContext start(final Path dir, final String name, final Path file, final String attributes)
    {
        registered = register(name, file.toString());
        return TestConfigs.start(dir, TestConfigs.config(TestConfigs.writer(name, file, attributes), name));
    }

    /** Stops the manager that {@link #start} registered, at once: true if it had nothing left to write. */
    boolean release()
    {
        return registered.stop(0, TimeUnit.MILLISECONDS);
    }

    /** Runs on the writing thread before each batch is written. */
    void beforeWrite(final Consumer<RecordBatch> action)
    {
        beforeWrite = action;
    }

    /** The next {@code count} writes fail before writing anything. */
    void failNext(final int count)
    {
        failures.set(count);
    }

    int opens()
    {
        return opens.get();
    }

    /** Times a sink was opened while another was still open: the file opened twice. */
    int overlaps()
    {
        return overlaps.get();
    }

    /** The lines written so far; a last line without its newline is kept, so a torn record shows. */
    List<String> lines()
    {
        final String text;
        synchronized (content)
        {
            text = content.toString(StandardCharsets.UTF_8);
        }
        final List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
        if (lines.get(lines.size() - 1).isEmpty())
        {
            lines.remove(lines.size() - 1);
        }
        return lines;
    }

    @Override
    public BatchDestination open(final SinkSettings settings)
    {
        opens.incrementAndGet();
        if (openNow.incrementAndGet() > 1)
        {
            overlaps.incrementAndGet();
        }
        synchronized (content)
        {
            if (content.size() == 0 && settings.header() != null)
            {
                content.writeBytes(settings.header());
            }
        }
        return new BatchDestination()
        {
            private boolean closed;

            @Override
            public void write(final RecordBatch batch) throws IOException
            {
                if (closed)
                {
                    throw new IOException("closed");
                }
                beforeWrite.accept(batch);
                if (failures.getAndUpdate((n) -> Math.max(0, n - 1)) > 0)
                {
                    throw new IOException("injected failure");
                }
                synchronized (content)
                {
                    for (int i = 0; i < batch.size(); i++)
                    {
                        final ByteBuffer record = batch.record(i).duplicate();
                        final byte[] bytes = new byte[record.remaining()];
                        record.get(bytes);
                        content.writeBytes(bytes);
                    }
                }
                batch.confirm(batch.size());
            }

            @Override
            public void close()
            {
                if (!closed)
                {
                    closed = true;
                    openNow.decrementAndGet();
                }
            }
        };
    }

    static void stopQuietly(final LoggerContext context)
    {
        if (context != null)
        {
            context.stop();
        }
    }
}
