package io.github.unifiedwriter.log4j2;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Files moved aside with the same time are archived, and read back after a crash, in the order of their numbers, so a
 * newer one must never take a number the archiver freed below an older one still waiting.
 */
class RawFilesTest
{
    @TempDir
    Path dir;

    @Test
    void aNewerFileSortsAfterTheOlderOnesStillWaitingEvenWhenALowerNumberWasFreed() throws Exception
    {
        final Path active = dir.resolve("app.log");
        Files.createFile(dir.resolve(".app.log.5-1.raw")); // -0 already archived and deleted, -1 still waiting
        Files.createFile(dir.resolve(".app.log.4-7.raw")); // another time: does not count

        assertEquals(dir.resolve(".app.log.5-2.raw"), RawFiles.name(active, 5));
        assertEquals(dir.resolve(".app.log.6-0.raw"), RawFiles.name(active, 6));
        Files.createFile(dir.resolve(".app.log.5-2.raw"));
        assertEquals(dir.resolve(".app.log.5-3.raw"), RawFiles.name(active, 5));
    }
}
