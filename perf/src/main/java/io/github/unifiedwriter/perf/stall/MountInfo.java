package io.github.unifiedwriter.perf.stall;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * One line of {@code /proc/self/mountinfo}: what the kernel says is mounted at a mount point. Read afresh
 * before every freeze, so that {@code stall} never freezes a file system it did not mount.
 *
 * @param device     the device's {@code major:minor}
 * @param mountPoint where it is mounted
 * @param type       the file system type
 * @param source     the mounted device's path
 */
record MountInfo(String device, Path mountPoint, String type, String source)
{
    private static final Path MOUNTINFO = Path.of("/proc/self/mountinfo");

    /** The file system mounted last at {@code mountPoint} (the one a path there reaches), if any. */
    static Optional<MountInfo> at(final Path mountPoint) throws IOException
    {
        return at(mountPoint, Files.readAllLines(MOUNTINFO, StandardCharsets.UTF_8));
    }

    static Optional<MountInfo> at(final Path mountPoint, final List<String> lines)
    {
        MountInfo last = null;
        for (final String line : lines)
        {
            final MountInfo info = parse(line);
            if (info != null && info.mountPoint.equals(mountPoint))
            {
                last = info;
            }
        }
        return Optional.ofNullable(last);
    }

    /**
     * {@code 45 27 7:0 / /tmp/x/mnt rw,relatime - ext4 /dev/loop0 rw}: id, parent, major:minor, root, mount
     * point, options, optional fields up to {@code -}, then type, source and super options.
     */
    static MountInfo parse(final String line)
    {
        final String[] words = line.split(" ");
        int dash = -1;
        for (int i = 6; i < words.length; i++)
        {
            if ("-".equals(words[i]))
            {
                dash = i;
                break;
            }
        }
        if (words.length < 6 || dash < 0 || dash + 2 >= words.length)
        {
            return null;
        }
        return new MountInfo(words[2], Path.of(unescape(words[4])), words[dash + 1], unescape(words[dash + 2]));
    }

    /** The kernel writes space, tab, newline and backslash as three octal digits after a backslash. */
    private static String unescape(final String word)
    {
        final StringBuilder out = new StringBuilder(word.length());
        for (int i = 0; i < word.length(); i++)
        {
            final char c = word.charAt(i);
            if (c == '\\' && i + 3 < word.length())
            {
                out.append((char)Integer.parseInt(word.substring(i + 1, i + 4), 8));
                i += 3;
            }
            else
            {
                out.append(c);
            }
        }
        return out.toString();
    }
}
