package io.github.unifiedwriter.perf.soak;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.TimeUnit;

import io.github.unifiedwriter.perf.check.FileScan;
import io.github.unifiedwriter.perf.check.SequenceTracker;
import io.github.unifiedwriter.perf.check.TaggedLineParser;
import io.github.unifiedwriter.perf.monitor.WriterBean;

/**
 * Keeps a long soak's file small: past a size, the file is renamed and the appender told to reopen
 * (through JMX, as an external rotation would), then the renamed segment is checked and deleted. The
 * check carries on across segments, so each thread's events must still come exactly once and in
 * order. Used by the soak's main thread only.
 */
final class Segments
{
    private final WriterBean bean;
    private final Path file;
    private final long rotateBytes;
    private final SequenceTracker tracker;
    private final TaggedLineParser parser;
    private long lines;
    private int rotations;

    Segments(final WriterBean bean, final long rotateBytes, final int threads, final String runId)
    {
        this.bean = bean;
        this.file = Path.of(bean.text("FileName"));
        this.rotateBytes = rotateBytes;
        this.tracker = new SequenceTracker(threads);
        this.parser = new TaggedLineParser(runId);
    }

    /** Rotates and checks the current file if it has grown past the limit. */
    void rotateIfLarge() throws IOException, InterruptedException
    {
        if (!Files.exists(file) || Files.size(file) < rotateBytes)
        {
            return;
        }
        final Path segment = file.resolveSibling(file.getFileName() + "." + (++rotations));
        Files.move(file, segment, StandardCopyOption.ATOMIC_MOVE);
        bean.invoke("reopen");
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!Files.exists(file) && System.nanoTime() - deadline < 0)
        {
            Thread.sleep(10);
        }
        if (!Files.exists(file))
        {
            throw new IOException("the appender did not reopen " + file + " within 30 s");
        }
        awaitStable(segment);
        scan(segment);
        Files.delete(segment);
    }

    /** Checks the last file, after the appender stopped. */
    void finish() throws IOException
    {
        scan(file);
    }

    private void scan(final Path segment) throws IOException
    {
        final FileScan scan = FileScan.scan(segment, parser, tracker);
        lines += scan.counted();
        if (scan.tornTailBytes() != 0)
        {
            throw new IOException(segment + " ends in a partial line of " + scan.tornTailBytes() + " bytes");
        }
    }

    /** The writer may finish the batch it had begun on the old file: wait until its size holds still. */
    private static void awaitStable(final Path segment) throws IOException, InterruptedException
    {
        long size = -1;
        while (size != Files.size(segment))
        {
            size = Files.size(segment);
            Thread.sleep(200);
        }
    }

    long lines()
    {
        return lines;
    }

    int rotations()
    {
        return rotations;
    }

    SequenceTracker tracker()
    {
        return tracker;
    }
}
