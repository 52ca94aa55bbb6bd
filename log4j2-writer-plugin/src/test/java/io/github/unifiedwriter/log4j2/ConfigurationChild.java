package io.github.unifiedwriter.log4j2;

import java.nio.file.Path;

import org.apache.logging.log4j.core.LoggerContext;

/**
 * Run in a child JVM with small memory limits by {@link MemoryLimitTest}: starts the configuration given as the
 * first argument, prints whether each appender named in the other arguments was created, then every
 * StatusLogger message at WARN and above. {@code -Dballast.mb=N} first fills N MB of the heap.
 */
public final class ConfigurationChild
{
    private ConfigurationChild()
    {
    }

    private static byte[][] ballast;

    public static void main(final String[] args)
    {
        ballast = new byte[Integer.getInteger("ballast.mb", 0)][];
        for (int i = 0; i < ballast.length; i++)
        {
            ballast[i] = new byte[1 << 20];
        }
        try (StatusCapture status = new StatusCapture())
        {
            final LoggerContext context = TestConfigs.start(Path.of(args[0]).toUri());
            context.getLogger("child").error("written");
            for (int i = 1; i < args.length; i++)
            {
                final UnifiedWriterAppender appender = TestConfigs.appender(context, args[i]);
                System.out.println("APPENDER " + args[i] + " " + (appender == null ? "refused" : "created"));
            }
            context.stop();
            status.all().forEach((message) -> System.out.println("STATUS " + message));
        }
    }
}
