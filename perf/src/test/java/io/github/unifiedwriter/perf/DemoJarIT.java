package io.github.unifiedwriter.perf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URL;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.apache.logging.log4j.core.config.plugins.processor.PluginCache;
import org.apache.logging.log4j.core.config.plugins.processor.PluginEntry;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The runnable jar finds the plugin: its merged {@code Log4j2Plugins.dat} names both our appender and
 * Log4j2's own, and the demo, run with {@code java -jar} on the repository's configuration, logs
 * through UnifiedWriter appenders and finds every line.
 */
class DemoJarIT
{
    @BeforeEach
    void needsThePlugin()
    {
        Assumptions.assumeTrue(PerfJar.pluginPresent(), "the UnifiedWriter appender is not built yet");
    }

    private static final String PLUGIN_CACHE = "META-INF/org/apache/logging/log4j/core/config/plugins/Log4j2Plugins.dat";

    @Test
    void mergedPluginCacheHoldsOursAndLog4jsOwn() throws Exception
    {
        final URL cache = URI.create("jar:" + PerfJar.jar().toUri() + "!/" + PLUGIN_CACHE).toURL();
        final PluginCache plugins = new PluginCache();
        plugins.loadCacheFiles(Collections.enumeration(List.of(cache)));

        final Map<String, PluginEntry> core = plugins.getCategory("core");
        assertNotNull(core.get("unifiedwriter"), "UnifiedWriter missing from the merged cache: " + core.keySet());
        assertEquals("io.github.unifiedwriter.log4j2.UnifiedWriterAppender", core.get("unifiedwriter").getClassName());
        assertNotNull(core.get("randomaccessfile"), "Log4j2's own plugins missing from the merged cache");
    }

    @Test
    void demoRunsOnTheRepositoryConfiguration() throws Exception
    {
        final Path logs = PerfJar.workDir("demo");
        final Path config = PerfJar.repoRoot().resolve("log4j2-test.xml");

        final PerfJar.Result result = PerfJar.run(Duration.ofSeconds(90), List.of("-Duw.logdir=" + logs), "demo",
            "--events", "4000", "--threads", "2", "--config", config.toString());

        assertEquals(0, result.exitCode(), result.output());
        final String out = result.output();
        assertTrue(out.contains("events/s up to the moment the last line was in the file"), out);
        assertTrue(out.contains("JMX ObjectName: io.github.unifiedwriter:type=UnifiedWriter,"), out);
        assertTrue(out.contains("counters: Offered="), out);
        assertTrue(out.contains("file: " + logs), out);
        assertTrue(out.contains("line check passed: every line is present"), out);
    }
}
