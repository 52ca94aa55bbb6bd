package io.github.unifiedwriter.log4j2;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads durations written with a unit, such as {@code 250ms}, {@code 5s} or {@code 1.5m}.
 *
 * <p>A bare number is refused on purpose: {@code shutdownTimeout="5000"} from a user used to milliseconds would
 * otherwise mean 83 minutes. Only the compatibility aliases read a bare number, as seconds.
 */
final class Durations
{
    /** What the configuration accepts, for error messages. */
    static final String ACCEPTED = "a duration with a unit (ns, us, ms, s, m or h), such as 250ms or 5s";

    private static final Pattern FORM =
        Pattern.compile("([0-9]+(?:\\.[0-9]+)?)[ \\t]*([a-zµ]*)", Pattern.CASE_INSENSITIVE);

    private Durations()
    {
    }

    /**
     * @throws IllegalArgumentException with the reason, when the text is not a duration with a unit
     */
    static Duration parse(final String text)
    {
        return parse(text, false);
    }

    /**
     * As {@link #parse(String)}, but a bare number is a number of seconds, such as {@code 0.1}.
     */
    static Duration parseSecondsByDefault(final String text)
    {
        return parse(text, true);
    }

    private static Duration parse(final String text, final boolean bareSeconds)
    {
        final String trimmed = text.trim();
        if (trimmed.startsWith("-"))
        {
            throw new IllegalArgumentException("a duration cannot be negative");
        }
        final Matcher matcher = FORM.matcher(trimmed);
        if (!matcher.matches())
        {
            throw new IllegalArgumentException("not a duration");
        }
        final BigDecimal amount = new BigDecimal(matcher.group(1));
        final String unit = matcher.group(2).toLowerCase(Locale.ROOT);
        if (unit.isEmpty() && !bareSeconds)
        {
            throw new IllegalArgumentException(
                "a duration needs a unit: write " + amount.toPlainString() + "ms for milliseconds or " +
                amount.toPlainString() + "s for seconds");
        }
        final long nanosPerUnit = nanosPerUnit(unit.isEmpty() ? "s" : unit);
        try
        {
            return Duration.ofNanos(amount.multiply(BigDecimal.valueOf(nanosPerUnit)).longValueExact());
        }
        catch (final ArithmeticException ex)
        {
            throw new IllegalArgumentException("too long, or finer than a nanosecond");
        }
    }

    private static long nanosPerUnit(final String unit)
    {
        switch (unit)
        {
            case "ns":
                return 1L;
            case "us":
            case "µs":
                return 1_000L;
            case "ms":
                return 1_000_000L;
            case "s":
                return 1_000_000_000L;
            case "m":
                return 60_000_000_000L;
            case "h":
                return 3_600_000_000_000L;
            default:
                throw new IllegalArgumentException("unknown unit '" + unit + "'");
        }
    }
}
