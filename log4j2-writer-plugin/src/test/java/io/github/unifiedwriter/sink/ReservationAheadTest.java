package io.github.unifiedwriter.sink;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.github.unifiedwriter.core.BatchDestination;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The zeros of the next mapped region are written ahead, off the writing thread, and a full disk still fails a write before its copy. */
class ReservationAheadTest
{
    private static final int REGION = 4096;

    @TempDir
    Path dir;

    @Test
    void theNextRegionsZerosAreWrittenByTheReservingThreadNotTheWriter() throws IOException
    {
        final Path file = dir.resolve("ahead.log");
        final Faults disk = new Faults();
        final List<String> records = records(12);
        try (BatchDestination sink = Sinks.open(SinkType.MMAP, file, FileSinkOptions.builder().regionSize(REGION),
            disk))
        {
            for (final String record : records)
            {
                sink.write(TestBatch.of(record));
            }
        }
        assertEquals(String.join("", records), Files.readString(file));
        final String writer = Thread.currentThread().getName();
        assertEquals(List.of(writer), disk.writers.subList(0, 1), "the first region is reserved on opening");
        final long own = disk.writers.stream().filter(writer::equals).count();
        final long ahead = disk.writers.stream().filter("unifiedwriter-reserve"::equals).count();
        assertEquals(1, own, "the writer wrote no zeros after the first region: " + disk.writers);
        assertTrue(ahead >= 2, "each later region was reserved ahead: " + disk.writers);
    }

    @Test
    void aFullDiskFailsTheWriteThatCrossesIntoTheUnreservedRegionBeforeItsCopy() throws IOException
    {
        final Path file = dir.resolve("full.log");
        final Faults disk = new Faults();
        disk.space = REGION + 100;
        final List<String> records = records(6);
        try (BatchDestination sink = Sinks.open(SinkType.MMAP, file, FileSinkOptions.builder().regionSize(REGION),
            disk))
        {
            sink.write(TestBatch.of(records.subList(0, 3)));
            final TestBatch crossing = TestBatch.of(records.subList(3, 6));
            final IOException error = assertThrows(IOException.class, () -> sink.write(crossing));
            assertTrue(error.getMessage().contains("No space"), error.getMessage());
            assertEquals(1, crossing.confirmed(), "the record that fits the mapped region is confirmed, none after");
            disk.space = Long.MAX_VALUE;
            sink.reopen();
            sink.write(crossing.rest());
        }
        assertEquals(String.join("", records), Files.readString(file));
    }

    /** Records of 1,000 bytes: three of them use more than half of a region, and the fifth crosses into the next. */
    private static List<String> records(final int count)
    {
        final List<String> records = new ArrayList<>();
        for (int i = 0; i < count; i++)
        {
            records.add(String.valueOf(i % 10).repeat(999) + "\n");
        }
        return records;
    }
}
