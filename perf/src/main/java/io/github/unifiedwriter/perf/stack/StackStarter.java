package io.github.unifiedwriter.perf.stack;

import java.net.URL;
import java.nio.file.Path;
import java.security.CodeSource;

/**
 * Starts a stack inside a child JVM. Sets the system properties Log4j2 reads once, at its first use, so
 * it must run before anything touches Log4j2.
 */
public final class StackStarter
{
    private StackStarter()
    {
    }

    public static LogDriver start(final Stack stack, final Path file) throws Exception
    {
        System.setProperty(Stack.FILE_PROPERTY, file.toAbsolutePath().toString());
        System.setProperty("log4j2.shutdownHookEnabled", "false");
        if (stack.asyncLoggers())
        {
            System.setProperty("log4j2.contextSelector", Stack.ASYNC_SELECTOR);
        }
        final URL config = StackStarter.class.getClassLoader().getResource(stack.configResource());
        if (config == null)
        {
            throw new IllegalStateException("missing resource " + stack.configResource());
        }
        final LogDriver driver = stack.family().newDriver();
        driver.start(config);
        return driver;
    }

    /**
     * The jar the Disruptor was loaded from, to show which one an AsyncLogger stack really ran on; "-" if
     * none is on the class path.
     */
    public static String disruptorJar()
    {
        try
        {
            final CodeSource source = Class.forName("com.lmax.disruptor.RingBuffer").getProtectionDomain().getCodeSource();
            if (source == null)
            {
                return "?";
            }
            final String path = source.getLocation().getPath();
            return path.substring(path.lastIndexOf('/') + 1);
        }
        catch (final ClassNotFoundException ex)
        {
            return "-";
        }
    }
}
