package io.github.unifiedwriter.log4j2;

import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.github.unifiedwriter.core.Setting;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.status.StatusLogger;

/**
 * Reads an appender's attributes from their text, reporting each bad value to the StatusLogger instead of
 * falling back to a default: Log4j2's own converters would turn {@code append="ture"} into false with a WARN
 * and truncate the user's log.
 *
 * <p>Each refusal is an ERROR naming the attribute as the user wrote it (an alias, or another case), the value
 * and what is accepted, and makes {@link #valid()} false. Used by the thread that builds the configuration.
 */
final class Attributes
{
    static final String BOOLEANS = "true or false";
    static final String LEVELS = "a level name such as TRACE, DEBUG, INFO, WARN, ERROR or FATAL";

    private final String appender;
    private final Map<String, String> given;
    private final Map<String, String> written;
    private boolean valid = true;

    /**
     * @param appender the appender's name, for messages
     * @param given    the attributes that were set, by their canonical names
     * @param written  for an attribute set under another name or case, that name, by canonical name
     */
    Attributes(final String appender, final Map<String, String> given, final Map<String, String> written)
    {
        this.appender = appender;
        this.given = given;
        this.written = written;
    }

    /** {@return the attribute as the user wrote it: an alias or another case, or the canonical name} */
    String shown(final String attribute)
    {
        return written.getOrDefault(attribute, attribute);
    }

    /** False once any value was refused. */
    boolean valid()
    {
        return valid;
    }

    boolean isSet(final String attribute)
    {
        return given.get(attribute) != null;
    }

    String text(final String attribute)
    {
        return given.get(attribute);
    }

    /** A value that must be present and not blank. */
    String required(final String attribute)
    {
        final String value = given.get(attribute);
        if (value == null || value.isBlank())
        {
            reject(attribute, "it is required", "a non-blank value");
            return null;
        }
        return value;
    }

    boolean bool(final Setting<Boolean> setting)
    {
        final String attribute = setting.name();
        final boolean otherwise = setting.byDefault();
        final String value = given.get(attribute);
        if (value == null)
        {
            return otherwise;
        }
        final String word = value.trim();
        if ("true".equalsIgnoreCase(word) || "false".equalsIgnoreCase(word))
        {
            return Boolean.parseBoolean(word);
        }
        reject(attribute, "not a boolean", BOOLEANS);
        return otherwise;
    }

    /** A whole number within the setting's limits, in ASCII digits only: no sign, no other script. */
    int count(final Setting<Integer> setting)
    {
        final String value = given.get(setting.name());
        if (value == null)
        {
            return setting.byDefault();
        }
        final String attribute = setting.name();
        final int min = setting.min();
        final int max = setting.max();
        final String accepted = (max == Integer.MAX_VALUE ?
            "a whole number of at least " + min : "a whole number from " + min + " to " + max) + ", in digits 0-9";
        final String digits = value.trim();
        if (digits.startsWith("-") && digits.length() > 1 && isDigits(digits.substring(1)))
        {
            reject(attribute, "negative", accepted);
        }
        else if (!isDigits(digits))
        {
            reject(attribute, "not a whole number", accepted);
        }
        else
        {
            final long number = digits.length() > 18 ? Long.MAX_VALUE : Long.parseLong(digits);
            if (number >= min && number <= max)
            {
                return (int)number;
            }
            reject(attribute, number == 0 ? "zero is meaningless here" : "out of range", accepted);
        }
        return setting.byDefault();
    }

    private static boolean isDigits(final String text)
    {
        if (text.isEmpty())
        {
            return false;
        }
        for (int i = 0; i < text.length(); i++)
        {
            if (text.charAt(i) < '0' || text.charAt(i) > '9')
            {
                return false;
            }
        }
        return true;
    }

    /** A byte size within the setting's limits. */
    int size(final Setting<Integer> setting)
    {
        final String value = given.get(setting.name());
        if (value == null)
        {
            return setting.byDefault();
        }
        final int min = setting.min();
        final int max = setting.max();
        try
        {
            final long bytes = Sizes.parse(value);
            if (bytes >= min && bytes <= max)
            {
                return (int)bytes;
            }
            reject(setting.name(), bytes == 0 ? "zero is meaningless here" : bytes < min ? "too small" : "too large",
                Sizes.accepted(min, max));
        }
        catch (final IllegalArgumentException ex)
        {
            reject(setting.name(), ex.getMessage(), Sizes.accepted(min, max));
        }
        return setting.byDefault();
    }

    /**
     * A duration with a unit of at least the setting's minimum, or {@code none} when the setting has no default.
     *
     * @param attribute   the setting's name, or another name for it
     * @param bareSeconds whether a bare number of seconds is also read
     */
    Duration duration(final Setting<Duration> setting, final String attribute, final boolean bareSeconds)
    {
        final Duration otherwise = setting.byDefault();
        final Duration floor = setting.min();
        final String value = given.get(attribute);
        if (value == null || otherwise == null && "none".equalsIgnoreCase(value.trim()))
        {
            return otherwise;
        }
        final String least = floor.isZero() ? "" : "at least " + setting.text(floor) + ": ";
        final String accepted = least + (bareSeconds ? "a number of seconds such as 0.1, or " : "") +
            Durations.ACCEPTED;
        try
        {
            final Duration duration = bareSeconds ? Durations.parseSecondsByDefault(value) : Durations.parse(value);
            if (duration.compareTo(floor) >= 0)
            {
                return duration;
            }
            reject(attribute, duration.isZero() ? "zero is meaningless here" :
                "shorter than " + setting.text(floor), accepted);
        }
        catch (final IllegalArgumentException ex)
        {
            reject(attribute, ex.getMessage(), accepted);
        }
        return otherwise;
    }

    /**
     * One of the constants of the setting's enum, by its word, in any case.
     *
     * @param aliases other words for some of the constants
     */
    <E extends Enum<E>> E choice(final Setting<E> setting, final Map<String, E> aliases)
    {
        final String attribute = setting.name();
        final Map<String, E> choices = new HashMap<>(aliases);
        final List<String> words = new ArrayList<>();
        for (final E constant : setting.byDefault().getDeclaringClass().getEnumConstants())
        {
            choices.put(setting.text(constant), constant);
            final List<String> others = aliases.keySet().stream().filter((a) -> aliases.get(a) == constant).toList();
            words.add(setting.text(constant) + (others.isEmpty() ? "" : " (or " + String.join(", ", others) + ")"));
        }
        final String value = given.get(attribute);
        if (value == null)
        {
            return setting.byDefault();
        }
        final E choice = choices.get(value.trim().toLowerCase(Locale.ROOT));
        if (choice == null)
        {
            reject(attribute, "unknown value", String.join(", ", words.subList(0, words.size() - 1)) + " or " +
                words.get(words.size() - 1));
            return setting.byDefault();
        }
        return choice;
    }

    /** A Log4j2 level, custom levels included; {@code none} gives null when the setting has no default. */
    Level level(final Setting<Level> setting)
    {
        final String attribute = setting.name();
        final Level otherwise = setting.byDefault();
        final boolean noneAllowed = otherwise == null;
        final String value = given.get(attribute);
        if (value == null)
        {
            return otherwise;
        }
        final String word = value.trim().toUpperCase(Locale.ROOT);
        if (noneAllowed && "NONE".equals(word))
        {
            return null;
        }
        final Level level = word.isEmpty() ? null : Level.getLevel(word);
        if (level == null)
        {
            reject(attribute, "unknown level", noneAllowed ? LEVELS + ", or none" : LEVELS);
            return otherwise;
        }
        return level;
    }

    /** POSIX permissions such as {@code rw-r-----}, or null when not set. */
    Set<PosixFilePermission> permissions(final String attribute)
    {
        final String value = given.get(attribute);
        if (value == null)
        {
            return null;
        }
        try
        {
            return PosixFilePermissions.fromString(value.trim());
        }
        catch (final IllegalArgumentException ex)
        {
            reject(attribute, "not a POSIX mode", "nine characters of r, w, x or -, such as rw-r-----");
            return null;
        }
    }

    /** Refuses a value: an ERROR, and no appender. */
    void reject(final String attribute, final String reason, final String accepted)
    {
        valid = false;
        StatusLogger.getLogger().error(
            "UnifiedWriter appender \"{}\": invalid {}=\"{}\": {}. Accepted: {}. The appender is not created.",
            appender, shown(attribute), given.get(attribute), reason, accepted);
    }

    /** Refuses two values that contradict each other; either may be a default, so both values are given. */
    void conflict(final String first, final Object firstValue, final String second, final Object secondValue,
        final String reason)
    {
        valid = false;
        StatusLogger.getLogger().error(
            "UnifiedWriter appender \"{}\": {}=\"{}\" conflicts with {}=\"{}\": {}. The appender is not created.",
            appender, shown(first), firstValue, shown(second), secondValue, reason);
    }

    /** Refuses the appender for a reason the other methods do not cover. */
    void refuse(final String reason)
    {
        valid = false;
        StatusLogger.getLogger().error("UnifiedWriter appender \"{}\": {}. The appender is not created.",
            appender, reason);
    }

    /** A valid value that changes nothing in this setting: a WARN, and the appender is created. */
    void noEffect(final String attribute, final String reason)
    {
        if (isSet(attribute))
        {
            StatusLogger.getLogger().warn("UnifiedWriter appender \"{}\": {}=\"{}\" has no effect {}.",
                appender, shown(attribute), given.get(attribute), reason);
        }
    }

    /** A valid value that does not apply as given: a WARN saying what applies, and the appender is created. */
    void adjusted(final String attribute, final String reason)
    {
        StatusLogger.getLogger().warn("UnifiedWriter appender \"{}\": {}=\"{}\" {}.",
            appender, shown(attribute), given.get(attribute), reason);
    }
}
