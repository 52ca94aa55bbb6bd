package io.github.unifiedwriter.reliability;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;

import io.github.unifiedwriter.log4j2.StatusCapture;
import io.github.unifiedwriter.log4j2.TestConfigs;
import org.apache.logging.log4j.core.LoggerContext;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static java.nio.file.StandardOpenOption.CREATE_NEW;
import static java.nio.file.StandardOpenOption.WRITE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * On btrfs, writing zeros ahead reserves no blocks, so a full disk would fault inside a copy that already
 * returned: the mmap writer is refused there, and the channel writers work. Runs where a btrfs image can be
 * made and mounted (root, {@code mkfs.btrfs} from btrfs-progs, loop devices); skipped with the reason elsewhere.
 */
class CopyOnWriteDiskTest
{
    @TempDir
    Path dir;

    @Test
    void onBtrfsTheMmapWriterIsRefusedWithAnErrorAndTheBlockWriterWrites() throws Exception
    {
        final Path image = dir.resolve("btrfs.img");
        final Path mount = dir.resolve("btrfs");
        mountBtrfs(image, mount);
        try (StatusCapture status = new StatusCapture())
        {
            final Path mapped = mount.resolve("mapped.log");
            final Path blocked = mount.resolve("block.log");
            final LoggerContext context = TestConfigs.start(dir, TestConfigs.config(
                Configs.writer("mapped", mapped, "writerType=\"mmap\" regionSize=\"64KB\"") + "\n" +
                Configs.writer("block", blocked, "writerType=\"block\""), "mapped", "block"));
            try
            {
                assertNull(context.getConfiguration().getAppender("mapped"), "no mmap appender on btrfs");
                assertTrue(status.errors().stream().anyMatch((e) -> e.contains(mapped.toString()) &&
                    e.contains("btrfs") && e.contains("copies on write")), status.errors().toString());
                context.getLogger("cow").info("on btrfs");
            }
            finally
            {
                context.stop();
            }
            assertEquals("on btrfs\n", Files.readString(blocked));
        }
        finally
        {
            SmallDisk.run("umount", mount.toString());
        }
    }

    private static void mountBtrfs(final Path image, final Path mount) throws IOException
    {
        Assumptions.assumeTrue("root".equals(System.getProperty("user.name")),
            "skipped: mounting a btrfs image needs root");
        Files.createDirectories(mount);
        try (SeekableByteChannel file = Files.newByteChannel(image, CREATE_NEW, WRITE))
        {
            file.position(128L * 1024 * 1024 - 1).write(ByteBuffer.wrap(new byte[1]));
        }
        Assumptions.assumeTrue(SmallDisk.run("mkfs.btrfs", "-q", image.toString()) == 0,
            "skipped: mkfs.btrfs is not installed (apt-get install btrfs-progs) or failed");
        Assumptions.assumeTrue(SmallDisk.run("mount", "-o", "loop", image.toString(), mount.toString()) == 0,
            "skipped: the btrfs image could not be mounted (no loop device or no btrfs in this kernel)");
        System.out.println("btrfs image mounted at " + mount);
    }
}
