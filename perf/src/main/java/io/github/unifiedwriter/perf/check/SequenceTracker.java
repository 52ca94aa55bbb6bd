package io.github.unifiedwriter.perf.check;

/**
 * Checks that each producer's numbered records arrive exactly once and in order. Fed line by line by one
 * thread; records may come from several files in order (rotated segments).
 */
public final class SequenceTracker
{
    private final long[] next;
    private long accepted;
    private long backwards;
    private long missing;
    private long jumps;
    private long unknownProducer;

    public SequenceTracker(final int producers)
    {
        this.next = new long[producers];
    }

    /** How many of {@code events} records producer {@code index} of {@code producers} makes. */
    public static long share(final long events, final int producers, final int index)
    {
        return events / producers + (index < events % producers ? 1 : 0);
    }

    public void accept(final long producer, final long seq)
    {
        accepted++;
        if (producer < 0 || producer >= next.length)
        {
            unknownProducer++;
            return;
        }
        final int p = (int)producer;
        if (seq == next[p])
        {
            next[p] = seq + 1;
        }
        else if (seq < next[p])
        {
            backwards++;
        }
        else
        {
            missing += seq - next[p];
            jumps++;
            next[p] = seq + 1;
        }
    }

    /** True if producer {@code p} of {@link #producers()} delivered exactly its records 0..count-1 in order. */
    public boolean exact(final int p, final long count)
    {
        return next[p] == count;
    }

    /** True if every producer delivered its share of {@code events}, each once, in order. */
    public boolean complete(final long events)
    {
        if (backwards != 0 || missing != 0 || unknownProducer != 0 || accepted != events)
        {
            return false;
        }
        for (int p = 0; p < next.length; p++)
        {
            if (!exact(p, share(events, next.length, p)))
            {
                return false;
            }
        }
        return true;
    }

    /** True if producer {@code p} delivered exactly {@code counts[p]} records, for every p, once each, in order. */
    public boolean complete(final long[] counts)
    {
        long total = 0;
        for (int p = 0; p < next.length; p++)
        {
            if (!exact(p, counts[p]))
            {
                return false;
            }
            total += counts[p];
        }
        return backwards == 0 && missing == 0 && unknownProducer == 0 && accepted == total;
    }

    /** True if nothing arrived twice or out of order, whatever is missing. */
    public boolean ordered()
    {
        return backwards == 0 && unknownProducer == 0;
    }

    public int producers()
    {
        return next.length;
    }

    /** The sequence number producer {@code p} should deliver next. */
    public long next(final int p)
    {
        return next[p];
    }

    public long accepted()
    {
        return accepted;
    }

    /** Records that came at or below a number already seen: duplicates or reordering. */
    public long backwards()
    {
        return backwards;
    }

    /** Records skipped over by a later number of the same producer. */
    public long missing()
    {
        return missing;
    }

    /** Places where a producer's sequence jumped forward. */
    public long jumps()
    {
        return jumps;
    }

    public long unknownProducer()
    {
        return unknownProducer;
    }

    /** One line for a terminal: what is wrong, or "in order". */
    public String describe()
    {
        if (backwards == 0 && missing == 0 && unknownProducer == 0)
        {
            return "in order";
        }
        return "missing " + missing + " in " + jumps + " gap(s), " + backwards + " repeated or reordered"
            + (unknownProducer == 0 ? "" : ", " + unknownProducer + " from unknown producers");
    }
}
