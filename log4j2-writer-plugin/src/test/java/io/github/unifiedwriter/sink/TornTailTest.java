package io.github.unifiedwriter.sink;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import io.github.unifiedwriter.core.BatchDestination;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Files left by a crash, made by hand, then opened in append mode by each sink. */
class TornTailTest
{
    private static final FileSinkOptions.Builder HEADED =
        FileSinkOptions.builder().regionSize(4096).header("# header\n".getBytes(StandardCharsets.UTF_8));

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(SinkType.class)
    void appendModeTrimsTornRecord(final SinkType type) throws IOException
    {
        assertEquals("one\ntwo\nnext\n", appendAfter(type, bytes("one\ntwo\nthr")));
    }

    @ParameterizedTest
    @EnumSource(SinkType.class)
    void appendModeTrimsZeroTail(final SinkType type) throws IOException
    {
        assertEquals("one\ntwo\nnext\n", appendAfter(type, bytes("one\ntwo\n"), new byte[5000]));
    }

    @ParameterizedTest
    @EnumSource(SinkType.class)
    void appendModeTrimsZeroTailAndTornRecord(final SinkType type) throws IOException
    {
        assertEquals("one\ntwo\nnext\n", appendAfter(type, bytes("one\ntwo\nthr"), new byte[5000]));
    }

    @ParameterizedTest
    @EnumSource(SinkType.class)
    void appendModeKeepsFileThatEndsWithCompleteRecord(final SinkType type) throws IOException
    {
        assertEquals("one\ntwo\nnext\n", appendAfter(type, bytes("one\ntwo\n")));
    }

    @ParameterizedTest
    @EnumSource(SinkType.class)
    void appendModeEmptiesFileWithoutCompleteRecordAndWritesHeader(final SinkType type) throws IOException
    {
        assertEquals("# header\nnext\n", appendAfter(type, bytes("torn"), new byte[100]));
    }

    @ParameterizedTest
    @EnumSource(SinkType.class)
    void appendModeTrimsTailsLongerThanOneScanChunk(final SinkType type) throws IOException
    {
        final String torn = "t".repeat(150_000);
        assertEquals("one\nnext\n", appendAfter(type, bytes("one\n" + torn), new byte[300_000]));
    }

    @ParameterizedTest
    @EnumSource(SinkType.class)
    void appendModeTrimsAfterCustomDelimiter(final SinkType type) throws IOException
    {
        final Path file = Files.write(dir.resolve("semi.log"), bytes("a;b\nc;d"));
        try (BatchDestination sink = type.open(file, FileSinkOptions.builder().delimiter((byte)';')))
        {
            sink.write(TestBatch.of("e;"));
        }
        assertEquals("a;b\nc;e;", Files.readString(file));
    }

    /** Writes {@code parts} as the file a crash left, appends one record, and returns the file. */
    private String appendAfter(final SinkType type, final byte[]... parts) throws IOException
    {
        final ByteArrayOutputStream crashed = new ByteArrayOutputStream();
        for (final byte[] part : parts)
        {
            crashed.writeBytes(part);
        }
        final Path file = Files.write(dir.resolve(type + ".log"), crashed.toByteArray());
        try (BatchDestination sink = type.open(file, HEADED))
        {
            sink.write(TestBatch.of("next\n"));
        }
        return Files.readString(file);
    }

    private static byte[] bytes(final String text)
    {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
