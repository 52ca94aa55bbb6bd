package io.github.unifiedwriter.log4j2;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import org.apache.logging.log4j.core.layout.HtmlLayout;
import org.apache.logging.log4j.core.layout.MarkerPatternSelector;
import org.apache.logging.log4j.core.layout.PatternLayout;
import org.apache.logging.log4j.core.layout.PatternMatch;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The appender's DEBUG status line says how a layout's lines are encoded, so that support can tell the line written
 * by parts from each fallback, among them a Log4j2 release whose formatters can no longer be read.
 */
class LayoutEncodingDescriptionTest
{
    @Test
    void aPlainPatternInUtf8IsWrittenByPartsAndCountsThePartsFormattedPerEvent()
    {
        // "%level", " ", "%m" and "%n": only the message changes with every event.
        final PatternLayout layout = PatternLayout.newBuilder().setPattern("%level %m%n")
            .setCharset(StandardCharsets.UTF_8).setAlwaysWriteExceptions(false).build();
        assertEquals("written by parts: 1 of the pattern's 4 parts formatted per event", PatternPlan.describe(layout));
    }

    @Test
    void aPatternWithAConverterThatMayRewriteItsTextIsFormattedWhole()
    {
        assertEquals("formatted whole: the pattern has a converter not known to only append",
            PatternPlan.describe(layout("%highlight{%level} %m%n", StandardCharsets.UTF_8)));
    }

    @Test
    void aPatternSelectorsFormattersCannotBeReadSoItIsFormattedWhole()
    {
        final MarkerPatternSelector selector = MarkerPatternSelector.newBuilder()
            .setProperties(new PatternMatch[] {new PatternMatch("AUDIT", "audit %m%n")})
            .setDefaultPattern("%m%n").build();
        final String said = PatternPlan.describe(PatternLayout.newBuilder().setPatternSelector(selector).build());
        assertTrue(said.startsWith("formatted whole: the layout's formatters could not be read"), said);
    }

    @Test
    void aCharsetNotEncodedHereGoesToTheLayoutAndIsNamed()
    {
        assertEquals("encoded by the layout itself: its charset UTF-16 is not UTF-8, ISO-8859-1 or US-ASCII",
            PatternPlan.describe(layout("%m%n", StandardCharsets.UTF_16)));
    }

    @Test
    void aLayoutOtherThanPatternLayoutEncodesItself()
    {
        assertEquals("encoded by the layout itself", PatternPlan.describe(HtmlLayout.createDefaultLayout()));
    }

    private static PatternLayout layout(final String pattern, final Charset charset)
    {
        return PatternLayout.newBuilder().setPattern(pattern).setCharset(charset).build();
    }
}
