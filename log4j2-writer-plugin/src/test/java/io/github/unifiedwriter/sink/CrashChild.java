package io.github.unifiedwriter.sink;

import java.nio.file.Path;

import io.github.unifiedwriter.core.BatchDestination;

/**
 * Run in a child JVM by {@link LiveCrashTest}: writes numbered lines through one sink as fast as it can,
 * says "ready" once the first batch is written, and waits to be killed.
 */
public final class CrashChild
{
    static final int BATCH = 16;
    static final int REGION = 64 * 1024;
    private static final long LIMIT = 3_000_000;

    private CrashChild()
    {
    }

    /** The line numbered {@code n}: its padding lets a check tell a whole line from a torn one. */
    static String line(final long n)
    {
        return "c" + n + " " + "x".repeat((int)(n % 61)) + "\n";
    }

    public static void main(final String[] args) throws Exception
    {
        final BatchDestination sink = Sinks.open(SinkType.valueOf(args[0]), Path.of(args[1]),
            FileSinkOptions.builder().bufferSize(4096).regionSize(REGION));
        final String[] records = new String[BATCH];
        for (long n = 0; n < LIMIT; )
        {
            for (int i = 0; i < BATCH; i++)
            {
                records[i] = line(n++);
            }
            sink.write(TestBatch.of(records));
            if (n == BATCH)
            {
                System.out.println("ready");
                System.out.flush();
            }
        }
        Thread.sleep(Long.MAX_VALUE);
    }
}
