package io.github.unifiedwriter.log4j2;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.unifiedwriter.core.Setting;

/**
 * Reads byte sizes in Log4j2's {@code FileSize} forms ({@code 64KB}, {@code 32 MB}, {@code 1024}, 1024-based),
 * but refuses what it cannot read instead of falling back to a default: only ASCII digits, no sign, and no
 * fraction of a byte ({@code 1.5KB} is 1536 bytes, {@code 1.9} is refused).
 */
final class Sizes
{
    private static final Pattern FORM =
        Pattern.compile("([0-9]+(?:\\.[0-9]+)?)[ \\t]*([KMGT]?)(B?)", Pattern.CASE_INSENSITIVE);

    private Sizes()
    {
    }

    /** What the configuration accepts between {@code min} and {@code max} bytes, for error messages. */
    static String accepted(final long min, final long max)
    {
        return "a size from " + Setting.Form.SIZE.text(min) + " to " + Setting.Form.SIZE.text(max) +
            ", such as 64KB or 32 MB";
    }

    /**
     * @throws IllegalArgumentException with the reason, when the text is not a size
     */
    static long parse(final String text)
    {
        final String trimmed = text.trim();
        if (trimmed.startsWith("-"))
        {
            throw new IllegalArgumentException("a size cannot be negative");
        }
        final Matcher matcher = FORM.matcher(trimmed);
        if (!matcher.matches())
        {
            throw new IllegalArgumentException("not a size");
        }
        final BigDecimal amount = new BigDecimal(matcher.group(1));
        final long unit = unit(matcher.group(2).toUpperCase(Locale.ROOT));
        final BigDecimal bytes = amount.multiply(BigDecimal.valueOf(unit));
        if (bytes.stripTrailingZeros().scale() > 0)
        {
            throw new IllegalArgumentException("not a whole number of bytes");
        }
        try
        {
            return bytes.setScale(0, RoundingMode.UNNECESSARY).longValueExact();
        }
        catch (final ArithmeticException ex)
        {
            throw new IllegalArgumentException("too large");
        }
    }

    /** Memory in round figures for messages, such as {@code 4.3GB} or {@code 272MB}. */
    static String about(final long bytes)
    {
        final String[] units = {"bytes", "KB", "MB", "GB", "TB"};
        double amount = bytes;
        int unit = 0;
        while (amount >= 1024 && unit < units.length - 1)
        {
            amount /= 1024;
            unit++;
        }
        return unit == 0 ? bytes + " bytes" : amount >= 10 ? Math.round(amount) + units[unit] :
            String.format(Locale.ROOT, "%.1f%s", amount, units[unit]);
    }

    private static long unit(final String unit)
    {
        switch (unit)
        {
            case "K":
                return 1L << 10;
            case "M":
                return 1L << 20;
            case "G":
                return 1L << 30;
            case "T":
                return 1L << 40;
            default:
                return 1L;
        }
    }
}
