package io.github.unifiedwriter.core;

import java.time.Duration;
import java.util.Objects;

/**
 * Immutable settings of a {@link UnifiedWriter}, each defined once by a {@link Setting} below. The constructor
 * checks every value and names the field, the value and what is accepted when it refuses one; it rounds the ring
 * up to a power of two and cuts a batch to half the ring. {@link #builder()} starts from the defaults.
 *
 * @param name            the name of the writer thread, and of the writer in messages
 * @param ringSize        the slots in the ring, a power of two
 * @param policy          what a producer does when the ring is full
 * @param mode            when the writer thread writes
 * @param batchSize       the records per write call at most: never more than half the ring
 * @param bufferSize      the bytes per write call at most; a larger record is written alone
 * @param flushInterval   in LOOP mode, the longest a record waits for company before it is written
 * @param tick            in LOOP mode, how often the writer wakes to look at the ring
 * @param autoRestart     whether the writer reopens a failed destination and retries
 * @param maxRestarts     the failures in a row tolerated before falling back to synchronous writes
 * @param shutdownTimeout the longest {@link UnifiedWriter#stop()} may take to drain the ring
 * @param warnInterval    under WARN, the shortest time between two drop warnings
 * @param blockTimeout    under BLOCK, the longest a producer waits for room before its record is dropped, or null
 * @param async           false to write on the caller's thread, through the same destinations and counters
 * @param listener        who hears of drops, errors, fallback and restarts
 */
public record WriterConfig(
    String name,
    int ringSize,
    QueuePolicy policy,
    Mode mode,
    int batchSize,
    int bufferSize,
    Duration flushInterval,
    Duration tick,
    boolean autoRestart,
    int maxRestarts,
    Duration shutdownTimeout,
    Duration warnInterval,
    Duration blockTimeout,
    boolean async,
    WriterListener listener)
{
    /** Smallest ring the writer accepts; smaller requests are refused, larger ones rounded up to a power of two. */
    public static final int MIN_RING_SIZE = 64;
    /**
     * Largest ring in any JVM: slots are preallocated, so the bound keeps a typo from eating the heap. A JVM
     * accepts at most {@link #largestRing()}, which also depends on its maximum heap.
     */
    public static final int MAX_RING_SIZE = 1 << 24;
    /**
     * Heap one ring slot takes before any record grows it: the slot, its 128-byte array and buffer view, and
     * the ring's own bookkeeping. Measured as 248 bytes with compressed references and 270 without.
     */
    public static final int BYTES_PER_SLOT = 272;
    /**
     * Shortest {@code tick} and {@code flushInterval}: both also bound how long an idle writer sleeps, and
     * below a millisecond an idle writer keeps a core busy waking up.
     */
    public static final Duration MIN_INTERVAL = Duration.ofMillis(1);

    /** Slots in the ring, from {@link #MIN_RING_SIZE} to {@link #MAX_RING_SIZE}, rounded up to a power of two. */
    public static final Setting<Integer> RING_SIZE =
        new Setting<>("ringSize", Setting.Form.COUNT, 16384, MIN_RING_SIZE, MAX_RING_SIZE);
    /** What a producer does when the ring is full. */
    public static final Setting<QueuePolicy> POLICY =
        new Setting<>("policy", Setting.Form.WORD, QueuePolicy.BLOCK, null, null);
    /** When the writer thread writes. */
    public static final Setting<Mode> MODE = new Setting<>("mode", Setting.Form.WORD, Mode.TRIGGER, null, null);
    /** Records per write call at most. */
    public static final Setting<Integer> BATCH_SIZE =
        new Setting<>("batchSize", Setting.Form.COUNT, 1024, 1, Integer.MAX_VALUE);
    /** Bytes per write call at most; also the block sink's buffer, hence the bound. */
    public static final Setting<Integer> BUFFER_SIZE =
        new Setting<>("bufferSize", Setting.Form.SIZE, 64 * 1024, 1, 1 << 30);
    /** In LOOP mode, the longest a record waits for company. */
    public static final Setting<Duration> FLUSH_INTERVAL =
        new Setting<>("flushInterval", Setting.Form.DURATION, Duration.ofMillis(100), MIN_INTERVAL, null);
    /** In LOOP mode, how often the writer looks at the ring. */
    public static final Setting<Duration> TICK =
        new Setting<>("tick", Setting.Form.DURATION, Duration.ofMillis(10), MIN_INTERVAL, null);
    /** Whether a failed destination is reopened and retried. */
    public static final Setting<Boolean> AUTO_RESTART =
        new Setting<>("autoRestart", Setting.Form.FLAG, true, null, null);
    /** Failures in a row tolerated before falling back to synchronous writes. */
    public static final Setting<Integer> MAX_RESTARTS =
        new Setting<>("maxRestarts", Setting.Form.COUNT, 10, 0, Integer.MAX_VALUE);
    /** The longest stopping may take to drain the ring. */
    public static final Setting<Duration> SHUTDOWN_TIMEOUT =
        new Setting<>("shutdownTimeout", Setting.Form.DURATION, Duration.ofSeconds(5), Duration.ZERO, null);
    /** Under WARN, the shortest time between two drop warnings. */
    public static final Setting<Duration> WARN_INTERVAL =
        new Setting<>("warnInterval", Setting.Form.DURATION, Duration.ofSeconds(1), Duration.ofNanos(1), null);
    /** Under BLOCK, the longest a producer waits for room; none (null) waits forever. */
    public static final Setting<Duration> BLOCK_TIMEOUT =
        new Setting<>("blockTimeout", Setting.Form.DURATION, null, Duration.ZERO, null);
    /** False writes on the caller's thread. */
    public static final Setting<Boolean> ASYNC = new Setting<>("async", Setting.Form.FLAG, true, null, null);

    /**
     * Checks every value against its {@link Setting}, rounds the ring up to a power of two, cuts the batch to half.
     * @param name            as {@link #name()}
     * @param ringSize        as {@link #ringSize()}, before rounding
     * @param policy          as {@link #policy()}
     * @param mode            as {@link #mode()}
     * @param batchSize       as {@link #batchSize()}, before cutting
     * @param bufferSize      as {@link #bufferSize()}
     * @param flushInterval   as {@link #flushInterval()}
     * @param tick            as {@link #tick()}
     * @param autoRestart     as {@link #autoRestart()}
     * @param maxRestarts     as {@link #maxRestarts()}
     * @param shutdownTimeout as {@link #shutdownTimeout()}
     * @param warnInterval    as {@link #warnInterval()}
     * @param blockTimeout    as {@link #blockTimeout()}
     * @param async           as {@link #async()}
     * @param listener        as {@link #listener()}
     * @throws IllegalArgumentException naming the field, the value and what is accepted
     */
    public WriterConfig
    {
        require(name != null && !name.isBlank(), "name", name, "a non-blank name");
        final int largest = async ? largestRing() : MAX_RING_SIZE;
        require(ringSize >= MIN_RING_SIZE && ringSize <= largest, "ringSize", ringSize,
            "an integer from " + MIN_RING_SIZE + " to " + largest + " (at most half the maximum heap, at " +
            BYTES_PER_SLOT + " bytes a slot)");
        POLICY.require(policy);
        MODE.require(mode);
        BATCH_SIZE.require(batchSize);
        BUFFER_SIZE.require(bufferSize);
        FLUSH_INTERVAL.require(flushInterval);
        TICK.require(tick);
        MAX_RESTARTS.require(maxRestarts);
        SHUTDOWN_TIMEOUT.require(shutdownTimeout);
        WARN_INTERVAL.require(warnInterval);
        if (blockTimeout != null)
        {
            BLOCK_TIMEOUT.require(blockTimeout);
        }
        Objects.requireNonNull(listener, "listener");
        ringSize = slots(ringSize);
        batchSize = Math.min(batchSize, ringSize / 2);
    }

    /** {@return a builder with the default settings} */
    public static Builder builder()
    {
        return new Builder();
    }

    /**
     * @param ringSize slots asked for, from {@link #MIN_RING_SIZE} to {@link #MAX_RING_SIZE}
     * @return the heap the ring takes, after rounding up to a power of two
     */
    public static long ringBytes(final int ringSize)
    {
        return (long)slots(ringSize) * BYTES_PER_SLOT;
    }

    /**
     * {@return the largest ring this JVM accepts: one that takes at most half of its maximum heap, and at most
     * {@link #MAX_RING_SIZE}} Any thread.
     */
    public static int largestRing()
    {
        return largestRing(Runtime.getRuntime().maxMemory());
    }

    /**
     * @param maxHeap a JVM's maximum heap, in bytes
     * @return the largest ring that JVM accepts
     */
    public static int largestRing(final long maxHeap)
    {
        final long slots = maxHeap / 2 / BYTES_PER_SLOT;
        return (int)Math.min(MAX_RING_SIZE, Long.highestOneBit(Math.max(slots, MIN_RING_SIZE)));
    }

    /**
     * @param ringSize slots asked for, from {@link #MIN_RING_SIZE} to {@link #MAX_RING_SIZE}
     * @return the slots the ring gets: the next power of two
     */
    public static int slots(final int ringSize)
    {
        return ringSize <= 1 ? 1 : Integer.highestOneBit(ringSize - 1) << 1;
    }

    /** {@return a builder holding this configuration's values, to derive a changed copy} */
    public Builder toBuilder()
    {
        return new Builder().name(name).ringSize(ringSize).policy(policy).mode(mode).batchSize(batchSize)
            .bufferSize(bufferSize).flushInterval(flushInterval).tick(tick).autoRestart(autoRestart)
            .maxRestarts(maxRestarts).shutdownTimeout(shutdownTimeout).warnInterval(warnInterval)
            .blockTimeout(blockTimeout).async(async).listener(listener);
    }

    @Override
    public String toString()
    {
        return "WriterConfig{name=" + name + ", ringSize=" + ringSize + ", policy=" + policy + ", mode=" + mode +
            ", batchSize=" + batchSize + ", bufferSize=" + bufferSize + ", flushInterval=" + flushInterval +
            ", tick=" + tick + ", autoRestart=" + autoRestart + ", maxRestarts=" + maxRestarts +
            ", shutdownTimeout=" + shutdownTimeout + ", warnInterval=" + warnInterval +
            ", blockTimeout=" + blockTimeout + ", async=" + async + '}';
    }

    private static void require(final boolean ok, final String field, final Object value, final String accepted)
    {
        if (!ok)
        {
            throw new IllegalArgumentException("Invalid " + field + ": '" + value + "'; accepted: " + accepted);
        }
    }

    /** Collects values, starting from the defaults; {@link #build()} checks them all. Not thread-safe. */
    public static final class Builder
    {
        private String name = "unifiedwriter";
        private int ringSize = RING_SIZE.byDefault();
        private QueuePolicy policy = POLICY.byDefault();
        private Mode mode = MODE.byDefault();
        private int batchSize = BATCH_SIZE.byDefault();
        private int bufferSize = BUFFER_SIZE.byDefault();
        private Duration flushInterval = FLUSH_INTERVAL.byDefault();
        private Duration tick = TICK.byDefault();
        private boolean autoRestart = AUTO_RESTART.byDefault();
        private int maxRestarts = MAX_RESTARTS.byDefault();
        private Duration shutdownTimeout = SHUTDOWN_TIMEOUT.byDefault();
        private Duration warnInterval = WARN_INTERVAL.byDefault();
        private Duration blockTimeout = BLOCK_TIMEOUT.byDefault();
        private boolean async = ASYNC.byDefault();
        private WriterListener listener = WriterListener.NONE;

        private Builder()
        {
        }

        /**
         * @param name the writer's name, for its thread and messages
         * @return this builder
         */
        public Builder name(final String name)
        {
            this.name = name;
            return this;
        }

        /**
         * @param ringSize the ring's slots, from {@link #MIN_RING_SIZE} to {@link #largestRing()}, rounded up to
         *                 a power of two
         * @return this builder
         */
        public Builder ringSize(final int ringSize)
        {
            this.ringSize = ringSize;
            return this;
        }

        /**
         * @param policy what a producer does when the ring is full
         * @return this builder
         */
        public Builder policy(final QueuePolicy policy)
        {
            this.policy = policy;
            return this;
        }

        /**
         * @param mode when the writer thread writes
         * @return this builder
         */
        public Builder mode(final Mode mode)
        {
            this.mode = mode;
            return this;
        }

        /**
         * @param batchSize the records per write call at most; more than half the ring is cut to half the ring
         * @return this builder
         */
        public Builder batchSize(final int batchSize)
        {
            this.batchSize = batchSize;
            return this;
        }

        /**
         * @param bufferSize the bytes per write call at most
         * @return this builder
         */
        public Builder bufferSize(final int bufferSize)
        {
            this.bufferSize = bufferSize;
            return this;
        }

        /**
         * @param flushInterval in LOOP mode, the longest a record waits for company; at least {@link #MIN_INTERVAL}
         * @return this builder
         */
        public Builder flushInterval(final Duration flushInterval)
        {
            this.flushInterval = flushInterval;
            return this;
        }

        /**
         * @param tick in LOOP mode, how often the writer looks at the ring; at least {@link #MIN_INTERVAL}
         * @return this builder
         */
        public Builder tick(final Duration tick)
        {
            this.tick = tick;
            return this;
        }

        /**
         * @param autoRestart whether a failed destination is reopened and retried
         * @return this builder
         */
        public Builder autoRestart(final boolean autoRestart)
        {
            this.autoRestart = autoRestart;
            return this;
        }

        /**
         * @param maxRestarts the failures in a row tolerated before falling back to synchronous writes
         * @return this builder
         */
        public Builder maxRestarts(final int maxRestarts)
        {
            this.maxRestarts = maxRestarts;
            return this;
        }

        /**
         * @param shutdownTimeout the longest stopping may take to drain the ring
         * @return this builder
         */
        public Builder shutdownTimeout(final Duration shutdownTimeout)
        {
            this.shutdownTimeout = shutdownTimeout;
            return this;
        }

        /**
         * @param warnInterval under WARN, the shortest time between two drop warnings
         * @return this builder
         */
        public Builder warnInterval(final Duration warnInterval)
        {
            this.warnInterval = warnInterval;
            return this;
        }

        /**
         * @param blockTimeout under BLOCK, the longest a producer waits for room; null waits forever
         * @return this builder
         */
        public Builder blockTimeout(final Duration blockTimeout)
        {
            this.blockTimeout = blockTimeout;
            return this;
        }

        /**
         * @param async false to write on the caller's thread
         * @return this builder
         */
        public Builder async(final boolean async)
        {
            this.async = async;
            return this;
        }

        /**
         * @param listener who hears of drops, errors, fallback and restarts
         * @return this builder
         */
        public Builder listener(final WriterListener listener)
        {
            this.listener = listener;
            return this;
        }

        /**
         * @return the checked settings
         * @throws IllegalArgumentException naming the field, the value and what is accepted
         */
        public WriterConfig build()
        {
            return new WriterConfig(name, ringSize, policy, mode, batchSize, bufferSize, flushInterval, tick,
                autoRestart, maxRestarts, shutdownTimeout, warnInterval, blockTimeout, async, listener);
        }
    }
}
