package io.github.unifiedwriter.log4j2;

import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;

import org.apache.logging.log4j.core.LoggerContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** {@code filePermissions} sets the mode of a new file, and new folders get no more than the file needs. */
class FilePermissionsTest
{
    @TempDir
    Path dir;

    @Test
    void aNewFileGetsTheModeAndItsFoldersNoMore() throws Exception
    {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "POSIX file system");
        final Path file = dir.resolve("secure/app.log");
        final LoggerContext context = TestConfigs.start(dir, TestConfigs.config(
            TestConfigs.writer("secure", file, "filePermissions=\"rw-r-----\""), "secure"));
        context.getLogger("secure").info("private");
        context.stop();

        assertEquals(List.of("private"), TestConfigs.lines(file));
        assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        final Set<PosixFilePermission> folder = Files.getPosixFilePermissions(file.getParent());
        assertTrue(PosixFilePermissions.fromString("rwxr-x---").containsAll(folder),
            "the folder grants no more than the file needs: " + PosixFilePermissions.toString(folder));
    }

    @Test
    void anExistingFileKeepsItsModeWithAWarning() throws Exception
    {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "POSIX file system");
        final Path file = dir.resolve("existing.log");
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try (StatusCapture status = new StatusCapture())
        {
            final LoggerContext context = TestConfigs.start(dir, TestConfigs.config(
                TestConfigs.writer("existing", file, "filePermissions=\"rw-rw-rw-\""), "existing"));
            context.getLogger("existing").info("kept");
            context.stop();
            assertTrue(status.warnings().stream().anyMatch((w) -> w.contains("filePermissions=\"rw-rw-rw-\"") &&
                w.contains("has no effect")), status.warnings().toString());
        }
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals(List.of("kept"), TestConfigs.lines(file));
    }
}
