package io.github.unifiedwriter.sink;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Opens channels that misbehave as told: short writes, a disk that fills after so many bytes, a failing
 * force, a failing map. Shared by every channel it opens, so a reopened sink meets the same disk.
 */
final class Faults implements ChannelOpener
{
    /** Bytes one write call takes at most. */
    int maxPerWrite = Integer.MAX_VALUE;
    /** Bytes writable before writes fail with ENOSPC. */
    long space = Long.MAX_VALUE;
    boolean failForce;
    /** Map calls that succeed before maps fail. */
    int maps = Integer.MAX_VALUE;
    /** Bytes taken by each successful write call. */
    final List<Integer> writes = new ArrayList<>();
    /** The name of the thread that made each successful write call. */
    final List<String> writers = new ArrayList<>();

    @Override
    public FileChannel open(final Path path, final Set<? extends OpenOption> options, final FileAttribute<?>... attributes)
        throws IOException
    {
        return new FaultyChannel(FileChannel.open(path, options, attributes), this);
    }
}
