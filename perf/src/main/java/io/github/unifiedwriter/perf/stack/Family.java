package io.github.unifiedwriter.perf.stack;

/** Which logging library a stack runs on; each family has its own driver and its own class path. */
public enum Family
{
    LOG4J2("io.github.unifiedwriter.perf.stack.Log4j2Driver"),
    LOGBACK("io.github.unifiedwriter.perf.stack.LogbackDriver");

    private final String driverClass;

    Family(final String driverClass)
    {
        this.driverClass = driverClass;
    }

    /**
     * Makes this family's driver by name, so a Log4j2 child never links a Logback class and the other
     * way round.
     */
    public LogDriver newDriver() throws ReflectiveOperationException
    {
        return (LogDriver)Class.forName(driverClass).getDeclaredConstructor().newInstance();
    }
}
