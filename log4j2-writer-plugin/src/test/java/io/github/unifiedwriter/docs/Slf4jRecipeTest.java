package io.github.unifiedwriter.docs;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;

import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.config.Configurator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The SLF4J recipe: with {@code log4j-slf4j2-impl} on the class path, SLF4J calls reach the UnifiedWriter
 * appender of the quick-start configuration unchanged. SLF4J uses Log4j2's global context, so this test
 * configures that one and stops it at the end.
 */
class Slf4jRecipeTest
{
    @TempDir
    Path dir;

    @Test
    void slf4jCallsReachTheFileThroughTheQuickStartConfiguration()
    {
        final URI location = Examples.prepare("quick-start.xml", dir).toUri();

        final LoggerContext global = Configurator.initialize("slf4j", null, location);
        if (!location.equals(global.getConfigLocation()))
        {
            global.setConfigLocation(location);
        }
        try
        {
            final org.slf4j.Logger logger = LoggerFactory.getLogger("slf4j.Recipe");
            for (int i = 0; i < 100; i++)
            {
                logger.info("through slf4j {}", i);
            }
            logger.atWarn().setMessage("fluent {}").addArgument(100).log();
        }
        finally
        {
            Configurator.shutdown(global);
        }

        final List<String> lines = Examples.lines(dir.resolve("logs/app.log"));
        assertEquals(101, lines.size(), lines.toString());
        for (int i = 0; i < 100; i++)
        {
            assertTrue(lines.get(i).endsWith(" INFO  [main] Recipe - through slf4j " + i), lines.get(i));
        }
        assertTrue(lines.get(100).endsWith(" WARN  [main] Recipe - fluent 100"), lines.get(100));
    }
}
