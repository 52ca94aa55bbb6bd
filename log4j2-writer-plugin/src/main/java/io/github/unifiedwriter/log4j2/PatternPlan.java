package io.github.unifiedwriter.log4j2;

import java.lang.reflect.Field;
import java.util.List;

import org.apache.logging.log4j.core.Layout;
import org.apache.logging.log4j.core.layout.PatternLayout;
import org.apache.logging.log4j.core.pattern.ClassNamePatternConverter;
import org.apache.logging.log4j.core.pattern.DatePatternConverter;
import org.apache.logging.log4j.core.pattern.FileLocationPatternConverter;
import org.apache.logging.log4j.core.pattern.FormattingInfo;
import org.apache.logging.log4j.core.pattern.FullLocationPatternConverter;
import org.apache.logging.log4j.core.pattern.LevelPatternConverter;
import org.apache.logging.log4j.core.pattern.LineLocationPatternConverter;
import org.apache.logging.log4j.core.pattern.LineSeparatorPatternConverter;
import org.apache.logging.log4j.core.pattern.LiteralPatternConverter;
import org.apache.logging.log4j.core.pattern.LogEventPatternConverter;
import org.apache.logging.log4j.core.pattern.LoggerPatternConverter;
import org.apache.logging.log4j.core.pattern.MarkerPatternConverter;
import org.apache.logging.log4j.core.pattern.MarkerSimpleNamePatternConverter;
import org.apache.logging.log4j.core.pattern.MdcPatternConverter;
import org.apache.logging.log4j.core.pattern.MessagePatternConverter;
import org.apache.logging.log4j.core.pattern.MethodLocationPatternConverter;
import org.apache.logging.log4j.core.pattern.NdcPatternConverter;
import org.apache.logging.log4j.core.pattern.PatternFormatter;
import org.apache.logging.log4j.core.pattern.ProcessIdPatternConverter;
import org.apache.logging.log4j.core.pattern.SequenceNumberPatternConverter;
import org.apache.logging.log4j.core.pattern.ThreadIdPatternConverter;
import org.apache.logging.log4j.core.pattern.ThreadNamePatternConverter;
import org.apache.logging.log4j.core.pattern.ThrowablePatternConverter;
import org.apache.logging.log4j.core.pattern.VariablesNotEmptyReplacementConverter;

/**
 * A {@link PatternLayout}'s formatters, sorted by what their text depends on. Most of a line depends on little: the
 * pattern's literals on nothing, the level, thread and logger name on one field each, a date of millisecond precision
 * on the millisecond. A caller can keep the bytes of those parts and format only the rest, such as the message, for
 * each event. The formatters are the layout's own, so the text is the layout's.
 *
 * <p>Only formatters known to append to the text, without reading what came before them, are planned; a layout with
 * any other formatter, a pattern selector or a {@code replace} has no plan and is encoded as a whole. Immutable once
 * built; built on a caller's thread the first time it meets the layout.
 */
final class PatternPlan
{
    /** Text that is the same for every event. */
    static final int FIXED = 0;
    /** Text that depends only on the event's level. */
    static final int LEVEL = 1;
    /** Text that depends only on the event's thread name. */
    static final int THREAD = 2;
    /** Text that depends only on the event's logger name. */
    static final int LOGGER = 3;
    /** Text that depends only on the event's millisecond. */
    static final int MILLIS = 4;
    /** Text formatted for each event. */
    static final int EACH = 5;

    private static final String SIMPLE_LITERAL = "org.apache.logging.log4j.core.pattern.SimpleLiteralPatternConverter";
    private static final List<Class<?>> APPENDING = List.of(MessagePatternConverter.class,
        ThrowablePatternConverter.class, MdcPatternConverter.class, NdcPatternConverter.class,
        MarkerPatternConverter.class, MarkerSimpleNamePatternConverter.class, SequenceNumberPatternConverter.class,
        ThreadIdPatternConverter.class, ProcessIdPatternConverter.class, ClassNamePatternConverter.class,
        MethodLocationPatternConverter.class, LineLocationPatternConverter.class, FileLocationPatternConverter.class,
        FullLocationPatternConverter.class);

    final PatternFormatter[] formatters;
    final int[] kinds;
    private PatternPlan(final PatternFormatter[] formatters, final int[] kinds)
    {
        this.formatters = formatters;
        this.kinds = kinds;
    }

    /**
     * How a layout's lines are encoded, for the appender's DEBUG status line. The plan reads Log4j2's private
     * fields; a Log4j2 release that renames them falls back to whole lines, the same bytes only slower, and this
     * says so. Configuration thread.
     */
    static String describe(final Layout<?> layout)
    {
        if (!(layout instanceof PatternLayout))
        {
            return "encoded by the layout itself";
        }
        final PatternLayout pattern = (PatternLayout)layout;
        if (!Encoder.Buffer.encodesHere(pattern.getCharset()))
        {
            return "encoded by the layout itself: its charset " + pattern.getCharset() +
                " is not UTF-8, ISO-8859-1 or US-ASCII";
        }
        final PatternFormatter[] formatters = formattersOf(pattern);
        if (formatters == null)
        {
            return "formatted whole: the layout's formatters could not be read (a pattern selector, or a Log4j2" +
                " release this version does not know)";
        }
        final PatternPlan plan = of(formatters);
        if (plan == null)
        {
            return "formatted whole: the pattern has a converter not known to only append";
        }
        int each = 0;
        for (final int kind : plan.kinds)
        {
            each += kind == EACH ? 1 : 0;
        }
        return "written by parts: " + each + " of the pattern's " + plan.kinds.length + " parts formatted per event";
    }

    /** The layout's plan, or null if its line cannot be taken apart safely. */
    static PatternPlan of(final PatternLayout layout)
    {
        final PatternFormatter[] formatters = formattersOf(layout);
        return formatters == null ? null : of(formatters);
    }

    private static PatternPlan of(final PatternFormatter[] formatters)
    {
        final int[] kinds = new int[formatters.length];
        for (int i = 0; i < formatters.length; i++)
        {
            kinds[i] = kindOf(formatters[i].getConverter());
            if (kinds[i] < 0)
            {
                return null;
            }
        }
        return new PatternPlan(formatters, kinds);
    }

    private static int kindOf(final LogEventPatternConverter converter)
    {
        if (converter instanceof LineSeparatorPatternConverter ||
            converter.getClass().getSuperclass().getName().equals(SIMPLE_LITERAL))
        {
            return FIXED;
        }
        if (converter instanceof LiteralPatternConverter)
        {
            return ((LiteralPatternConverter)converter).getLiteral().contains("${") ? EACH : FIXED;
        }
        if (converter instanceof LevelPatternConverter)
        {
            return LEVEL;
        }
        if (converter instanceof ThreadNamePatternConverter)
        {
            return THREAD;
        }
        if (converter instanceof LoggerPatternConverter)
        {
            return LOGGER;
        }
        if (converter instanceof DatePatternConverter)
        {
            return millisecondsAtMost(((DatePatternConverter)converter).getPattern()) ? MILLIS : EACH;
        }
        if (converter instanceof VariablesNotEmptyReplacementConverter)
        {
            return appendsOnly((VariablesNotEmptyReplacementConverter)converter) ? EACH : -1;
        }
        for (final Class<?> appending : APPENDING)
        {
            if (appending.isInstance(converter))
            {
                return EACH;
            }
        }
        return -1;
    }

    /**
     * Whether {@code %notEmpty}, which Log4j2 also adds around an implicit {@code %ex}, holds only formatters that
     * append: it formats them after its own start and may only cut back to it.
     */
    private static boolean appendsOnly(final VariablesNotEmptyReplacementConverter converter)
    {
        try
        {
            for (final Object inner : (List<?>)field(converter.getClass(), "formatters").get(converter))
            {
                if (kindOf(((PatternFormatter)inner).getConverter()) < 0)
                {
                    return false;
                }
            }
            return true;
        }
        catch (final ReflectiveOperationException | RuntimeException ex)
        {
            return false;
        }
    }

    /** Whether a date pattern shows nothing finer than milliseconds; any doubt counts as finer. */
    private static boolean millisecondsAtMost(final String pattern)
    {
        return pattern != null && pattern.indexOf('n') < 0 && pattern.indexOf('N') < 0 && !pattern.contains("SSSS");
    }

    /** The layout's formatters, read from its serializer: Log4j2 keeps them private. Null where that fails. */
    private static PatternFormatter[] formattersOf(final PatternLayout layout)
    {
        try
        {
            final Object serializer = field(PatternLayout.class, "eventSerializer").get(layout);
            final String kind = serializer.getClass().getSimpleName();
            if (kind.equals("PatternFormatterPatternSerializer"))
            {
                return ((PatternFormatter[])field(serializer.getClass(), "formatters").get(serializer)).clone();
            }
            if (kind.equals("NoFormatPatternSerializer"))
            {
                final LogEventPatternConverter[] converters =
                    (LogEventPatternConverter[])field(serializer.getClass(), "converters").get(serializer);
                final PatternFormatter[] formatters = new PatternFormatter[converters.length];
                for (int i = 0; i < converters.length; i++)
                {
                    formatters[i] = new PatternFormatter(converters[i], FormattingInfo.getDefault());
                }
                return formatters;
            }
            return null;
        }
        catch (final ReflectiveOperationException | RuntimeException ex)
        {
            return null;
        }
    }

    private static Field field(final Class<?> owner, final String name) throws NoSuchFieldException
    {
        final Field field = owner.getDeclaredField(name);
        field.setAccessible(true);
        return field;
    }
}
