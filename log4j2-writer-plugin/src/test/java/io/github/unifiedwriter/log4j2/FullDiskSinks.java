package io.github.unifiedwriter.log4j2;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.github.unifiedwriter.core.BatchDestination;
import io.github.unifiedwriter.core.BatchDestination.RecordBatch;
import org.apache.logging.log4j.core.layout.PatternLayout;

/**
 * The real file sinks, made to fail with "No space left on device" while the disk is said to be full, after
 * writing the first half of the batch: a full disk for machines where a test cannot mount a small file system
 * to fill. A configuration naming the file reuses the manager registered here.
 */
public final class FullDiskSinks implements SinkFactory
{
    private volatile boolean full;
    private UnifiedWriterManager registered;

    private FullDiskSinks()
    {
    }

    /** Registers a manager over these sinks for {@code file}, before a configuration names it. */
    public static FullDiskSinks register(final String appender, final Path file)
    {
        final FullDiskSinks sinks = new FullDiskSinks();
        final AppenderSettings settings = AppenderSettings.read(Map.of("name", appender, "fileName", file.toString(),
            "jmx", "false"));
        sinks.registered = UnifiedWriterManager.getManager(settings, PatternLayout.createDefaultLayout(), null, sinks);
        return sinks;
    }

    public void fill()
    {
        full = true;
    }

    public void free()
    {
        full = false;
    }

    /** Lets go of the registered manager once the configuration has stopped. */
    public void release()
    {
        registered.stop(0, TimeUnit.MILLISECONDS);
    }

    @Override
    public BatchDestination open(final SinkSettings settings) throws IOException
    {
        final BatchDestination file = PlainSinks.INSTANCE.open(settings);
        return new BatchDestination()
        {
            @Override
            public void write(final RecordBatch batch) throws IOException
            {
                if (!full)
                {
                    file.write(batch);
                    return;
                }
                file.write(new Prefix(batch, batch.size() / 2));
                throw new IOException("No space left on device");
            }

            @Override
            public void reopen() throws IOException
            {
                file.reopen();
            }

            @Override
            public void idle() throws IOException
            {
                file.idle();
            }

            @Override
            public void close() throws IOException
            {
                file.close();
            }
        };
    }

    /** The first records of a batch. */
    private static final class Prefix implements RecordBatch
    {
        private final RecordBatch batch;
        private final int size;

        Prefix(final RecordBatch batch, final int size)
        {
            this.batch = batch;
            this.size = size;
        }

        @Override
        public int size()
        {
            return size;
        }

        @Override
        public ByteBuffer record(final int index)
        {
            return batch.record(index);
        }

        @Override
        public void confirm(final int count)
        {
            batch.confirm(count);
        }
    }
}
