package io.github.unifiedwriter.core;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WriterConfigTest
{
    @Test
    void defaultsAreTheDocumentedOnes()
    {
        final WriterConfig c = WriterConfig.builder().build();
        assertEquals(16384, c.ringSize());
        assertEquals(QueuePolicy.BLOCK, c.policy());
        assertEquals(Mode.TRIGGER, c.mode());
        assertEquals(1024, c.batchSize());
        assertEquals(64 * 1024, c.bufferSize());
        assertEquals(Duration.ofMillis(100), c.flushInterval());
        assertEquals(Duration.ofMillis(10), c.tick());
        assertTrue(c.autoRestart());
        assertEquals(10, c.maxRestarts());
        assertEquals(Duration.ofSeconds(5), c.shutdownTimeout());
        assertEquals(Duration.ofSeconds(1), c.warnInterval());
        assertNull(c.blockTimeout());
        assertTrue(c.async());
    }

    @Test
    void ringSizeIsRoundedUpToAPowerOfTwo()
    {
        assertEquals(64, WriterConfig.builder().ringSize(64).build().ringSize());
        assertEquals(128, WriterConfig.builder().ringSize(65).build().ringSize());
        assertEquals(1024, WriterConfig.builder().ringSize(1000).build().ringSize());
    }

    private static void assertRefused(final Consumer<WriterConfig.Builder> change, final String field, final String value)
    {
        final WriterConfig.Builder builder = WriterConfig.builder();
        change.accept(builder);
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, builder::build);
        assertTrue(e.getMessage().contains(field), e.getMessage());
        assertTrue(e.getMessage().contains("'" + value + "'"), e.getMessage());
        assertTrue(e.getMessage().contains("accepted"), e.getMessage());
    }

    @Test
    void badValuesAreRefusedWithTheFieldTheValueAndWhatIsAccepted()
    {
        assertRefused(b -> b.ringSize(63), "ringSize", "63");
        assertRefused(b -> b.ringSize(-1), "ringSize", "-1");
        assertRefused(b -> b.batchSize(0), "batchSize", "0");
        assertRefused(b -> b.bufferSize(0), "bufferSize", "0");
        assertRefused(b -> b.flushInterval(Duration.ZERO), "flushInterval", "PT0S");
        assertRefused(b -> b.tick(Duration.ofMillis(-1)), "tick", "PT-0.001S");
        assertRefused(b -> b.maxRestarts(-1), "maxRestarts", "-1");
        assertRefused(b -> b.shutdownTimeout(null), "shutdownTimeout", "null");
        assertRefused(b -> b.warnInterval(Duration.ZERO), "warnInterval", "PT0S");
        assertRefused(b -> b.blockTimeout(Duration.ofSeconds(-1)), "blockTimeout", "PT-1S");
        assertRefused(b -> b.policy(null), "policy", "null");
        assertRefused(b -> b.mode(null), "mode", "null");
        assertRefused(b -> b.name(" "), "name", " ");
    }

    @Test
    void updateAppliesLiveSettingsAndRefusesOnesThatShapeTheRing()
    {
        final UnifiedWriter writer = UnifiedWriter.start(WriterConfig.builder().build(), new MemoryDestination());
        writer.update(writer.config().toBuilder().policy(QueuePolicy.DROP_NEWEST).maxRestarts(3).build());
        assertEquals(QueuePolicy.DROP_NEWEST, writer.config().policy());
        assertThrows(IllegalArgumentException.class,
            () -> writer.update(writer.config().toBuilder().ringSize(1024).build()));
        assertThrows(IllegalArgumentException.class,
            () -> writer.update(writer.config().toBuilder().mode(Mode.MANUAL).build()));
        writer.stop();
    }
}
