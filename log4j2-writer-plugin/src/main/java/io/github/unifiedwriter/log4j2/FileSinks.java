package io.github.unifiedwriter.log4j2;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;

import io.github.unifiedwriter.core.BatchDestination;

/**
 * Opens the file sinks: the one place that knows their API.
 *
 * <p>Missing parent folders are created with no more permission than the file needs: each class of user that
 * may read or write the file may enter the folder, and no one else.
 */
final class FileSinks implements SinkFactory
{
    static final SinkFactory INSTANCE = new FileSinks();

    private FileSinks()
    {
    }

    @Override
    public BatchDestination open(final SinkSettings settings) throws IOException
    {
        createParents(settings.file(), settings.permissions());
        throw new IOException("no file sink for the " + settings.type() + " writer");
    }

    static void createParents(final Path file, final Set<PosixFilePermission> permissions) throws IOException
    {
        final Path parent = file.getParent();
        if (parent == null || Files.isDirectory(parent))
        {
            return;
        }
        if (permissions == null || !FileSystems.getDefault().supportedFileAttributeViews().contains("posix"))
        {
            Files.createDirectories(parent);
            return;
        }
        Files.createDirectories(parent, PosixFilePermissions.asFileAttribute(folderPermissions(permissions)));
    }

    /** Read or write on the file becomes read and enter on the folder, class by class. */
    static Set<PosixFilePermission> folderPermissions(final Set<PosixFilePermission> file)
    {
        final Set<PosixFilePermission> folder = EnumSet.noneOf(PosixFilePermission.class);
        if (file.contains(PosixFilePermission.OWNER_READ) || file.contains(PosixFilePermission.OWNER_WRITE))
        {
            folder.addAll(EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE,
                PosixFilePermission.OWNER_EXECUTE));
        }
        if (file.contains(PosixFilePermission.GROUP_READ) || file.contains(PosixFilePermission.GROUP_WRITE))
        {
            folder.addAll(EnumSet.of(PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_EXECUTE));
        }
        if (file.contains(PosixFilePermission.OTHERS_READ) || file.contains(PosixFilePermission.OTHERS_WRITE))
        {
            folder.addAll(EnumSet.of(PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_EXECUTE));
        }
        return folder;
    }
}
