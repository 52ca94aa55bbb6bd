package io.github.unifiedwriter.perf.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileScanTest
{
    @TempDir
    Path dir;

    private static String line(final int producer, final long seq)
    {
        return "2025-01-01 12:00:00.000 INFO  [producer-" + producer + "] Bench - Order " + seq
            + " filled at 123.45 for client ACME\n";
    }

    @Test
    void completeFileInOrderPerProducer() throws IOException
    {
        final StringBuilder text = new StringBuilder();
        for (int seq = 0; seq < 3; seq++)
        {
            text.append(line(1, seq)).append(line(0, seq));
        }
        text.append(line(0, 3));
        final Path file = write(text.toString());

        final SequenceTracker tracker = new SequenceTracker(2);
        final FileScan scan = FileScan.scan(file, new BenchLineParser(), tracker);

        assertEquals(7, scan.lines());
        assertEquals(7, scan.counted());
        assertTrue(tracker.complete(7));
        assertEquals("in order", tracker.describe());
    }

    @Test
    void reportsMissingRepeatedAndReordered() throws IOException
    {
        final Path file = write(line(0, 0) + line(0, 2) + line(0, 2) + line(0, 1) + line(0, 3));

        final SequenceTracker tracker = new SequenceTracker(1);
        FileScan.scan(file, new BenchLineParser(), tracker);

        assertFalse(tracker.complete(4));
        assertFalse(tracker.ordered());
        assertEquals(1, tracker.missing());
        assertEquals(2, tracker.backwards());
    }

    @Test
    void stopsAtZeroTailAndCountsTornLine() throws IOException
    {
        final byte[] text = (line(0, 0) + line(0, 1) + "2025-01-01 12:00").getBytes(StandardCharsets.US_ASCII);
        final byte[] bytes = new byte[text.length + 100];
        System.arraycopy(text, 0, bytes, 0, text.length);
        final Path file = dir.resolve("zeros.log");
        Files.write(file, bytes);

        final SequenceTracker tracker = new SequenceTracker(1);
        final FileScan scan = FileScan.scan(file, new BenchLineParser(), tracker);

        assertEquals(2, scan.lines());
        assertEquals("2025-01-01 12:00".length(), scan.tornTailBytes());
        assertEquals(100, scan.zeroTailBytes());
    }

    @Test
    void readsLinesAcrossChunkBoundaries() throws IOException
    {
        final int count = 100_000;
        final StringBuilder text = new StringBuilder();
        for (int seq = 0; seq < count; seq++)
        {
            text.append(line(seq % 3, seq / 3));
        }
        final Path file = write(text.toString());

        final SequenceTracker tracker = new SequenceTracker(3);
        final FileScan scan = FileScan.scan(file, new BenchLineParser(), tracker);

        assertEquals(count, scan.lines());
        assertTrue(tracker.complete(count));
    }

    @Test
    void taggedParserSkipsOtherRunsAndForeignLines() throws IOException
    {
        final Path file = write("header line\n"
            + "12:00 INFO run=abc t=0 seq=0 payload=x\n"
            + "12:00 INFO run=old t=0 seq=7 payload=x\n"
            + "12:00 ERROR run=abc t=1 seq=0 payload=x\n"
            + "12:00 INFO run=abc t=0 seq=1 payload=x\n");

        final SequenceTracker tracker = new SequenceTracker(2);
        final FileScan scan = FileScan.scan(file, new TaggedLineParser("abc"), tracker);

        assertEquals(5, scan.lines());
        assertEquals(3, scan.counted());
        assertTrue(tracker.complete(new long[] {2, 1}));
    }

    @Test
    void missingFileScansAsEmpty() throws IOException
    {
        final SequenceTracker tracker = new SequenceTracker(1);
        assertEquals(0, FileScan.scan(dir.resolve("absent.log"), new BenchLineParser(), tracker).lines());
        assertTrue(tracker.complete(0));
    }

    private Path write(final String text) throws IOException
    {
        final Path file = dir.resolve("test.log");
        Files.writeString(file, text, StandardCharsets.US_ASCII);
        return file;
    }
}
