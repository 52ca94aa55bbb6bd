package io.github.unifiedwriter.log4j2;

import java.nio.file.Path;

import org.apache.logging.log4j.core.LoggerContext;

/**
 * Run in a child JVM with small memory limits by {@link MemoryLimitTest}: starts the configuration given as the
 * first argument, prints every StatusLogger message at WARN and above, then whether each appender named in the
 * other arguments was created, and whether it wrote its line.
 */
public final class ConfigurationChild
{
    private ConfigurationChild()
    {
    }

    public static void main(final String[] args)
    {
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
