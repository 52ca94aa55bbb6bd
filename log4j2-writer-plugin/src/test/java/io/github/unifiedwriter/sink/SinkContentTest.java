package io.github.unifiedwriter.sink;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

import io.github.unifiedwriter.core.BatchDestination;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class SinkContentTest
{
    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(SinkType.class)
    void writesEveryRecordInOrderAndNothingElse(final SinkType type) throws IOException
    {
        final Path file = dir.resolve("app.log");
        final StringBuilder expected = new StringBuilder();
        try (BatchDestination sink = Sinks.open(type, file, FileSinkOptions.builder().bufferSize(256).regionSize(4096)))
        {
            for (int b = 0; b < 50; b++)
            {
                final List<String> records = new ArrayList<>();
                for (int r = 0; r <= b % 7; r++)
                {
                    records.add("batch " + b + " record " + r + " " + "x".repeat((b * 31 + r * 17) % 120) + "\n");
                }
                final TestBatch batch = TestBatch.of(records);
                sink.write(batch);
                assertEquals(records.size(), batch.confirmed());
                records.forEach(expected::append);
            }
        }
        assertEquals(expected.toString(), Files.readString(file));
    }

    @ParameterizedTest
    @EnumSource(SinkType.class)
    void writesRecordsLargerThanBufferOrRegionWhole(final SinkType type) throws IOException
    {
        final Path file = dir.resolve("big.log");
        final String big = "B".repeat(10_000) + "\n";
        final String huge = "H".repeat(3 * 4096 + 5) + "\n";
        try (BatchDestination sink = Sinks.open(type, file, FileSinkOptions.builder().bufferSize(64).regionSize(4096)))
        {
            sink.write(TestBatch.of("a\n", big, "b\n", huge, huge, "c\n"));
            sink.write(TestBatch.of(big));
        }
        assertEquals("a\n" + big + "b\n" + huge + huge + "c\n" + big, Files.readString(file));
    }

    @ParameterizedTest
    @EnumSource(SinkType.class)
    void writesEmptyRecordsAsNothing(final SinkType type) throws IOException
    {
        final Path file = dir.resolve("empty.log");
        try (BatchDestination sink = Sinks.open(type, file, FileSinkOptions.builder()))
        {
            final TestBatch batch = TestBatch.of("", "one\n", "", "", "two\n", "");
            sink.write(batch);
            assertEquals(6, batch.confirmed());
            sink.write(TestBatch.of(""));
            sink.write(TestBatch.of());
        }
        assertEquals("one\ntwo\n", Files.readString(file));
    }

    @ParameterizedTest
    @EnumSource(SinkType.class)
    void keepsMultiByteUtf8Intact(final SinkType type) throws IOException
    {
        final Path file = dir.resolve("utf8.log");
        final String text = "żółć 日本語 🚀 ünïcødé\n";
        try (BatchDestination sink = Sinks.open(type, file, FileSinkOptions.builder().bufferSize(7).regionSize(4096)))
        {
            sink.write(TestBatch.of(text, "é\n", text.repeat(300)));
        }
        assertEquals(text + "é\n" + text.repeat(300), Files.readString(file, StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @EnumSource(SinkType.class)
    void appendKeepsWhatTheFileHeldAndTruncateEmptiesIt(final SinkType type) throws IOException
    {
        final Path file = dir.resolve("app.log");
        Files.writeString(file, "old 1\nold 2\n");
        try (BatchDestination sink = Sinks.open(type, file, FileSinkOptions.builder().append(true)))
        {
            sink.write(TestBatch.of("new 1\n"));
        }
        assertEquals("old 1\nold 2\nnew 1\n", Files.readString(file));

        try (BatchDestination sink = Sinks.open(type, file, FileSinkOptions.builder().append(false)))
        {
            sink.write(TestBatch.of("fresh\n"));
        }
        assertEquals("fresh\n", Files.readString(file));
    }

    @ParameterizedTest
    @EnumSource(SinkType.class)
    void writesHeaderOnlyIntoNewOrEmptyFileAndFooterAtClose(final SinkType type) throws IOException
    {
        final Path file = dir.resolve("app.log");
        final FileSinkOptions.Builder options = FileSinkOptions.builder()
            .header("# header\n".getBytes(StandardCharsets.UTF_8))
            .footer("# footer\n".getBytes(StandardCharsets.UTF_8));
        try (BatchDestination sink = Sinks.open(type, file, options))
        {
            sink.write(TestBatch.of("one\n"));
        }
        try (BatchDestination sink = Sinks.open(type, file, options))
        {
            sink.write(TestBatch.of("two\n"));
        }
        assertEquals("# header\none\n# footer\ntwo\n# footer\n", Files.readString(file));

        final Path empty = Files.createFile(dir.resolve("empty.log"));
        Sinks.open(type, empty, options).close();
        assertEquals("# header\n# footer\n", Files.readString(empty));
    }

    @ParameterizedTest
    @EnumSource(SinkType.class)
    void createsMissingParentFolders(final SinkType type) throws IOException
    {
        final Path file = dir.resolve("a/b/c/app.log");
        try (BatchDestination sink = Sinks.open(type, file, FileSinkOptions.builder()))
        {
            sink.write(TestBatch.of("deep\n"));
        }
        assertEquals("deep\n", Files.readString(file));
    }

    @ParameterizedTest
    @EnumSource(SinkType.class)
    void appliesFilePermissionsAndGivesNewFoldersNoMore(final SinkType type) throws IOException
    {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "POSIX file system");
        final Path file = dir.resolve("logs/app/app.log");
        final FileSinkOptions.Builder options = FileSinkOptions.builder()
            .filePermissions(PosixFilePermissions.fromString("rw-r-----"));
        try (BatchDestination sink = Sinks.open(type, file, options))
        {
            sink.write(TestBatch.of("secret\n"));
        }
        assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals("rwxr-x---", PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())));
        assertEquals("rwxr-x---", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("logs"))));

        final Path shared = dir.resolve("shared/app.log");
        Sinks.open(type, shared, FileSinkOptions.builder().filePermissions(PosixFilePermissions.fromString("rw-rw----")))
            .close();
        assertEquals("rw-rw----", PosixFilePermissions.toString(Files.getPosixFilePermissions(shared)));
        assertEquals("rwxrwx---", PosixFilePermissions.toString(Files.getPosixFilePermissions(shared.getParent())));

        final Path existing = Files.writeString(dir.resolve("existing.log"), "kept\n");
        Files.setPosixFilePermissions(existing, PosixFilePermissions.fromString("rw-rw-rw-"));
        Sinks.open(type, existing, options).close();
        assertEquals("rw-rw-rw-", PosixFilePermissions.toString(Files.getPosixFilePermissions(existing)));
    }

    @ParameterizedTest
    @EnumSource(SinkType.class)
    void steadyStateWritesAllocateNothingPerRecord(final SinkType type) throws IOException
    {
        final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
        final String[] records = new String[64];
        for (int i = 0; i < records.length; i++)
        {
            records[i] = "record " + i + " with some typical payload of a log line\n";
        }
        final TestBatch heap = TestBatch.of(records);
        final TestBatch direct = TestBatch.direct(records);
        try (BatchDestination sink = Sinks.open(type, dir.resolve("alloc.log"), FileSinkOptions.builder().regionSize(1 << 20)))
        {
            for (int i = 0; i < 2_000; i++)
            {
                sink.write(i % 2 == 0 ? heap : direct);
            }
            final long before = threads.getCurrentThreadAllocatedBytes();
            for (int i = 0; i < 2_000; i++)
            {
                sink.write(i % 2 == 0 ? heap : direct);
            }
            final long allocated = threads.getCurrentThreadAllocatedBytes() - before;
            assertTrue(allocated < 64 * 1024, "allocated " + allocated + " bytes for 128,000 records");
        }
    }
}
