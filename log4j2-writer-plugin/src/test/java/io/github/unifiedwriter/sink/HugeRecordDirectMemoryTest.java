package io.github.unifiedwriter.sink;

import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import io.github.unifiedwriter.core.BatchDestination;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A channel handed a heap buffer copies it into a direct buffer of the same size and caches that on the
 * calling thread until the thread ends. A writer thread lives as long as its appender, so a sink must
 * never hand it a huge heap record in one call.
 */
class HugeRecordDirectMemoryTest
{
    private static final int HUGE = 4 * 1024 * 1024;

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(value = SinkType.class, names = {"BLOCK", "LINE"})
    void aHugeHeapRecordLeavesNoDirectCopyOfItselfOnTheWritingThread(final SinkType type) throws Exception
    {
        final Path file = dir.resolve(type + ".log");
        final byte[] huge = new byte[HUGE];
        Arrays.fill(huge, (byte)'h');
        huge[HUGE - 1] = '\n';
        final AtomicLong grown = new AtomicLong();
        final AtomicReference<Throwable> failure = new AtomicReference<>();

        // A fresh thread has no cached direct buffers; the growth is read while it is still alive.
        final Thread writer = new Thread(() ->
        {
            try (BatchDestination sink = Sinks.open(type, file, FileSinkOptions.builder()))
            {
                final long before = directBytesUsed();
                sink.write(TestBatch.of(new String(huge, java.nio.charset.StandardCharsets.US_ASCII)));
                grown.set(directBytesUsed() - before);
            }
            catch (final Throwable ex)
            {
                failure.set(ex);
            }
        }, "huge-record-writer");
        writer.start();
        writer.join();

        if (failure.get() != null)
        {
            throw new AssertionError(failure.get());
        }
        assertArrayEquals(huge, Files.readAllBytes(file));
        assertTrue(grown.get() < HUGE / 4, "direct memory grew by " + grown.get() + " bytes writing a "
            + HUGE + "-byte record");
    }

    private static long directBytesUsed()
    {
        for (final BufferPoolMXBean pool : ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class))
        {
            if ("direct".equals(pool.getName()))
            {
                return pool.getMemoryUsed();
            }
        }
        throw new IllegalStateException("no direct buffer pool");
    }
}
