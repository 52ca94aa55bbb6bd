package io.github.unifiedwriter.sink;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import static java.nio.file.StandardOpenOption.CREATE;
import static java.nio.file.StandardOpenOption.READ;
import static java.nio.file.StandardOpenOption.TRUNCATE_EXISTING;
import static java.nio.file.StandardOpenOption.WRITE;

/**
 * The evidence, beside a log file, that a sink has it open: the hidden file {@code .NAME.uw-open} next to
 * {@code NAME}. It outlives a crash, which is the point: a sink writes it before the first byte it writes to
 * the log, and removes it only after a clean close. A log with no marker ended cleanly, or was never written
 * by a sink, and is never cut.
 *
 * <p>While present, the marker says what an unclean end can have left: which file was written (its file key),
 * the offset from which this sink wrote, how every record it wrote ends, and whether zeros of a mapped region
 * may follow them. Each change goes to a temporary file that is renamed over the marker, so a crash leaves the
 * old marker or the new one, whole; when the sink's fsync policy forces the log, the temporary file and the
 * folder are forced too, so that a power loss cannot leave a marker older than the data. A sink changes the
 * marker before it writes the bytes the change describes, so the marker is never behind the file.
 *
 * <p>Called by the thread that opens, writes or closes the sink: one at a time.
 */
final class OpenMarker
{
    /** No record written yet from {@code start}. */
    static final int NO_RECORD = -1;
    /** Records written from {@code start} do not all end with the same byte. */
    static final int MIXED = -2;
    private static final String SUFFIX = ".uw-open";
    private static final String FORMAT = "unifiedwriter-open-marker 1";

    private final Path marker;
    private final Path temp;
    private final FileAttribute<?>[] attributes;

    /**
     * What an unclean end can have left in the log.
     *
     * @param fileKey the key of the file written, as {@code BasicFileAttributes.fileKey()} prints it
     * @param start   the offset from which the sink wrote; nothing before it is ever cut
     * @param mapped  whether the zeros of a mapped region may follow the records
     * @param ends    the byte every record ends with (0 to 255), {@link #NO_RECORD} or {@link #MIXED}
     */
    record State(String fileKey, long start, boolean mapped, int ends)
    {
        State withEnds(final int newEnds)
        {
            return new State(fileKey, start, mapped, newEnds);
        }
    }

    OpenMarker(final Path log, final Set<PosixFilePermission> permissions)
    {
        final Path absolute = log.toAbsolutePath();
        marker = absolute.resolveSibling("." + absolute.getFileName() + SUFFIX);
        temp = absolute.resolveSibling("." + absolute.getFileName() + SUFFIX + ".tmp");
        attributes = permissions == null ?
            new FileAttribute<?>[0] : new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(permissions)};
    }

    /** {@return the marker's path} */
    Path path()
    {
        return marker;
    }

    /**
     * {@return what the marker says, or null when there is none}
     *
     * @throws IOException when it cannot be read, or does not say it in the expected form
     */
    State read() throws IOException
    {
        final String text;
        try
        {
            text = Files.readString(marker, StandardCharsets.UTF_8);
        }
        catch (final NoSuchFileException none)
        {
            return null;
        }
        final Map<String, String> fields = new HashMap<>();
        final String[] lines = text.split("\n");
        if (lines.length != 5 || !FORMAT.equals(lines[0]))
        {
            throw new IOException(marker + " is not an open marker this version can read");
        }
        for (int i = 1; i < lines.length; i++)
        {
            final int equals = lines[i].indexOf('=');
            if (equals < 1)
            {
                throw new IOException(marker + ": unreadable line '" + lines[i] + "'");
            }
            fields.put(lines[i].substring(0, equals), lines[i].substring(equals + 1));
        }
        try
        {
            final State state = new State(field(fields, "file"), Long.parseLong(field(fields, "start")),
                parseMapped(field(fields, "writer")), parseEnds(field(fields, "ends")));
            if (state.start() < 0)
            {
                throw new IOException(marker + ": negative start " + state.start());
            }
            return state;
        }
        catch (final NumberFormatException ex)
        {
            throw new IOException(marker + ": unreadable number: " + ex.getMessage(), ex);
        }
    }

    /**
     * Replaces the marker with {@code state}, whole: a temporary file renamed over it. With {@code force}, the
     * temporary file is forced before the rename and the folder after it, so that the marker reaches storage
     * before the bytes it describes can; the death of the process alone loses neither way.
     */
    void write(final State state, final boolean force) throws IOException
    {
        final String text = FORMAT + "\nfile=" + state.fileKey() + "\nstart=" + state.start() +
            "\nwriter=" + (state.mapped() ? "mmap" : "channel") + "\nends=" + printEnds(state.ends()) + "\n";
        try (FileChannel channel = FileChannel.open(temp, Set.of(CREATE, WRITE, TRUNCATE_EXISTING), attributes))
        {
            final ByteBuffer bytes = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
            while (bytes.hasRemaining())
            {
                channel.write(bytes);
            }
            if (force)
            {
                channel.force(true);
            }
        }
        try
        {
            Files.move(temp, marker, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        }
        catch (final AtomicMoveNotSupportedException ex)
        {
            throw new IOException("Cannot replace " + marker + " atomically", ex);
        }
        if (force)
        {
            forceFolder();
        }
    }

    /** Removes the marker after a clean close. A crash before this leaves a marker that is still true. */
    void remove() throws IOException
    {
        Files.deleteIfExists(marker);
    }

    private void forceFolder() throws IOException
    {
        try (FileChannel folder = FileChannel.open(marker.getParent(), READ))
        {
            folder.force(true);
        }
    }

    private String field(final Map<String, String> fields, final String name) throws IOException
    {
        final String value = fields.get(name);
        if (value == null)
        {
            throw new IOException(marker + ": no " + name + "=");
        }
        return value;
    }

    private boolean parseMapped(final String writer) throws IOException
    {
        if (!"mmap".equals(writer) && !"channel".equals(writer))
        {
            throw new IOException(marker + ": unknown writer '" + writer + "'");
        }
        return "mmap".equals(writer);
    }

    private int parseEnds(final String ends) throws IOException
    {
        if ("none-yet".equals(ends))
        {
            return NO_RECORD;
        }
        if ("mixed".equals(ends))
        {
            return MIXED;
        }
        final int value = Integer.parseInt(ends);
        if (value < 0 || value > 255)
        {
            throw new IOException(marker + ": ends=" + ends + " is not a byte");
        }
        return value;
    }

    private static String printEnds(final int ends)
    {
        return ends == NO_RECORD ? "none-yet" : ends == MIXED ? "mixed" : Integer.toString(ends);
    }
}
