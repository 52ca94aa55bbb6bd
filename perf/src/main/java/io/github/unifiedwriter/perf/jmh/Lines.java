package io.github.unifiedwriter.perf.jmh;

import java.nio.charset.StandardCharsets;

/** Pre-built lines shaped like the comparison's (about 96 bytes), for the I/O ceilings. */
final class Lines
{
    private Lines()
    {
    }

    static byte[] line(final long seq)
    {
        return String.format("2025-01-01 12:00:00.000 INFO  [producer-0] Bench - Order %07d filled at 123.45 for client ACME%n",
            seq).getBytes(StandardCharsets.US_ASCII);
    }
}
