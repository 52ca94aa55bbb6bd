package io.github.unifiedwriter.jmx;

import io.github.unifiedwriter.core.Mode;
import io.github.unifiedwriter.core.QueuePolicy;
import io.github.unifiedwriter.core.WriterConfig;
import io.github.unifiedwriter.core.WriterMetrics;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/** A writer whose figures the test sets, and which counts the operations invoked on it. */
final class FakeWriter implements MonitoredWriter
{
    volatile long enqueued = 11;
    volatile long offered = 15;
    volatile long written = 7;
    volatile long dropped = 2;
    volatile long failed = 1;
    volatile long errors = 3;
    volatile long restarts = 4;
    volatile long pending = 5;
    volatile long batches = 6;
    volatile long bytesWritten = 1234;
    volatile boolean fallbackToSync;
    volatile String lastError = "java.io.IOException: disk full";
    volatile long remainingCapacity = 1000;
    volatile WriterConfig config = WriterConfig.builder().ringSize(1024).mode(Mode.MANUAL)
        .policy(QueuePolicy.DROP_NEWEST).batchSize(64).flushInterval(Duration.ofMillis(250)).build();
    volatile String writerType = "mmap";
    volatile String fileName = "/var/log/app.log";
    volatile RuntimeException failure;

    final AtomicInteger triggers = new AtomicInteger();
    final AtomicInteger flushes = new AtomicInteger();
    final AtomicInteger restartCalls = new AtomicInteger();
    final AtomicInteger reopens = new AtomicInteger();

    @Override
    public WriterMetrics metrics()
    {
        return new WriterMetrics(offered, enqueued, written, dropped, failed, errors, restarts, pending, batches, bytesWritten,
            fallbackToSync, lastError);
    }

    @Override
    public long remainingCapacity()
    {
        return remainingCapacity;
    }

    @Override
    public WriterConfig config()
    {
        return config;
    }

    @Override
    public String writerType()
    {
        return writerType;
    }

    @Override
    public String activeFile()
    {
        return fileName;
    }

    @Override
    public void trigger()
    {
        call(triggers);
    }

    @Override
    public void flush()
    {
        call(flushes);
    }

    @Override
    public void restart()
    {
        call(restartCalls);
    }

    @Override
    public void reopen()
    {
        call(reopens);
    }

    private void call(final AtomicInteger counter)
    {
        counter.incrementAndGet();
        final RuntimeException ex = failure;
        if (ex != null)
        {
            throw ex;
        }
    }
}
