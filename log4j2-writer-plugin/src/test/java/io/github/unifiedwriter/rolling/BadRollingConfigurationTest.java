package io.github.unifiedwriter.rolling;

import java.nio.file.Path;
import java.util.List;

import io.github.unifiedwriter.log4j2.StatusCapture;
import io.github.unifiedwriter.log4j2.TestConfigs;
import org.apache.logging.log4j.core.LoggerContext;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A rolling configuration that cannot work refuses the appender with one ERROR that names the attribute or element
 * at fault and says what would work.
 */
class BadRollingConfigurationTest
{
    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "filePattern without a policy | fileName=\"@/a.log\" filePattern=\"@/a-%i.log\" | " +
            "| filePattern=\"@/a-%i.log\" needs a triggering policy",
        "a policy without filePattern | fileName=\"@/a.log\" | <SizeBasedTriggeringPolicy size=\"1MB\"/> " +
            "| a rollover policy needs filePattern",
        "a strategy without filePattern | fileName=\"@/a.log\" | <DefaultRolloverStrategy max=\"3\"/> " +
            "| a rollover strategy needs filePattern",
        "fileName with DirectWriteRolloverStrategy | fileName=\"@/a.log\" filePattern=\"@/a-%i.log\" " +
            "| <SizeBasedTriggeringPolicy size=\"1MB\"/><DirectWriteRolloverStrategy/> " +
            "| fileName=\"@/a.log\" conflicts with DirectWriteRolloverStrategy",
        "size without %i | fileName=\"@/a.log\" filePattern=\"@/a-%d{yyyy-MM-dd}.log\" " +
            "| <SizeBasedTriggeringPolicy size=\"1MB\"/> | SizeBasedTriggeringPolicy can roll twice in one period; add %i",
        "on startup without %i | fileName=\"@/a.log\" filePattern=\"@/a-%d{yyyy-MM-dd}.log\" " +
            "| <OnStartupTriggeringPolicy/> | OnStartupTriggeringPolicy can roll twice in one period; add %i",
        "time without %d | fileName=\"@/a.log\" filePattern=\"@/a-%i.log\" " +
            "| <TimeBasedTriggeringPolicy/> | TimeBasedTriggeringPolicy rolls at the pattern's %d unit, and the " +
            "pattern has no %d",
        "cron finer than %d | fileName=\"@/a.log\" filePattern=\"@/a-%d{yyyy-MM-dd}.log\" " +
            "| <CronTriggeringPolicy schedule=\"0 * * * * ?\"/> | rolls more often than the pattern's %d unit (DAILY)",
    })
    void refusedWithAnErrorNamingTheCause(final String name, final String attributes, final String elements,
        final String expected)
    {
        final String element = "    <UnifiedWriter name=\"bad\" " + attributes.replace("@", dir.toString()) + ">\n" +
            "      <PatternLayout pattern=\"%m%n\"/>\n" + (elements == null ? "" : elements) + "\n    </UnifiedWriter>";
        try (StatusCapture status = new StatusCapture())
        {
            final LoggerContext context = TestConfigs.start(dir, TestConfigs.config(element, "bad"));
            try
            {
                assertNull(context.getConfiguration().getAppender("bad"), name);
                final List<String> errors = status.errors().stream()
                    .filter((m) -> m.startsWith("UnifiedWriter appender \"bad\"")).toList();
                assertEquals(1, errors.size(), errors.toString());
                assertTrue(errors.get(0).contains(expected.replace("@", dir.toString())), errors.get(0));
                assertTrue(errors.get(0).endsWith("The appender is not created."), errors.get(0));
            }
            finally
            {
                context.stop();
            }
        }
    }
}
