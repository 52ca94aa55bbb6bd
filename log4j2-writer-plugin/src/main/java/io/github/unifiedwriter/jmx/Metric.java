package io.github.unifiedwriter.jmx;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import javax.management.DescriptorKey;

/**
 * Puts the standard {@code metricType} and {@code units} descriptor fields on a numeric attribute, so a
 * console can tell a counter (plot its rate) from a gauge (plot its value) and label the axis.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Metric
{
    /** Only ever grows while the bean lives. */
    String COUNTER = "counter";
    /** Goes up and down. */
    String GAUGE = "gauge";

    /** {@link #COUNTER} or {@link #GAUGE}. */
    @DescriptorKey("metricType")
    String type();

    /** What one unit of the value counts, e.g. {@code records}, {@code bytes}, {@code ms}. */
    @DescriptorKey("units")
    String units();
}
