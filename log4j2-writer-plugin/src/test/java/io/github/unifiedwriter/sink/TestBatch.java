package io.github.unifiedwriter.sink;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;

import io.github.unifiedwriter.core.BatchDestination.RecordBatch;

/** Fixed records, reusable without allocating; remembers what the sink confirmed and can resume after it. */
final class TestBatch implements RecordBatch
{
    private final ByteBuffer[] records;
    private int first;
    private int confirmed = -1;

    private TestBatch(final ByteBuffer[] records)
    {
        this.records = records;
    }

    static TestBatch of(final String... records)
    {
        final ByteBuffer[] buffers = new ByteBuffer[records.length];
        for (int i = 0; i < records.length; i++)
        {
            buffers[i] = ByteBuffer.wrap(records[i].getBytes(StandardCharsets.UTF_8));
        }
        return new TestBatch(buffers);
    }

    static TestBatch of(final List<String> records)
    {
        return of(records.toArray(new String[0]));
    }

    /** Direct buffers, as a ring of direct slots would hand over. */
    static TestBatch direct(final String... records)
    {
        final ByteBuffer[] buffers = new ByteBuffer[records.length];
        for (int i = 0; i < records.length; i++)
        {
            final byte[] bytes = records[i].getBytes(StandardCharsets.UTF_8);
            buffers[i] = ByteBuffer.allocateDirect(bytes.length).put(bytes).flip();
        }
        return new TestBatch(buffers);
    }

    @Override
    public int size()
    {
        return records.length - first;
    }

    @Override
    public ByteBuffer record(final int index)
    {
        final ByteBuffer record = records[first + index];
        return record.limit(record.capacity()).position(0);
    }

    @Override
    public void confirm(final int count)
    {
        confirmed = count;
    }

    /** The count of the last confirm call, or -1 if none. */
    int confirmed()
    {
        return confirmed;
    }

    /** Drops the confirmed records, as the writer does before a retry. */
    TestBatch rest()
    {
        first += confirmed;
        confirmed = -1;
        return this;
    }
}
