package io.github.unifiedwriter.jmx;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import javax.management.MBeanOperationInfo;

/**
 * The text JConsole shows in its info panel for an attribute or operation, kept next to the method it
 * describes. Introspection alone gives every element the description "Attribute exposed for management".
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Description
{
    /** One sentence, with the unit where the value has one. */
    String value();

    /** For operations: {@link MBeanOperationInfo#ACTION}, {@link MBeanOperationInfo#INFO} and so on. */
    int impact() default MBeanOperationInfo.UNKNOWN;
}
