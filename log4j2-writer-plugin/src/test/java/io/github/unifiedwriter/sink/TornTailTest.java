package io.github.unifiedwriter.sink;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import io.github.unifiedwriter.core.BatchDestination;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * When appending cuts a file's tail, and when it never does. A crash is a sink whose channel is closed without
 * its clean close, so its open marker stays; the torn record a crash can leave is then written by hand where the
 * sink's data ends (over the mmap writer's zeros, as a copy cut short would leave it).
 */
class TornTailTest
{
    private static final FileSinkOptions.Builder SMALL = FileSinkOptions.builder().regionSize(4096);

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(SinkType.class)
    void aCleanlyClosedFileIsNeverCutWhateverItsRecordsEndWith(final SinkType type) throws IOException
    {
        final Path file = dir.resolve(type + ".log");
        write(type, file, "a;", "b;");
        write(type, file, "c;");
        write(type, file, "no delimiter", " at all");
        write(type, file, "!");
        assertEquals("a;b;c;no delimiter at all!", Files.readString(file));
        assertFalse(Files.exists(marker(file)), "a clean close removes the open marker");
    }

    @ParameterizedTest
    @EnumSource(SinkType.class)
    void aFileNoSinkWroteIsNeverCut(final SinkType type) throws IOException
    {
        final Path file = Files.writeString(dir.resolve(type + ".log"), "line1\nline2 without newline");
        try (BatchDestination sink = Sinks.open(type, file, SMALL))
        {
            assertNull(Sinks.openWarning(sink));
            sink.write(TestBatch.of("new\n"));
        }
        assertEquals("line1\nline2 without newlinenew\n", Files.readString(file));
    }

    @ParameterizedTest
    @EnumSource(SinkType.class)
    void afterAnUncleanEndTheTornRecordIsCutAtTheByteTheRecordsEndWithAndNothingBeforeTheSinkStarted(
        final SinkType type) throws IOException
    {
        final Path file = Files.writeString(dir.resolve(type + ".log"), "older text; no end");
        crash(Sinks.open(type, file, SMALL), "a;", "b;");
        tear(file, "older text; no end".length() + 4, "c;c;c");

        final String recovery = appendAndClose(type, file, "d;");

        assertEquals("older text; no enda;b;c;c;d;", Files.readString(file));
        assertTrue(recovery.contains("not closed cleanly; cut ") && recovery.contains("records end with byte 59"),
            recovery);
    }

    @ParameterizedTest
    @EnumSource(SinkType.class)
    void aTornRecordWithNoDelimiterSinceTheStartIsCutBackToTheStart(final SinkType type) throws IOException
    {
        final Path file = Files.writeString(dir.resolve(type + ".log"), "older\n");
        crash(Sinks.open(type, file, SMALL));
        tear(file, 6, "first record, torn");

        appendAndClose(type, file, "next\n");

        assertEquals("older\nnext\n", Files.readString(file));
    }

    @ParameterizedTest
    @EnumSource(SinkType.class)
    void afterAnUncleanEndRecordsThatEndDifferentlyLeaveTheTailAsItIsAndSaySo(final SinkType type)
        throws IOException
    {
        final Path file = dir.resolve(type + ".log");
        crash(Sinks.open(type, file, SMALL), "a;", "b.");
        tear(file, 4, "c");

        final String recovery = appendAndClose(type, file, "d");

        assertEquals("a;b.cd", Files.readString(file), "only the mmap writer's zeros are cut");
        assertTrue(recovery.contains("do not all end with the same byte") && recovery.contains("left as it is"),
            recovery);
    }

    @ParameterizedTest
    @EnumSource(SinkType.class)
    void tailsLongerThanOneScanChunkAreCut(final SinkType type) throws IOException
    {
        final Path file = dir.resolve(type + ".log");
        crash(Sinks.open(type, file, FileSinkOptions.builder().regionSize(1 << 20)), "one\n");
        tear(file, 4, "t".repeat(150_000));

        appendAndClose(type, file, "next\n");

        assertEquals("one\nnext\n", Files.readString(file));
    }

    @ParameterizedTest
    @EnumSource(SinkType.class)
    void aMarkerAboutAFileNoLongerThereLeavesTheFileThereAsItIs(final SinkType type) throws IOException
    {
        final Path file = dir.resolve(type + ".log");
        crash(Sinks.open(type, file, SMALL), "a\n");
        Files.move(file, dir.resolve("rotated.log"));
        Files.writeString(file, "another tool's\ntail");

        final String recovery = appendAndClose(type, file, "b\n");

        assertEquals("another tool's\ntailb\n", Files.readString(file));
        assertTrue(recovery.contains("is no longer at"), recovery);
    }

    @ParameterizedTest
    @EnumSource(SinkType.class)
    void anUnreadableMarkerLeavesTheTailAsItIsAndSaysSo(final SinkType type) throws IOException
    {
        final Path file = dir.resolve(type + ".log");
        Files.writeString(file, "a\ntorn");
        Files.writeString(marker(file), "something else\n");

        final String recovery = appendAndClose(type, file, "b\n");

        assertEquals("a\ntornb\n", Files.readString(file));
        assertTrue(recovery.startsWith("Cannot tell whether"), recovery);
    }

    /** A crash while the marker was being replaced leaves its temporary file beside the last whole marker. */
    @ParameterizedTest
    @EnumSource(SinkType.class)
    void aCrashWhileTheMarkerWasReplacedLeavesTheLastWholeMarkerInForce(final SinkType type) throws IOException
    {
        final Path file = dir.resolve(type + ".log");
        crash(Sinks.open(type, file, SMALL), "a\n");
        final Path temp = temp(file);
        Files.writeString(temp, "unifiedwriter-open-marker 1\nfile=(half");
        tear(file, 2, "to");

        appendAndClose(type, file, "b\n");

        assertEquals("a\nb\n", Files.readString(file));
        assertFalse(Files.exists(temp), "replaced by the next marker, then renamed away");
        assertFalse(Files.exists(marker(file)));
    }

    /** A crash during recovery leaves the marker, and recovering again cuts nothing more. */
    @ParameterizedTest
    @EnumSource(SinkType.class)
    void cuttingAgainWithTheSameMarkerCutsNothingMore(final SinkType type) throws IOException
    {
        final Path file = Files.writeString(dir.resolve(type + ".log"), "x");
        crash(Sinks.open(type, file, SMALL), "a\n", "b\n");
        tear(file, 5, "c");
        final OpenMarker.State left = new OpenMarker(file, null).read();

        assertNotNull(TornTail.cut(file, left));
        final String once = Files.readString(file);
        assertNull(TornTail.cut(file, left));

        assertEquals("xa\nb\n", once);
        assertEquals(once, Files.readString(file));
    }

    /** As in a folder the process may not write: a directory where the marker's temporary file would go. */
    @ParameterizedTest
    @EnumSource(SinkType.class)
    void withoutRoomForAMarkerTheFileIsWrittenAndOpeningSaysACrashWouldNotBeCut(final SinkType type)
        throws IOException
    {
        final Path file = dir.resolve(type + ".log");
        Files.createDirectory(temp(file));
        try (BatchDestination sink = Sinks.open(type, file, SMALL))
        {
            final String warning = Sinks.openWarning(sink);
            assertTrue(warning.startsWith("Cannot write the open marker") && warning.contains("will not be cut"),
                warning);
            sink.write(TestBatch.of("a;", "b;"));
        }
        assertEquals("a;b;", Files.readString(file));
        assertFalse(Files.exists(marker(file)));
    }

    /**
     * A write that could not change the marker's word on how records end fails before its record; the next record
     * that ends the same way changes it, so a crash then cuts at the right byte.
     */
    @ParameterizedTest
    @EnumSource(SinkType.class)
    void aMarkerChangeThatFailedIsMadeByTheNextRecord(final SinkType type) throws IOException
    {
        final Path file = dir.resolve(type + ".log");
        final BatchDestination sink = Sinks.open(type, file, SMALL);
        Files.createDirectory(temp(file));
        final TestBatch refused = TestBatch.of("a;");
        assertThrows(IOException.class, () -> sink.write(refused));
        assertEquals(0, refused.confirmed());
        Files.delete(temp(file));
        sink.reopen();
        crash(sink, "b;", "c;");
        assertEquals(';', new OpenMarker(file, null).read().ends());
        tear(file, 4, "torn");

        appendAndClose(type, file, "d;");

        assertEquals("b;c;d;", Files.readString(file));
    }

    /** A marker that can be neither replaced nor removed would be wrong once records follow: no open. */
    @ParameterizedTest
    @EnumSource(SinkType.class)
    void aMarkerThatCanBeNeitherReplacedNorRemovedKeepsTheFileFromOpening(final SinkType type) throws IOException
    {
        final Path file = Files.writeString(dir.resolve(type + ".log"), "kept\n");
        Files.createDirectories(marker(file).resolve("in the way"));
        Files.createDirectory(temp(file));

        final IOException refused = assertThrows(IOException.class, () -> Sinks.open(type, file, SMALL));

        assertTrue(refused.getMessage().startsWith("Cannot replace or remove the open marker"), refused.getMessage());
        assertEquals("kept\n", Files.readString(file));
    }

    @Test
    void theMmapWriterRefusesARecordEndingWithANulByteAndKeepsTheOnesBefore() throws IOException
    {
        final Path file = dir.resolve("nul.log");
        final TestBatch batch = TestBatch.of("a\n", "b\0", "c\n");
        try (BatchDestination sink = Sinks.open(SinkType.MMAP, file, SMALL))
        {
            final IOException refused = assertThrows(IOException.class, () -> sink.write(batch));
            assertTrue(refused.getMessage().contains("ends with a NUL byte"), refused.getMessage());
            assertEquals(1, batch.confirmed());
        }
        assertEquals("a\n", Files.readString(file));
    }

    @ParameterizedTest
    @EnumSource(value = SinkType.class, names = {"BLOCK", "LINE"})
    void theChannelWritersCutATornRecordAfterTheLastNulWhenRecordsEndWithNul(final SinkType type)
        throws IOException
    {
        final Path file = dir.resolve(type + ".log");
        crash(Sinks.open(type, file, SMALL), "a\0", "b\0");
        tear(file, 4, "c");

        appendAndClose(type, file, "d\0");

        assertEquals("a\0b\0d\0", Files.readString(file));
    }

    static Path marker(final Path file)
    {
        return new OpenMarker(file, null).path();
    }

    private static Path temp(final Path file)
    {
        return marker(file).resolveSibling(marker(file).getFileName() + ".tmp");
    }

    private static void write(final SinkType type, final Path file, final String... records) throws IOException
    {
        try (BatchDestination sink = Sinks.open(type, file, SMALL))
        {
            assertNull(Sinks.openWarning(sink), "a clean close leaves nothing to recover");
            sink.write(TestBatch.of(records));
        }
    }

    /** Writes the records, then ends as a killed process would: no clean close, the marker stays. */
    static void crash(final BatchDestination sink, final String... records) throws IOException
    {
        if (records.length > 0)
        {
            sink.write(TestBatch.of(records));
        }
        Sinks.file(sink).closeQuietly();
    }

    /** Writes {@code torn} at {@code at}, where the sink's data ended: over zeros, or at the end of the file. */
    static void tear(final Path file, final long at, final String torn) throws IOException
    {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE))
        {
            final ByteBuffer bytes = ByteBuffer.wrap(torn.getBytes(StandardCharsets.UTF_8));
            while (bytes.hasRemaining())
            {
                channel.write(bytes, at + bytes.position());
            }
        }
    }

    private static String appendAndClose(final SinkType type, final Path file, final String record)
        throws IOException
    {
        final String recovery;
        try (BatchDestination sink = Sinks.open(type, file, SMALL))
        {
            recovery = Sinks.openWarning(sink);
            sink.write(TestBatch.of(record));
        }
        return recovery;
    }
}
