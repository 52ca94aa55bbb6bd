package io.github.unifiedwriter.sink;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;

/**
 * Keeps the mmap writer off file systems that copy on write. {@link MappedFileSink} writes zeros ahead of its
 * records so that a full disk fails that write; on btrfs, ZFS or bcachefs each later write to those blocks
 * allocates new ones, so the zeros reserve nothing, and a full disk raises SIGBUS inside a copy that has already
 * returned, after the record may have been confirmed. No such file system is mapped.
 *
 * <p>Called by the thread that opens the sink.
 */
final class CopyOnWrite
{
    private static final Set<String> TYPES = Set.of("btrfs", "zfs", "bcachefs");

    private CopyOnWrite()
    {
    }

    /** {@return whether a file system of this type (as {@code FileStore.type()} names it) copies on write} */
    static boolean copiesOnWrite(final String type)
    {
        return type != null && TYPES.contains(type.toLowerCase(Locale.ROOT));
    }

    /**
     * Throws when the folder of {@code file}, which must exist, is on a file system that copies on write.
     *
     * @throws IOException naming the file, the file system and what to use instead
     */
    static void refuseMapping(final Path file) throws IOException
    {
        final String type = Files.getFileStore(file.toAbsolutePath().getParent()).type();
        if (copiesOnWrite(type))
        {
            throw new IOException("The mmap writer cannot write " + file + ": it is on " + type +
                ", which copies on write, so space cannot be reserved ahead and a full disk would fault after a " +
                "record was confirmed; use writerType block or line there");
        }
    }
}
