package io.github.unifiedwriter.sink;

import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FileSinkOptionsTest
{
    @Test
    void defaultsAreAppendBlockWritesOf64KiBRegionsOf32MiBNoFsync()
    {
        final FileSinkOptions options = FileSinkOptions.builder().build();
        assertTrue(options.append());
        assertEquals(SinkType.BLOCK, options.type());
        assertEquals(64 * 1024, options.bufferSize());
        assertEquals(32 * 1024 * 1024, options.regionSize());
        assertEquals(FsyncPolicy.never(), options.fsync());
        assertNull(options.filePermissions());
        assertNull(options.header());
        assertNull(options.footer());
    }

    @Test
    void refusalNamesTheFieldTheValueAndWhatIsAccepted()
    {
        refused(b -> b.type(null), "Invalid type: 'null'; accepted: BLOCK, LINE or MMAP");
        refused(b -> b.bufferSize(0), "Invalid bufferSize: '0'; accepted: a byte count from 1 to 1073741824");
        refused(b -> b.bufferSize(-5), "Invalid bufferSize: '-5'");
        refused(b -> b.regionSize(100), "Invalid regionSize: '100'; accepted: a byte count from 4096 to 1073741824");
        refused(b -> b.fsync(null), "Invalid fsync: 'null'; accepted:");
    }

    @Test
    void fsyncIntervalMustBePositiveAndAtMostADay()
    {
        for (final Duration bad : new Duration[] {null, Duration.ZERO, Duration.ofMillis(-1), Duration.ofDays(2)})
        {
            final IllegalArgumentException error =
                assertThrows(IllegalArgumentException.class, () -> FsyncPolicy.every(bad));
            assertTrue(error.getMessage().startsWith("Invalid fsync interval: '" + bad + "'; accepted: a positive"),
                error.getMessage());
        }
        assertEquals(FsyncPolicy.every(Duration.ofSeconds(1)), FsyncPolicy.every(Duration.ofMillis(1000)));
        assertEquals("every PT1S", FsyncPolicy.every(Duration.ofSeconds(1)).toString());
        assertEquals("batch", FsyncPolicy.batch().toString());
        assertEquals("never", FsyncPolicy.never().toString());
    }

    @Test
    void headerFooterAndPermissionsCannotBeChangedThroughReferencesKeptOrReturned()
    {
        final byte[] header = {'h', '\n'};
        final java.util.Set<java.nio.file.attribute.PosixFilePermission> permissions =
            PosixFilePermissions.fromString("rw-------");
        final FileSinkOptions options = FileSinkOptions.builder().header(header).footer(new byte[0])
            .filePermissions(permissions).build();
        header[0] = 'X';
        options.header()[1] = 'Y';
        permissions.clear();
        assertArrayEquals(new byte[] {'h', '\n'}, options.header());
        assertNull(options.footer(), "an empty footer is no footer");
        assertEquals("rw-------", PosixFilePermissions.toString(options.filePermissions()));
    }

    @Test
    void newFoldersGrantEachClassOnlyWhatTheFileNeeds()
    {
        folder("rw-------", "rwx------");
        folder("rw-r-----", "rwxr-x---");
        folder("rw-rw----", "rwxrwx---");
        folder("rw--w----", "rwx-wx---");
        folder("rw-r--r--", "rwxr-xr-x");
        folder("r--------", "rwx------");
    }

    private static void folder(final String file, final String expected)
    {
        assertEquals(expected,
            PosixFilePermissions.toString(ParentFolders.forFolder(PosixFilePermissions.fromString(file))), file);
    }

    private static void refused(final Consumer<FileSinkOptions.Builder> change, final String messageStart)
    {
        final FileSinkOptions.Builder builder = FileSinkOptions.builder();
        change.accept(builder);
        final IllegalArgumentException error = assertThrows(IllegalArgumentException.class, builder::build);
        assertTrue(error.getMessage().startsWith(messageStart), error.getMessage());
    }
}
