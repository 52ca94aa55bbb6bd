package io.github.unifiedwriter.core;

import java.time.Duration;
import java.util.Objects;

/**
 * Immutable settings of a {@link UnifiedWriter}. {@link Builder#build()} validates every field and names
 * the field, the value and what is accepted when it refuses one.
 */
public final class WriterConfig
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

    private final String name;
    private final int ringSize;
    private final QueuePolicy policy;
    private final Mode mode;
    private final int batchSize;
    private final int bufferSize;
    private final Duration flushInterval;
    private final Duration tick;
    private final boolean autoRestart;
    private final int maxRestarts;
    private final Duration shutdownTimeout;
    private final Duration warnInterval;
    private final Duration blockTimeout;
    private final boolean async;
    private final WriterListener listener;

    private WriterConfig(final Builder b)
    {
        name = b.name;
        ringSize = b.ringSize;
        policy = b.policy;
        mode = b.mode;
        batchSize = b.batchSize;
        bufferSize = b.bufferSize;
        flushInterval = b.flushInterval;
        tick = b.tick;
        autoRestart = b.autoRestart;
        maxRestarts = b.maxRestarts;
        shutdownTimeout = b.shutdownTimeout;
        warnInterval = b.warnInterval;
        blockTimeout = b.blockTimeout;
        async = b.async;
        listener = b.listener;
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

    /** {@return the name of the writer thread, and of the writer in messages} */
    public String name()
    {
        return name;
    }

    /** {@return the slots in the ring, a power of two} */
    public int ringSize()
    {
        return ringSize;
    }

    /** {@return what a producer does when the ring is full} */
    public QueuePolicy policy()
    {
        return policy;
    }

    /** {@return when the writer thread writes} */
    public Mode mode()
    {
        return mode;
    }

    /** {@return the records per write call at most: never more than half the ring} */
    public int batchSize()
    {
        return batchSize;
    }

    /** {@return the bytes per write call at most; a larger record is written alone} */
    public int bufferSize()
    {
        return bufferSize;
    }

    /** {@return in LOOP mode, the longest a record waits for company before it is written} */
    public Duration flushInterval()
    {
        return flushInterval;
    }

    /** {@return in LOOP mode, how often the writer wakes to look at the ring} */
    public Duration tick()
    {
        return tick;
    }

    /** {@return whether the writer reopens a failed destination and retries} */
    public boolean autoRestart()
    {
        return autoRestart;
    }

    /** {@return the failures in a row tolerated before falling back to synchronous writes} */
    public int maxRestarts()
    {
        return maxRestarts;
    }

    /** {@return the longest {@link UnifiedWriter#stop()} may take to drain the ring} */
    public Duration shutdownTimeout()
    {
        return shutdownTimeout;
    }

    /** {@return under WARN, the shortest time between two drop warnings} */
    public Duration warnInterval()
    {
        return warnInterval;
    }

    /**
     * {@return under BLOCK, the longest a producer waits for room before its record is dropped; null waits
     * forever}
     */
    public Duration blockTimeout()
    {
        return blockTimeout;
    }

    /** {@return false to write on the caller's thread, through the same destinations and counters} */
    public boolean async()
    {
        return async;
    }

    /** {@return who hears of drops, errors, fallback and restarts} */
    public WriterListener listener()
    {
        return listener;
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

    /** Collects values; {@link #build()} checks them all. Not thread-safe. */
    public static final class Builder
    {
        private String name = "unifiedwriter";
        private int ringSize = 16384;
        private QueuePolicy policy = QueuePolicy.BLOCK;
        private Mode mode = Mode.TRIGGER;
        private int batchSize = 1024;
        private int bufferSize = 64 * 1024;
        private Duration flushInterval = Duration.ofMillis(100);
        private Duration tick = Duration.ofMillis(10);
        private boolean autoRestart = true;
        private int maxRestarts = 10;
        private Duration shutdownTimeout = Duration.ofSeconds(5);
        private Duration warnInterval = Duration.ofSeconds(1);
        private Duration blockTimeout;
        private boolean async = true;
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
            require(name != null && !name.isBlank(), "name", name, "a non-blank name");
            final int largest = async ? largestRing() : MAX_RING_SIZE;
            require(ringSize >= MIN_RING_SIZE && ringSize <= largest, "ringSize", ringSize,
                "an integer from " + MIN_RING_SIZE + " to " + largest + " (at most half the maximum heap, at " +
                BYTES_PER_SLOT + " bytes a slot)");
            require(policy != null, "policy", null, "one of BLOCK, DROP_NEWEST, DROP_OLDEST, WARN");
            require(mode != null, "mode", null, "one of TRIGGER, LOOP, MANUAL");
            require(batchSize >= 1, "batchSize", batchSize, "an integer of at least 1");
            require(bufferSize >= 1, "bufferSize", bufferSize, "a byte count of at least 1");
            atLeast("flushInterval", flushInterval, MIN_INTERVAL);
            atLeast("tick", tick, MIN_INTERVAL);
            require(maxRestarts >= 0, "maxRestarts", maxRestarts, "an integer of at least 0");
            notNegative("shutdownTimeout", shutdownTimeout);
            positive("warnInterval", warnInterval);
            if (blockTimeout != null)
            {
                notNegative("blockTimeout", blockTimeout);
            }
            Objects.requireNonNull(listener, "listener");
            ringSize = slots(ringSize);
            batchSize = Math.min(batchSize, ringSize / 2);
            return new WriterConfig(this);
        }

        private static void positive(final String field, final Duration value)
        {
            require(value != null && !value.isNegative() && !value.isZero(), field, value, "a positive duration");
        }

        private static void atLeast(final String field, final Duration value, final Duration floor)
        {
            require(value != null && value.compareTo(floor) >= 0, field, value, "a duration of at least " + floor);
        }

        private static void notNegative(final String field, final Duration value)
        {
            require(value != null && !value.isNegative(), field, value, "a duration of zero or more");
        }

        private static void require(final boolean ok, final String field, final Object value, final String accepted)
        {
            if (!ok)
            {
                throw new IllegalArgumentException(
                    "Invalid " + field + ": '" + value + "'; accepted: " + accepted);
            }
        }
    }
}
