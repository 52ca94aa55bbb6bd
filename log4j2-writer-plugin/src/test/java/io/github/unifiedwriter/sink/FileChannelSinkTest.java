package io.github.unifiedwriter.sink;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.github.unifiedwriter.core.BatchDestination;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** How each type turns a batch into write calls, seen through a channel that records them. */
class FileChannelSinkTest
{
    @TempDir
    Path dir;

    @Test
    void blockKindWritesABatchWithOneCall() throws IOException
    {
        final String[] records = new String[100];
        java.util.Arrays.setAll(records, i -> "record " + i + "\n");
        final int bytes = String.join("", records).length();
        assertEquals(List.of(bytes), writes(SinkType.BLOCK, 64 * 1024, records));
    }

    @Test
    void blockKindWritesWhenTheBufferIsFullWithoutSplittingARecord() throws IOException
    {
        final String thirty = "x".repeat(29) + "\n";
        assertEquals(List.of(60, 60, 30), writes(SinkType.BLOCK, 64, thirty, thirty, thirty, thirty, thirty));
    }

    @Test
    void blockKindWritesARecordLargerThanTheBufferAloneInBufferSizedCalls() throws IOException
    {
        final String ten = "y".repeat(9) + "\n";
        final String hundred = "z".repeat(99) + "\n";
        assertEquals(List.of(20, 64, 36, 10), writes(SinkType.BLOCK, 64, ten, ten, hundred, ten));
    }

    @Test
    void lineKindWritesARecordLargerThanTheBufferInBufferSizedCalls() throws IOException
    {
        final String hundred = "z".repeat(99) + "\n";
        assertEquals(List.of(2, 64, 36, 2), writes(SinkType.LINE, 64, "a\n", hundred, "b\n"));
    }

    @Test
    void lineKindWritesEachRecordWithItsOwnCall() throws IOException
    {
        assertEquals(List.of(2, 4, 6), writes(SinkType.LINE, 64 * 1024, "a\n", "bbb\n", "ccccc\n"));
    }

    private List<Integer> writes(final SinkType type, final int bufferSize, final String... records) throws IOException
    {
        final Path file = dir.resolve(type + ".log");
        final Faults recorder = new Faults();
        try (BatchDestination sink = Sinks.open(type, file, FileSinkOptions.builder().bufferSize(bufferSize), recorder))
        {
            sink.write(TestBatch.of(records));
        }
        assertEquals(String.join("", records), Files.readString(file));
        return recorder.writes;
    }
}
