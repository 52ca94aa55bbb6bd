package io.github.unifiedwriter.core;

import java.io.IOException;

/** Feeds a {@link Destination} record by record, confirming each as it returns. */
final class RecordAtATime implements BatchDestination
{
    private final Destination destination;

    RecordAtATime(final Destination destination)
    {
        this.destination = destination;
    }

    @Override
    public void write(final RecordBatch batch) throws IOException
    {
        for (int i = 0, n = batch.size(); i < n; i++)
        {
            destination.write(batch.record(i));
            batch.confirm(i + 1);
        }
    }

    @Override
    public void reopen() throws IOException
    {
        destination.reopen();
    }

    @Override
    public void close() throws IOException
    {
        destination.close();
    }
}
