package io.github.unifiedwriter.sink;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumSet;
import java.util.Set;

import static java.nio.file.attribute.PosixFilePermission.GROUP_EXECUTE;
import static java.nio.file.attribute.PosixFilePermission.GROUP_READ;
import static java.nio.file.attribute.PosixFilePermission.GROUP_WRITE;
import static java.nio.file.attribute.PosixFilePermission.OTHERS_EXECUTE;
import static java.nio.file.attribute.PosixFilePermission.OTHERS_READ;
import static java.nio.file.attribute.PosixFilePermission.OTHERS_WRITE;
import static java.nio.file.attribute.PosixFilePermission.OWNER_EXECUTE;
import static java.nio.file.attribute.PosixFilePermission.OWNER_READ;
import static java.nio.file.attribute.PosixFilePermission.OWNER_WRITE;

/**
 * Creates the missing folders above a log file. With file permissions given, a new folder grants no class
 * more than the file does: reading the file brings r-x (list and enter), writing it brings -wx (enter, and
 * create or remove entries as rotation does). The owner always gets rwx: the sink creates the file there.
 * Folders that already exist are left alone.
 */
final class ParentFolders
{
    private ParentFolders()
    {
    }

    static void create(final Path file, final Set<PosixFilePermission> filePermissions) throws IOException
    {
        final Path parent = file.toAbsolutePath().getParent();
        if (parent == null || Files.isDirectory(parent))
        {
            return;
        }
        if (filePermissions == null)
        {
            Files.createDirectories(parent);
            return;
        }
        final Set<PosixFilePermission> permissions = forFolder(filePermissions);
        final Deque<Path> missing = new ArrayDeque<>();
        for (Path folder = parent; folder != null && Files.notExists(folder); folder = folder.getParent())
        {
            missing.push(folder);
        }
        for (final Path folder : missing)
        {
            try
            {
                Files.createDirectory(folder, PosixFilePermissions.asFileAttribute(permissions));
                Files.setPosixFilePermissions(folder, permissions);
            }
            catch (final FileAlreadyExistsException madeMeanwhile)
            {
                // made by another thread or process: its mode is its own
            }
        }
    }

    /** The folder mode that lets each class do to the file what the file's mode allows, and no more. */
    static Set<PosixFilePermission> forFolder(final Set<PosixFilePermission> file)
    {
        final Set<PosixFilePermission> folder = EnumSet.of(OWNER_READ, OWNER_WRITE, OWNER_EXECUTE);
        grant(file, folder, GROUP_READ, GROUP_WRITE, GROUP_EXECUTE);
        grant(file, folder, OTHERS_READ, OTHERS_WRITE, OTHERS_EXECUTE);
        return folder;
    }

    private static void grant(
        final Set<PosixFilePermission> file,
        final Set<PosixFilePermission> folder,
        final PosixFilePermission read,
        final PosixFilePermission write,
        final PosixFilePermission execute)
    {
        if (file.contains(read) || file.contains(write) || file.contains(execute))
        {
            folder.add(execute);
        }
        if (file.contains(read))
        {
            folder.add(read);
        }
        if (file.contains(write))
        {
            folder.add(write);
        }
    }
}
