package io.github.unifiedwriter.perf.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code --name value} and {@code --flag} options of one command. Every option a command reads is
 * declared by reading it; {@link #rejectUnknown()} then refuses a mistyped name instead of silently
 * running with the default.
 *
 * <p>Numbers may be written with {@code _} or {@code ,} separators ({@code 1_000_000}, {@code 1,000,000}).
 */
public final class Options
{
    private final Map<String, String> values = new HashMap<>();
    private final Set<String> flags = new HashSet<>();
    private final Set<String> read = new HashSet<>();

    private Options()
    {
    }

    /**
     * @param args      the command line after the command name
     * @param flagNames the options that take no value
     */
    public static Options parse(final String[] args, final String... flagNames)
    {
        final Set<String> flagSet = Set.of(flagNames);
        final Options options = new Options();
        for (int i = 0; i < args.length; i++)
        {
            final String arg = args[i];
            if (!arg.startsWith("--"))
            {
                throw new IllegalArgumentException("unexpected argument '" + arg + "'");
            }
            final int eq = arg.indexOf('=');
            final String name = eq > 0 ? arg.substring(2, eq) : arg.substring(2);
            if (flagSet.contains(name))
            {
                options.flags.add(name);
            }
            else if (eq > 0)
            {
                options.values.put(name, arg.substring(eq + 1));
            }
            else if (i + 1 < args.length)
            {
                options.values.put(name, args[++i]);
            }
            else
            {
                throw new IllegalArgumentException("option --" + name + " needs a value");
            }
        }
        return options;
    }

    public boolean flag(final String name)
    {
        read.add(name);
        return flags.contains(name);
    }

    public String string(final String name, final String defaultValue)
    {
        read.add(name);
        return values.getOrDefault(name, defaultValue);
    }

    public long longValue(final String name, final long defaultValue)
    {
        final String text = string(name, null);
        return text == null ? defaultValue : parseLong(name, text);
    }

    public int intValue(final String name, final int defaultValue)
    {
        return Math.toIntExact(longValue(name, defaultValue));
    }

    public double doubleValue(final String name, final double defaultValue)
    {
        final String text = string(name, null);
        try
        {
            return text == null ? defaultValue : Double.parseDouble(text.replace("_", ""));
        }
        catch (final NumberFormatException ex)
        {
            throw new IllegalArgumentException("--" + name + " takes a number, not '" + text + "'", ex);
        }
    }

    /** A comma-separated list of whole numbers, such as {@code --threads 1,2,4}. */
    public List<Integer> intList(final String name, final List<Integer> defaultValue)
    {
        final String text = string(name, null);
        if (text == null)
        {
            return defaultValue;
        }
        final List<Integer> list = new ArrayList<>();
        for (final String part : text.split(","))
        {
            list.add(Math.toIntExact(parseLong(name, part.trim())));
        }
        return list;
    }

    /** A comma-separated list of words. */
    public List<String> stringList(final String name, final List<String> defaultValue)
    {
        final String text = string(name, null);
        if (text == null)
        {
            return defaultValue;
        }
        final List<String> list = new ArrayList<>();
        for (final String part : text.split(","))
        {
            if (!part.isBlank())
            {
                list.add(part.trim());
            }
        }
        return list;
    }

    /** Throws if an option was given that the command never read. */
    public void rejectUnknown()
    {
        final Set<String> given = new HashSet<>(values.keySet());
        given.addAll(flags);
        given.removeAll(read);
        if (!given.isEmpty())
        {
            throw new IllegalArgumentException("unknown option(s): --" + String.join(", --", given)
                + "; known: --" + String.join(", --", read));
        }
    }

    private static long parseLong(final String name, final String text)
    {
        try
        {
            return Long.parseLong(text.replace("_", "").replace(",", ""));
        }
        catch (final NumberFormatException ex)
        {
            throw new IllegalArgumentException("--" + name + " takes a whole number, not '" + text + "'", ex);
        }
    }
}
