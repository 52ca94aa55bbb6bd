package io.github.unifiedwriter.sink;

import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

import io.github.unifiedwriter.core.Setting;
import io.github.unifiedwriter.core.WriterConfig;

/**
 * Immutable settings of a file sink, made with {@link #builder()}. {@link Builder#build()} checks every
 * value and, when it refuses one, names the field, the value and what is accepted.
 */
public final class FileSinkOptions
{
    /** How the file is written. */
    public static final Setting<SinkType> TYPE =
        new Setting<>("writerType", Setting.Form.WORD, SinkType.BLOCK, null, null);
    /** Whether a file's content is kept: false empties it when first opened. */
    public static final Setting<Boolean> APPEND = new Setting<>("append", Setting.Form.FLAG, true, null, null);
    /**
     * Bytes {@link MappedFileSink} maps at a time: at least one page, and at most a gigabyte, a bound that keeps a
     * typo from taking more.
     */
    public static final Setting<Integer> REGION_SIZE =
        new Setting<>("regionSize", Setting.Form.SIZE, 32 << 20, 4096, 1 << 30);
    /** When the file is forced to storage; an interval is at most {@link FsyncPolicy#MAX_INTERVAL}. */
    public static final Setting<FsyncPolicy> FSYNC =
        new Setting<>("fsync", Setting.Form.WORD, FsyncPolicy.never(), null, null);

    private final boolean append;
    private final SinkType type;
    private final int bufferSize;
    private final int regionSize;
    private final FsyncPolicy fsync;
    private final Set<PosixFilePermission> filePermissions;
    private final byte[] header;
    private final byte[] footer;

    private FileSinkOptions(final Builder b)
    {
        append = b.append;
        type = b.type;
        bufferSize = b.bufferSize;
        regionSize = b.regionSize;
        fsync = b.fsync;
        filePermissions = b.filePermissions == null ? null : Collections.unmodifiableSet(enumSet(b.filePermissions));
        header = copy(b.header);
        footer = copy(b.footer);
    }

    /** {@return a builder with the default options} */
    public static Builder builder()
    {
        return new Builder();
    }

    /**
     * {@return true to keep what the file holds and write after it; false empties it} Appending to a file that a
     * sink did not close cleanly first cuts its torn tail.
     */
    public boolean append()
    {
        return append;
    }

    /** {@return how the file is written: {@link FileChannelSink} writes BLOCK or LINE, {@link MappedFileSink} MMAP} */
    public SinkType type()
    {
        return type;
    }

    /** {@return for {@link SinkType#BLOCK}, the bytes gathered per write call at most} A larger one goes alone. */
    public int bufferSize()
    {
        return bufferSize;
    }

    /** {@return for {@link MappedFileSink}, the bytes mapped at a time} A larger record gets its own region. */
    public int regionSize()
    {
        return regionSize;
    }

    /** {@return the initial fsync policy} Each sink's {@code setFsync} changes it live. */
    public FsyncPolicy fsync()
    {
        return fsync;
    }

    /**
     * {@return the mode of a newly created file, or null for the system's default} Folders get no more (see
     * ParentFolders).
     */
    public Set<PosixFilePermission> filePermissions()
    {
        return filePermissions;
    }

    /**
     * Written when a new or empty regular file is opened; null for none. A copy.
     *
     * @return the header's bytes, or null
     */
    public byte[] header()
    {
        return copy(header);
    }

    /** {@return the bytes written at close, or null for none} A copy. */
    public byte[] footer()
    {
        return copy(footer);
    }

    @Override
    public String toString()
    {
        return "FileSinkOptions{append=" + append + ", type=" + type + ", bufferSize=" + bufferSize +
            ", regionSize=" + regionSize + ", fsync=" + fsync + ", filePermissions=" +
            (filePermissions == null ? null : PosixFilePermissions.toString(filePermissions)) +
            ", header=" + (header == null ? 0 : header.length) + " bytes" +
            ", footer=" + (footer == null ? 0 : footer.length) + " bytes}";
    }

    private static Set<PosixFilePermission> enumSet(final Set<PosixFilePermission> permissions)
    {
        final Set<PosixFilePermission> copy = EnumSet.noneOf(PosixFilePermission.class);
        copy.addAll(permissions);
        return copy;
    }

    private static byte[] copy(final byte[] bytes)
    {
        return bytes == null || bytes.length == 0 ? null : bytes.clone();
    }

    /** Collects values; {@link #build()} checks them all. Not thread-safe. */
    public static final class Builder
    {
        private boolean append = APPEND.byDefault();
        private SinkType type = TYPE.byDefault();
        private int bufferSize = WriterConfig.BUFFER_SIZE.byDefault();
        private int regionSize = REGION_SIZE.byDefault();
        private FsyncPolicy fsync = FSYNC.byDefault();
        private Set<PosixFilePermission> filePermissions;
        private byte[] header;
        private byte[] footer;

        private Builder()
        {
        }

        /**
         * @param append true to keep what the file holds; false empties it when opened
         * @return this builder
         */
        public Builder append(final boolean append)
        {
            this.append = append;
            return this;
        }

        /**
         * @param type how the file is written
         * @return this builder
         */
        public Builder type(final SinkType type)
        {
            this.type = type;
            return this;
        }

        /**
         * @param bufferSize the bytes gathered per write call at most
         * @return this builder
         */
        public Builder bufferSize(final int bufferSize)
        {
            this.bufferSize = bufferSize;
            return this;
        }

        /**
         * @param regionSize the bytes {@link MappedFileSink} maps at a time
         * @return this builder
         */
        public Builder regionSize(final int regionSize)
        {
            this.regionSize = regionSize;
            return this;
        }

        /**
         * @param fsync when the file is forced to storage
         * @return this builder
         */
        public Builder fsync(final FsyncPolicy fsync)
        {
            this.fsync = fsync;
            return this;
        }

        /**
         * @param filePermissions the mode of a new file; null leaves it to the system
         * @return this builder
         */
        public Builder filePermissions(final Set<PosixFilePermission> filePermissions)
        {
            this.filePermissions = filePermissions;
            return this;
        }

        /**
         * @param header written into a new or empty file; null or empty for none
         * @return this builder
         */
        public Builder header(final byte[] header)
        {
            this.header = copy(header);
            return this;
        }

        /**
         * @param footer written at close; null or empty for none
         * @return this builder
         */
        public Builder footer(final byte[] footer)
        {
            this.footer = copy(footer);
            return this;
        }

        /**
         * @return the checked options
         * @throws IllegalArgumentException naming the field, the value and what is accepted
         */
        public FileSinkOptions build()
        {
            require(type != null, "type", null, "BLOCK, LINE or MMAP");
            WriterConfig.BUFFER_SIZE.require(bufferSize);
            REGION_SIZE.require(regionSize);
            require(fsync != null, "fsync", null, "FsyncPolicy.never(), batch() or every(interval)");
            require(filePermissions == null || filePermissions.stream().allMatch(Objects::nonNull),
                "filePermissions", filePermissions,
                "null or a set of POSIX permissions");
            return new FileSinkOptions(this);
        }

        private static void require(final boolean ok, final String field, final Object value, final String accepted)
        {
            if (!ok)
            {
                throw new IllegalArgumentException("Invalid " + field + ": '" + value + "'; accepted: " + accepted);
            }
        }
    }
}
