package io.github.unifiedwriter.log4j2;

import java.io.IOException;
import java.nio.ByteBuffer;

import io.github.unifiedwriter.core.BatchDestination;
import io.github.unifiedwriter.core.BatchDestination.RecordBatch;

/**
 * The layout's footer, written as the last record of a file the writer is done with: at the final close, and at
 * each rollover. Called by the thread that writes, once nothing else will be written to that file.
 */
final class Footer
{
    private Footer()
    {
    }

    /** Writes {@code footer}, if there is one, then closes {@code file}, even when the footer could not be written. */
    static void closeWith(final BatchDestination file, final byte[] footer) throws IOException
    {
        try
        {
            if (footer != null && footer.length > 0)
            {
                file.write(RecordBatch.of(ByteBuffer.wrap(footer)));
            }
        }
        finally
        {
            file.close();
        }
    }
}
