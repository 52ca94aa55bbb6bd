package io.github.unifiedwriter.sink;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class MappedFileSinkTest
{
    @TempDir
    Path dir;

    @Test
    void cleanCloseTruncatesTheFileToTheBytesWritten() throws IOException
    {
        final Path file = dir.resolve("app.log");
        final MappedFileSink sink = MappedFileSink.open(file, FileSinkOptions.builder().regionSize(1 << 20).build());
        sink.write(TestBatch.of("one\n", "two\n"));
        assertEquals(1 << 20, Files.size(file), "the whole region is reserved while open");
        sink.close();
        assertEquals("one\ntwo\n", Files.readString(file));
    }

    @Test
    void regionsFollowOneAnotherWithNoZerosBetweenRecords() throws IOException
    {
        final Path file = dir.resolve("regions.log");
        final StringBuilder expected = new StringBuilder();
        try (MappedFileSink sink = MappedFileSink.open(file, FileSinkOptions.builder().regionSize(4096).build()))
        {
            for (int i = 0; i < 300; i++)
            {
                final String record = i + ":" + "r".repeat(i * 37 % 3000) + "\n";
                sink.write(TestBatch.of(record));
                expected.append(record);
            }
        }
        final byte[] content = Files.readAllBytes(file);
        assertTrue(content.length > 100 * 4096, "many regions were used");
        for (final byte b : content)
        {
            assertFalse(b == 0, "no zero byte in the file");
        }
        assertEquals(expected.toString(), Files.readString(file));
    }

    @Test
    void onlyTheCurrentRegionStaysMappedAndCloseReleasesIt() throws IOException
    {
        final Path maps = Path.of("/proc/self/maps");
        assumeTrue(Files.isReadable(maps), "Linux /proc");
        final Path file = dir.resolve("released.log");
        final MappedFileSink sink = MappedFileSink.open(file, FileSinkOptions.builder().regionSize(4096).build());
        for (int i = 0; i < 50; i++)
        {
            sink.write(TestBatch.of("m".repeat(999) + "\n"));
        }
        assertEquals(1, mappingsOf(file, maps), "regions left behind are released");
        sink.close();
        assertEquals(0, mappingsOf(file, maps), "close releases the last region");
    }

    @Test
    void aDeviceCannotBeMapped()
    {
        final Path full = Path.of("/dev/full");
        assumeTrue(Files.isWritable(full), "/dev/full is available");
        final IOException error = assertThrows(IOException.class,
            () -> MappedFileSink.open(full, FileSinkOptions.builder().build()));
        assertTrue(error.getMessage().contains("not a regular file"), error.getMessage());
    }

    private static long mappingsOf(final Path file, final Path maps) throws IOException
    {
        final String name = file.toRealPath().toString();
        return Files.readAllLines(maps).stream().filter(line -> line.endsWith(name)).count();
    }
}
