package io.github.unifiedwriter.core;

import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * One setting, defined once: the name it is configured by, its default, its limits and the form its values are
 * written in. The builders of the engine and the sinks take their defaults and limits from it, the Log4j2
 * attribute reader also its name and form, and the documentation test the table's defaults. Immutable; any thread.
 *
 * @param name      the name it is configured by: the XML attribute
 * @param form      how its values are written
 * @param byDefault the value when it is not set, or null for none
 * @param min       the smallest value accepted, or null when the values have no order
 * @param max       the largest value accepted, or null for no bound
 * @param <T>       the type of its values
 */
public record Setting<T>(String name, Form form, T byDefault, T min, T max)
{
    /** How the values of a setting are written. */
    public enum Form
    {
        /** A whole number, such as {@code 16384}. */
        COUNT,
        /** Bytes, 1024-based, such as {@code 64KB}. */
        SIZE,
        /** A duration with a unit, such as {@code 10ms}. */
        DURATION,
        /** {@code true} or {@code false}. */
        FLAG,
        /** One of a few words, such as {@code trigger}: an enum constant in lower case, or the value's text. */
        WORD;

        /**
         * @param value a value in this form
         * @return the value as a configuration writes it; {@code none} for null
         */
        public String text(final Object value)
        {
            if (value == null)
            {
                return "none";
            }
            switch (this)
            {
                case SIZE:
                    return size(((Number)value).longValue());
                case DURATION:
                    return duration((Duration)value);
                case WORD:
                    return value instanceof Enum ? ((Enum<?>)value).name().toLowerCase(Locale.ROOT) : value.toString();
                default:
                    return value.toString();
            }
        }
    }

    /**
     * @param value a value of this setting
     * @return whether it is within the limits: not null, and from {@link #min} to {@link #max} where they are set
     */
    @SuppressWarnings("unchecked")
    public boolean accepts(final T value)
    {
        return value != null && (min == null || ((Comparable<T>)min).compareTo(value) <= 0) &&
            (max == null || ((Comparable<T>)max).compareTo(value) >= 0);
    }

    /**
     * @param value a value of this setting
     * @return the value, when it is within the limits
     * @throws IllegalArgumentException naming the setting, the value and what is accepted, when it is not
     */
    public T require(final T value)
    {
        if (!accepts(value))
        {
            throw new IllegalArgumentException("Invalid " + name + ": '" + value + "'; accepted: " + accepted());
        }
        return value;
    }

    /** {@return what the limits accept, in the words of the engine's messages} */
    public String accepted()
    {
        switch (form)
        {
            case COUNT:
                return max.equals(Integer.MAX_VALUE) ? "an integer of at least " + min :
                    "an integer from " + min + " to " + max;
            case SIZE:
                return "a byte count from " + min + " to " + max;
            case DURATION:
                return ((Duration)min).isZero() ? "a duration of zero or more" : "a duration of at least " +
                    text(min) + (max == null ? "" : " and at most " + text(max));
            default:
                return byDefault instanceof Enum ? "one of " + Arrays.stream(((Enum<?>)byDefault)
                    .getDeclaringClass().getEnumConstants()).map(Object::toString).collect(Collectors.joining(", ")) :
                    "a value";
        }
    }

    /**
     * @param value a value of this setting
     * @return the value as a configuration writes it, such as {@code 64KB}; {@code none} for null
     */
    public String text(final T value)
    {
        return form.text(value);
    }

    /** {@return the default as a configuration writes it} */
    public String defaultText()
    {
        return text(byDefault);
    }

    private static String size(final long bytes)
    {
        for (int shift = 30; shift >= 10; shift -= 10)
        {
            if (bytes != 0 && bytes % (1L << shift) == 0)
            {
                return (bytes >> shift) + (shift == 30 ? "GB" : shift == 20 ? "MB" : "KB");
            }
        }
        return bytes == 1 ? "1 byte" : bytes + " bytes";
    }

    /** A duration in the largest unit that shows it whole, such as {@code 1ms} or {@code 250us}. */
    private static String duration(final Duration duration)
    {
        final long nanos = duration.toNanos();
        if (nanos == 0)
        {
            return "0s";
        }
        final String[] units = {"h", "m", "s", "ms", "us"};
        final long[] perUnit = {3_600_000_000_000L, 60_000_000_000L, 1_000_000_000L, 1_000_000L, 1_000L};
        for (int i = 0; i < units.length; i++)
        {
            if (nanos % perUnit[i] == 0)
            {
                return nanos / perUnit[i] + units[i];
            }
        }
        return nanos + "ns";
    }
}
