package io.github.unifiedwriter.log4j2;

import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;

import io.github.unifiedwriter.sink.FsyncPolicy;
import io.github.unifiedwriter.sink.SinkType;

/**
 * What the file sink is opened with.
 *
 * @param file        the file
 * @param type        how it is written
 * @param append      false truncates the file when it is first opened
 * @param bufferSize  bytes gathered per write call
 * @param regionSize  bytes mapped at a time by the {@link SinkType#MMAP} writer
 * @param fsync       when the file is forced to storage
 * @param permissions the mode of a new file, or null for the platform default
 * @param header      written when the file is new or empty, or null
 */
record SinkSettings(
    Path file,
    SinkType type,
    boolean append,
    int bufferSize,
    long regionSize,
    FsyncPolicy fsync,
    Set<PosixFilePermission> permissions,
    byte[] header)
{
    /**
     * Whether a sink opened with these settings writes the same way as one opened with {@code other}. When not,
     * the manager has to close the file and open it again.
     */
    boolean sameShape(final SinkSettings other)
    {
        return type == other.type && bufferSize == other.bufferSize &&
            (type != SinkType.MMAP || regionSize == other.regionSize);
    }

    /** The same settings with the layout's header, or null for none. */
    SinkSettings withFsync(final FsyncPolicy newFsync)
    {
        return new SinkSettings(file, type, append, bufferSize, regionSize, newFsync, permissions, header);
    }

    SinkSettings withHeader(final byte[] bytes)
    {
        return new SinkSettings(file, type, append, bufferSize, regionSize, fsync, permissions, bytes);
    }

    /** The same settings for opening the file again: never truncate what earlier writers wrote. */
    SinkSettings forReopen()
    {
        return new SinkSettings(file, type, true, bufferSize, regionSize, fsync, permissions, header);
    }

    @Override
    public String toString()
    {
        return "SinkSettings{file=" + file + ", type=" + type + ", append=" + append + ", bufferSize=" + bufferSize +
            ", regionSize=" + regionSize + ", fsync=" + fsync + ", permissions=" + permissions + '}';
    }
}
