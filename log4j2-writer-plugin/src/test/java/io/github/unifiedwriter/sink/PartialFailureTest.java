package io.github.unifiedwriter.sink;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

import io.github.unifiedwriter.core.BatchDestination;
import io.github.unifiedwriter.core.BatchDestination.RecordBatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Writes that fail part-way: what is confirmed, what reopen cuts, and that a retry writes each record once. */
class PartialFailureTest
{
    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(value = SinkType.class, names = {"BLOCK", "LINE"})
    void diskFullMidRecordConfirmsWholeRecordsAndReopenCutsTheTornOne(final SinkType type) throws IOException
    {
        final List<String> records = new ArrayList<>();
        for (int i = 0; i < 40; i++)
        {
            // embedded newlines: cutting back to the last newline would keep part of a torn record
            records.add("record " + i + "\n  continued line\n  " + "p".repeat(i) + "\n");
        }
        final String all = String.join("", records);
        final int k = 23;
        final int cut = String.join("", records.subList(0, k)).length() + 30;
        final Path file = dir.resolve("full.log");
        final Faults disk = new Faults();
        disk.space = cut;
        try (BatchDestination sink = Sinks.open(type, file, FileSinkOptions.builder().bufferSize(200), disk))
        {
            final TestBatch batch = TestBatch.of(records);
            assertThrows(IOException.class, () -> sink.write(batch));
            assertEquals(k, batch.confirmed());
            assertEquals(all.substring(0, cut), Files.readString(file), "the torn record is on disk before reopen");

            sink.reopen();
            assertEquals(all.substring(0, String.join("", records.subList(0, k)).length()), Files.readString(file));

            disk.space = Long.MAX_VALUE;
            final TestBatch retry = batch.rest();
            sink.write(retry);
            assertEquals(records.size() - k, retry.confirmed());
        }
        assertEquals(all, Files.readString(file));
    }

    /** Stop gave up after a failed write: the file is let go at its last whole record, with nothing torn after. */
    @ParameterizedTest
    @EnumSource(value = SinkType.class, names = {"BLOCK", "LINE"})
    void closingAfterAFailedWriteLeavesTheFileAtItsLastConfirmedRecord(final SinkType type) throws IOException
    {
        final Path file = dir.resolve("closed.log");
        final Faults disk = new Faults();
        disk.space = 7;
        final TestBatch batch = TestBatch.of("one\n", "two\n", "three\n");
        try (BatchDestination sink = Sinks.open(type, file, FileSinkOptions.builder(), disk))
        {
            assertThrows(IOException.class, () -> sink.write(batch));
            assertEquals("one\ntwo", Files.readString(file), "the torn record is on disk");
        }
        assertEquals(1, batch.confirmed());
        assertEquals("one\n", Files.readString(file));
    }

    @Test
    void diskFullWithinRecordLargerThanBufferIsCutBackToBufferedRecordsBeforeIt() throws IOException
    {
        final Path file = dir.resolve("big.log");
        final Faults disk = new Faults();
        disk.space = 10 + 500;
        final String big = "B".repeat(2000) + "\n";
        try (BatchDestination sink = Sinks.open(SinkType.BLOCK, file, FileSinkOptions.builder().bufferSize(64), disk))
        {
            final TestBatch batch = TestBatch.of("0123\n", "4567\n", big, "tail\n");
            assertThrows(IOException.class, () -> sink.write(batch));
            assertEquals(2, batch.confirmed());
            sink.reopen();
            assertEquals("0123\n4567\n", Files.readString(file));
            disk.space = Long.MAX_VALUE;
            sink.write(batch.rest());
        }
        assertEquals("0123\n4567\n" + big + "tail\n", Files.readString(file));
    }

    @ParameterizedTest
    @EnumSource(value = SinkType.class, names = {"BLOCK", "LINE"})
    void shortWritesAreCompleted(final SinkType type) throws IOException
    {
        final Path file = dir.resolve("short.log");
        final Faults disk = new Faults();
        disk.maxPerWrite = 7;
        final String big = "B".repeat(300) + "\n";
        try (BatchDestination sink = Sinks.open(type, file, FileSinkOptions.builder().bufferSize(64), disk))
        {
            sink.write(TestBatch.of("first line\n", big, "third\n"));
        }
        assertEquals("first line\n" + big + "third\n", Files.readString(file));
        assertTrue(disk.writes.size() > 40, "writes were short: " + disk.writes.size());
    }

    @ParameterizedTest
    @EnumSource(value = SinkType.class, names = {"BLOCK", "LINE"})
    void devFullFailsEveryWriteWithNothingConfirmedAndReopens(final SinkType type) throws IOException
    {
        final Path full = Path.of("/dev/full");
        assumeTrue(Files.isWritable(full), "/dev/full is available");
        try (BatchDestination sink = Sinks.open(type, full, FileSinkOptions.builder()))
        {
            for (int attempt = 0; attempt < 3; attempt++)
            {
                final TestBatch batch = TestBatch.of("a\n", "b\n");
                final IOException error = assertThrows(IOException.class, () -> sink.write(batch));
                assertTrue(error.getMessage().contains("No space"), error.getMessage());
                assertEquals(0, batch.confirmed());
                sink.reopen();
            }
        }
    }

    @Test
    void mapFailureAtRegionSwitchConfirmsRecordsBeforeItAndReopenCutsTheZeros() throws IOException
    {
        final Path file = dir.resolve("map.log");
        final Faults faults = new Faults();
        faults.maps = 1;
        final List<String> records = new ArrayList<>();
        for (int i = 0; i < 10; i++)
        {
            records.add(String.valueOf(i).repeat(999) + "\n");
        }
        try (BatchDestination sink = Sinks.open(SinkType.MMAP, file, FileSinkOptions.builder().regionSize(4096), faults))
        {
            final TestBatch batch = TestBatch.of(records);
            assertThrows(IOException.class, () -> sink.write(batch));
            assertEquals(4, batch.confirmed());
            assertThrows(IOException.class, sink::reopen);
            faults.maps = Integer.MAX_VALUE;
            sink.reopen();
            final String data = String.join("", records.subList(0, 4));
            final String mapped = Files.readString(file);
            assertEquals(data, mapped.substring(0, data.length()));
            assertEquals("\0".repeat(4096), mapped.substring(data.length()), "only the new region follows the data");
            sink.write(batch.rest());
        }
        assertEquals(String.join("", records), Files.readString(file));
    }

    @Test
    void truncationBehindTheMappedSinkFailsTheWriteBeforeAnyCopy() throws IOException
    {
        final Path file = dir.resolve("copytruncate.log");
        try (BatchDestination sink = Sinks.open(SinkType.MMAP, file, FileSinkOptions.builder().regionSize(1 << 16)))
        {
            sink.write(TestBatch.of("before\n"));
            try (FileChannel other = FileChannel.open(file, StandardOpenOption.WRITE))
            {
                other.truncate(0);
            }
            final TestBatch batch = TestBatch.of("x".repeat(20_000) + "\n", "y\n");
            final IOException error = assertThrows(IOException.class, () -> sink.write(batch));
            assertTrue(error.getMessage().contains("shorter than its mapping"), error.getMessage());
            assertEquals(0, batch.confirmed());
            sink.reopen();
            sink.write(batch.rest());
        }
        assertEquals("x".repeat(20_000) + "\ny\n", Files.readString(file));
    }

    @Test
    void mappingFaultWithinWriteIsReportedAsIOExceptionWithRecordsBeforeItConfirmed() throws IOException
    {
        final Path file = dir.resolve("fault.log");
        try (BatchDestination sink = Sinks.open(SinkType.MMAP, file, FileSinkOptions.builder().regionSize(4096)))
        {
            final TestBatch good = TestBatch.of("one\n", "two\n", "three\n");
            final RecordBatch faulting = new RecordBatch()
            {
                @Override
                public int size()
                {
                    return 3;
                }

                @Override
                public ByteBuffer record(final int index)
                {
                    if (index == 2)
                    {
                        throw new InternalError("a fault occurred in an unsafe memory access operation");
                    }
                    return good.record(index);
                }

                @Override
                public void confirm(final int count)
                {
                    good.confirm(count);
                }
            };
            final IOException error = assertThrows(IOException.class, () -> sink.write(faulting));
            assertTrue(error.getCause() instanceof InternalError, String.valueOf(error.getCause()));
            assertEquals(2, good.confirmed());
            sink.reopen();
            sink.write(good.rest());
        }
        assertEquals("one\ntwo\nthree\n", Files.readString(file));
    }

    @ParameterizedTest
    @EnumSource(SinkType.class)
    void reopenAfterRotationLeavesTheOldFileAtItsLastRecordAndAppendsToTheNewOneWithoutCuttingIt(
        final SinkType type) throws IOException
    {
        final Path file = dir.resolve("app.log");
        final Path rotated = dir.resolve("app.log.1");
        final String newcomer = "written by another process, longer than what the sink had written\n";
        try (BatchDestination sink = Sinks.open(type, file, FileSinkOptions.builder().regionSize(4096)))
        {
            sink.write(TestBatch.of("old 1\n", "old 2\n"));
            Files.move(file, rotated);
            Files.writeString(file, newcomer + "torn");
            sink.reopen();
            sink.write(TestBatch.of("new 1\n"));
        }
        assertEquals(newcomer + "tornnew 1\n", Files.readString(file), "a file the sink did not write is not cut");
        assertEquals("old 1\nold 2\n", Files.readString(rotated), "the rotated file ends at its last record");
    }

    @ParameterizedTest
    @EnumSource(SinkType.class)
    void reopenAfterTheFileWasMovedAwayCreatesItAgainWithItsHeader(final SinkType type) throws IOException
    {
        final Path file = dir.resolve("app.log");
        final FileSinkOptions.Builder options = FileSinkOptions.builder().regionSize(4096)
            .header("# header\n".getBytes(StandardCharsets.UTF_8));
        try (BatchDestination sink = Sinks.open(type, file, options))
        {
            sink.write(TestBatch.of("old\n"));
            Files.move(file, dir.resolve("app.log.1"));
            sink.reopen();
            sink.write(TestBatch.of("new\n"));
        }
        assertEquals("# header\nnew\n", Files.readString(file));
    }

    @Test
    void fileChannelSinkWritesFromTheNewEndAfterTruncationBehindItsBack() throws IOException
    {
        final Path file = dir.resolve("copytruncate.log");
        try (BatchDestination sink = Sinks.open(SinkType.BLOCK, file, FileSinkOptions.builder()))
        {
            sink.write(TestBatch.of("before 1\n", "before 2\n"));
            try (FileChannel other = FileChannel.open(file, StandardOpenOption.WRITE))
            {
                other.truncate(0);
            }
            sink.write(TestBatch.of("after\n"));
        }
        assertEquals("after\n", Files.readString(file));
    }
}
