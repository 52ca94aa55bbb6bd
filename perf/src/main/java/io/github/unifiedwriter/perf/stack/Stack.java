package io.github.unifiedwriter.perf.stack;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The logging stacks that are compared. Each runs in a fresh JVM: {@link #libs()} names the folder of
 * extra jars its class path gets beside the perf jar, which itself holds neither a Disruptor nor Logback.
 * A stack that {@linkplain #writesFile() writes no file} is a reference: it shows what the logging library
 * costs before any appender, and there is nothing of it to read back.
 */
public enum Stack
{
    UW_BLOCK("uw-block", Family.LOG4J2, "uw-block.xml", "", false),
    UW_LINE("uw-line", Family.LOG4J2, "uw-line.xml", "", false),
    UW_MMAP("uw-mmap", Family.LOG4J2, "uw-mmap.xml", "", false),
    UW_BLOCK_LOOP("uw-block-loop", Family.LOG4J2, "uw-block-loop.xml", "", false),
    UW_ROLLING("uw-rolling", Family.LOG4J2, "uw-rolling.xml", "", false),
    LOG4J_ASYNC_LOGGER("log4j-async-logger", Family.LOG4J2, "log4j-raf.xml", "disruptor4", true),
    LOG4J_ASYNC_LOGGER_D3("log4j-async-logger-d3", Family.LOG4J2, "log4j-raf.xml", "disruptor3", true),
    LOG4J_ASYNC_APPENDER("log4j-async-appender", Family.LOG4J2, "log4j-async-appender.xml", "", false),
    LOG4J_RAF("log4j-raf", Family.LOG4J2, "log4j-raf.xml", "", false),
    LOG4J_MMF("log4j-mmf", Family.LOG4J2, "log4j-mmf.xml", "", false),
    LOG4J_ROLLING_RAF("log4j-rolling-raf", Family.LOG4J2, "log4j-rolling-raf.xml", "", false),
    LOG4J_NULL("log4j-null", Family.LOG4J2, "log4j-null.xml", "", false, false),
    LOGBACK_ASYNC("logback-async", Family.LOGBACK, "logback-async.xml", "logback", false),
    LOGSTASH_DISRUPTOR("logstash-disruptor", Family.LOGBACK, "logstash-disruptor.xml", "logback", false);

    /** System property the configurations read the log file's path from. */
    public static final String FILE_PROPERTY = "uw.perf.file";
    /** Log4j2's switch that makes every logger an AsyncLogger. */
    public static final String ASYNC_SELECTOR = "org.apache.logging.log4j.core.async.AsyncLoggerContextSelector";

    private final String id;
    private final Family family;
    private final String config;
    private final String libs;
    private final boolean asyncLoggers;
    private final boolean writesFile;

    Stack(final String id, final Family family, final String config, final String libs, final boolean asyncLoggers)
    {
        this(id, family, config, libs, asyncLoggers, true);
    }

    Stack(final String id, final Family family, final String config, final String libs, final boolean asyncLoggers,
        final boolean writesFile)
    {
        this.id = id;
        this.family = family;
        this.config = config;
        this.libs = libs;
        this.asyncLoggers = asyncLoggers;
        this.writesFile = writesFile;
    }

    /** The name used on the command line and in the results. */
    public String id()
    {
        return id;
    }

    public Family family()
    {
        return family;
    }

    /** Class path resource of the stack's configuration. */
    public String configResource()
    {
        return "stacks/" + config;
    }

    /** Folder under the perf libraries with the jars this stack adds to its class path; empty for none. */
    public String libs()
    {
        return libs;
    }

    /** True if all loggers are AsyncLoggers (Log4j2's context selector). */
    public boolean asyncLoggers()
    {
        return asyncLoggers;
    }

    /**
     * False for a reference stack, whose appender discards every event: its figures are a ceiling for the
     * others, and no line of it can be checked.
     */
    public boolean writesFile()
    {
        return writesFile;
    }

    /** True for UnifiedWriter's own stacks. */
    public boolean ours()
    {
        return id.startsWith("uw-");
    }

    /**
     * True for the Log4j2 stacks that are not ours and write a file: the ones ours are measured against. A
     * reference writes nothing, so it is never a peer.
     */
    public boolean log4jBaseline()
    {
        return family == Family.LOG4J2 && !ours() && writesFile;
    }

    public static Stack byId(final String id)
    {
        final String wanted = id.trim().toLowerCase(Locale.ROOT);
        for (final Stack stack : values())
        {
            if (stack.id.equals(wanted))
            {
                return stack;
            }
        }
        throw new IllegalArgumentException("unknown stack '" + id + "'; known: " + ids());
    }

    public static List<Stack> byIds(final List<String> ids)
    {
        final List<Stack> stacks = new ArrayList<>();
        for (final String id : ids)
        {
            stacks.add(byId(id));
        }
        return stacks;
    }

    /**
     * Returns {@code stacks} if every one writes a file; otherwise throws, naming the first that does not.
     * Called by the main thread of a command that reads each stack's file back, as it parses its options.
     */
    public static List<Stack> requireFiles(final List<Stack> stacks, final String command)
    {
        for (final Stack stack : stacks)
        {
            if (!stack.writesFile)
            {
                throw new IllegalArgumentException("stack " + stack.id + " writes no file (a reference for compare"
                    + " only), and " + command + " reads each stack's file back");
            }
        }
        return stacks;
    }

    public static String ids()
    {
        return String.join(",", Arrays.stream(values()).map(Stack::id).toList());
    }
}
