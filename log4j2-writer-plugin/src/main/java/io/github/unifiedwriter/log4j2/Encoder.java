package io.github.unifiedwriter.log4j2;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.lang.ref.WeakReference;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Iterator;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.LockSupport;

import io.github.unifiedwriter.core.UnifiedWriter;
import org.apache.logging.log4j.core.Layout;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.layout.ByteBufferDestination;
import org.apache.logging.log4j.core.layout.PatternLayout;

/**
 * The callers' side of one file: each calling thread has the layout encode the event into a buffer of its own,
 * then enqueues the bytes into the current writer. The layout runs before any ring slot is claimed, so layout
 * code never runs while the writer waits on a slot.
 *
 * <p>When the manager swaps writers, it publishes the new writer here and then waits until no thread is still
 * inside the old one ({@link #awaitNoneInside}): a caller marks itself before it reads the current writer again,
 * so either the caller sees the new writer or the swapping thread sees the caller (both sides use volatile
 * accesses). Callers pay a thread-local lookup and a write to their own line, never a shared lock.
 *
 * <p>Callers' threads call {@link #write}; the manager calls the rest on the thread that applies a configuration.
 */
final class Encoder
{
    private static final int PRUNE_EVERY = 64;

    private final ThreadLocal<Caller> local = ThreadLocal.withInitial(this::register);
    private final Queue<WeakReference<Caller>> all = new ConcurrentLinkedQueue<>();
    private int registrations;
    private volatile UnifiedWriter writer;

    Encoder(final UnifiedWriter first)
    {
        this.writer = first;
    }

    /**
     * Caller's thread: encodes the event, then enqueues the bytes into the current writer. An event the layout
     * cannot encode counts as failed, with the error, and the exception goes on to the appender.
     *
     * @return false if the record was dropped
     */
    boolean write(final Layout<?> layout, final LogEvent event, final boolean droppable, final boolean trigger)
    {
        final Caller caller = local.get();
        if (caller.busy)
        {
            final Buffer nested = new Buffer(false);
            encode(layout, event, nested);
            return enqueue(caller, nested.record(), droppable, trigger, event.getTimeMillis());
        }
        caller.busy = true;
        try
        {
            encode(layout, event, caller.buffer);
            return enqueue(caller, caller.buffer.record(), droppable, trigger, event.getTimeMillis());
        }
        finally
        {
            caller.buffer.reset();
            caller.busy = false;
        }
    }

    private void encode(final Layout<?> layout, final LogEvent event, final Buffer buffer)
    {
        try
        {
            buffer.encode(layout, event);
        }
        catch (final RuntimeException | Error ex)
        {
            writer.encodeFailed(ex);
            throw ex;
        }
    }

    /** Marks the caller inside a writer it has read after marking, so a swap waits for it. */
    private boolean enqueue(final Caller caller, final ByteBuffer record, final boolean droppable,
        final boolean trigger, final long time)
    {
        final Object outer = caller.inside;
        try
        {
            UnifiedWriter current;
            do
            {
                current = writer;
                caller.inside = current;
            }
            while (current != writer);
            return current.enqueue(record, droppable, trigger, time);
        }
        finally
        {
            caller.leave(outer);
        }
    }

    /** Configuration thread: callers enqueue into {@code next} from now on. */
    void switchTo(final UnifiedWriter next)
    {
        writer = next;
    }

    /**
     * Waits until no caller is inside {@code old}, or until {@code timeout} has passed: they are all finishing an
     * enqueue that {@code old} accepts or refuses, so the wait is as short as the ring's backpressure allows, and a
     * writer stuck on its file cannot hold a reload forever (stopping it then resolves those callers). Called by
     * the thread that swaps writers, after {@link #switchTo}.
     *
     * @return false if some caller was still inside at the deadline
     */
    boolean awaitNoneInside(final UnifiedWriter old, final Duration timeout)
    {
        final long deadline = System.nanoTime() + timeout.toNanos();
        for (final Iterator<WeakReference<Caller>> it = all.iterator(); it.hasNext(); )
        {
            final Caller caller = it.next().get();
            if (caller == null)
            {
                it.remove();
                continue;
            }
            while (caller.inside == old)
            {
                if (System.nanoTime() - deadline >= 0)
                {
                    return false;
                }
                LockSupport.parkNanos(50_000L);
            }
        }
        return true;
    }

    /** Any thread: whether no caller is inside {@code old} now. */
    boolean noneInside(final UnifiedWriter old)
    {
        for (final WeakReference<Caller> ref : all)
        {
            final Caller caller = ref.get();
            if (caller != null && caller.inside == old)
            {
                return false;
            }
        }
        return true;
    }

    private Caller register()
    {
        final Caller caller = new Caller();
        all.add(new WeakReference<>(caller));
        synchronized (all)
        {
            if (++registrations % PRUNE_EVERY == 0)
            {
                all.removeIf((ref) -> ref.get() == null);
            }
        }
        return caller;
    }

    /** One calling thread's state. The buffer is for the outermost call; a nested call brings its own. */
    private static final class Caller
    {
        private static final VarHandle INSIDE;

        static
        {
            try
            {
                INSIDE = MethodHandles.lookup().findVarHandle(Caller.class, "inside", Object.class);
            }
            catch (final ReflectiveOperationException ex)
            {
                throw new ExceptionInInitializerError(ex);
            }
        }

        final Buffer buffer = new Buffer();
        volatile Object inside;
        boolean busy;

        /**
         * Its own thread, leaving a writer. A release store is enough: the swapping thread only waits for the mark
         * to go, and leaving costs no fence on the caller's fast path.
         */
        void leave(final Object outer)
        {
            INSIDE.setRelease(this, outer);
        }
    }

    /**
     * One calling thread's encode buffer. It grows to hold the largest event, then falls back to a small buffer
     * once a record beyond {@link #RETAINED_MAX} has been handed over, so one huge event does not pin memory on
     * every thread. Only its own thread touches it.
     *
     * <p>A {@link PatternLayout} in UTF-8, ISO-8859-1 or US-ASCII is written by this thread's {@link PatternLine},
     * which writes the bytes {@code PatternLayout.encode} writes, skipping what that adds: a thread-local lookup and a
     * copy out of Log4j2's 8 KiB buffer, and, for most of the line, the formatting itself. Other charsets, whose bytes
     * have not been compared with Log4j2's, and other layouts take {@code Layout.encode}. Only a thread's own buffer,
     * which is reused, keeps a line, bounded like the bytes.
     */
    static final class Buffer implements ByteBufferDestination
    {
        static final int INITIAL = 512;
        static final int RETAINED_MAX = 32 * 1024;

        private ByteBuffer buffer = ByteBuffer.allocate(INITIAL);
        /** Whether this buffer, a thread's own, is reused; a nested call's buffer is not, and takes the layout's way. */
        private final boolean reused;
        /** The line of the last PatternLayout met in a charset encoded here: null until the first. */
        private PatternLine line;

        Buffer()
        {
            this(true);
        }

        Buffer(final boolean reused)
        {
            this.reused = reused;
        }

        /** Encodes the event: straight into this buffer for a PatternLayout in a common charset, else by the layout. */
        void encode(final Layout<?> layout, final LogEvent event)
        {
            if (!reused || !(layout instanceof PatternLayout) || !encodePattern((PatternLayout)layout, event))
            {
                layout.encode(event, this);
            }
        }

        /**
         * Encodes the event by this thread's line for the layout.
         *
         * @return false if the charset is not one encoded here: nothing was written
         */
        boolean encodePattern(final PatternLayout layout, final LogEvent event)
        {
            if (line == null || line.layout() != layout)
            {
                final CharsetEncoder bytes = encoderFor(layout.getCharset());
                if (bytes == null)
                {
                    return false;
                }
                line = new PatternLine(layout, bytes);
            }
            line.write(event, this);
            return true;
        }

        /** The buffer, with room for at least {@code needed} more bytes. */
        ByteBuffer room(final int needed)
        {
            grow(needed);
            return buffer;
        }

        /** Appends {@code chars}, which hold no surrogate, encoded by {@code bytes} from its reset state to its flush. */
        void encodeWhole(final CharsetEncoder bytes, final CharBuffer chars)
        {
            bytes.reset();
            encode(bytes, chars, true);
            flush(bytes);
        }

        /** Appends {@code chars} encoded by {@code bytes}; {@code last} says whether more chars of the text follow. */
        void encode(final CharsetEncoder bytes, final CharBuffer chars, final boolean last)
        {
            grow(chars.remaining());
            while (bytes.encode(chars, buffer, last).isOverflow())
            {
                grow(3 * chars.remaining() + 4);
            }
        }

        /** Appends what {@code bytes} still holds at the end of a text. */
        void flush(final CharsetEncoder bytes)
        {
            while (bytes.flush(buffer).isOverflow())
            {
                grow(buffer.remaining() + 8);
            }
        }

        /** Whether the last PatternLayout this buffer met is encoded by parts ({@link PatternLine}). */
        boolean planned()
        {
            return line != null && line.byParts();
        }

        /** The chars kept for a PatternLayout between events: 0 before the first. */
        int retainedChars()
        {
            return line == null ? 0 : line.retainedChars();
        }

        @Override
        public ByteBuffer getByteBuffer()
        {
            return buffer;
        }

        /**
         * Called by the layout when the next bytes do not fit: grow instead of writing out half an event. It grows
         * even when a few bytes are left, since a char of several bytes may not fit in them.
         */
        @Override
        public ByteBuffer drain(final ByteBuffer full)
        {
            grow(buffer.remaining() + 1);
            return buffer;
        }

        @Override
        public void writeBytes(final ByteBuffer data)
        {
            grow(data.remaining());
            buffer.put(data);
        }

        @Override
        public void writeBytes(final byte[] data, final int offset, final int length)
        {
            grow(length);
            buffer.put(data, offset, length);
        }

        /** The encoded record, from position to limit. */
        ByteBuffer record()
        {
            return buffer.flip();
        }

        /** Ready for the next event. */
        void reset()
        {
            if (buffer.capacity() > RETAINED_MAX)
            {
                buffer = ByteBuffer.allocate(INITIAL);
            }
            else
            {
                buffer.clear();
            }
        }

        int capacity()
        {
            return buffer.capacity();
        }

        /** Whether a PatternLayout in this charset is encoded here rather than by {@code Layout.encode}. */
        static boolean encodesHere(final Charset charset)
        {
            return charset.equals(StandardCharsets.UTF_8) || charset.equals(StandardCharsets.ISO_8859_1) ||
                charset.equals(StandardCharsets.US_ASCII);
        }

        /** This thread's encoder for the charset, set up as Log4j2's, or null for a charset not encoded here. */
        private static CharsetEncoder encoderFor(final Charset charset)
        {
            if (!encodesHere(charset))
            {
                return null;
            }
            return charset.newEncoder().onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        }

        private void grow(final int needed)
        {
            if (buffer.remaining() >= needed)
            {
                return;
            }
            final long wanted = Math.max((long)buffer.capacity() << 1, (long)buffer.position() + needed);
            final ByteBuffer larger = ByteBuffer.allocate((int)Math.min(wanted, Integer.MAX_VALUE - 16));
            buffer.flip();
            larger.put(buffer);
            buffer = larger;
        }
    }
}
