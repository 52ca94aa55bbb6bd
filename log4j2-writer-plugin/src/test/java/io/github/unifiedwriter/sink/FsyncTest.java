package io.github.unifiedwriter.sink;

import java.io.IOException;
import java.io.SyncFailedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import io.github.unifiedwriter.core.BatchDestination;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Forces are counted, not timed: an interval of a day never passes in a test, one of a nanosecond always has. */
class FsyncTest
{
    private static final FsyncPolicy DAILY = FsyncPolicy.every(Duration.ofDays(1));
    private static final FsyncPolicy ALWAYS_DUE = FsyncPolicy.every(Duration.ofNanos(1));

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(SinkType.class)
    void batchPolicyForcesAfterEveryWriteAndNotWhenIdle(final SinkType type) throws IOException
    {
        final BatchDestination sink = open(type, FsyncPolicy.batch());
        for (int i = 1; i <= 3; i++)
        {
            sink.write(TestBatch.of("line " + i + "\n"));
            assertEquals(i, Sinks.forces(sink));
        }
        sink.idle();
        sink.close();
        assertEquals(3, Sinks.forces(sink));
    }

    @ParameterizedTest
    @EnumSource(SinkType.class)
    void neverPolicyNeverForces(final SinkType type) throws IOException
    {
        final BatchDestination sink = open(type, FsyncPolicy.never());
        sink.write(TestBatch.of("a\n", "b\n"));
        sink.idle();
        sink.close();
        assertEquals(0, Sinks.forces(sink));
    }

    @ParameterizedTest
    @EnumSource(SinkType.class)
    void intervalPolicyForcesNoMoreThanOncePerIntervalAndForcesTheRestAtClose(final SinkType type) throws IOException
    {
        final BatchDestination sink = open(type, DAILY);
        for (int i = 0; i < 20; i++)
        {
            sink.write(TestBatch.of("line " + i + "\n"));
            sink.idle();
        }
        assertEquals(0, Sinks.forces(sink));
        sink.close();
        assertEquals(1, Sinks.forces(sink));
    }

    @ParameterizedTest
    @EnumSource(SinkType.class)
    void intervalPolicyForcesOnlyWhileDataIsUnforced(final SinkType type) throws IOException
    {
        final BatchDestination sink = open(type, ALWAYS_DUE);
        sink.write(TestBatch.of("a\n"));
        assertEquals(1, Sinks.forces(sink));
        sink.idle();
        sink.idle();
        assertEquals(1, Sinks.forces(sink), "nothing new to force");
        sink.write(TestBatch.of("b\n"));
        assertEquals(2, Sinks.forces(sink));
        sink.close();
        assertEquals(2, Sinks.forces(sink));
    }

    @ParameterizedTest
    @EnumSource(SinkType.class)
    void idleForcesUnforcedDataOnceTheIntervalHasPassed(final SinkType type) throws IOException
    {
        final BatchDestination sink = open(type, DAILY);
        sink.write(TestBatch.of("a\n"));
        sink.idle();
        assertEquals(0, Sinks.forces(sink));
        Sinks.setFsync(sink, ALWAYS_DUE);
        sink.idle();
        assertEquals(1, Sinks.forces(sink));
        sink.close();
    }

    @ParameterizedTest
    @EnumSource(SinkType.class)
    void fsyncChangedFromAnotherThreadTakesEffectOnTheNextWrite(final SinkType type) throws Exception
    {
        final BatchDestination sink = open(type, FsyncPolicy.never());
        sink.write(TestBatch.of("a\n"));
        final Thread operator = new Thread(() -> Sinks.setFsync(sink, FsyncPolicy.batch()));
        operator.start();
        operator.join();
        sink.write(TestBatch.of("b\n"));
        assertEquals(1, Sinks.forces(sink));
        sink.close();
    }

    /** Writes under never are not tracked, so the change away from never counts them as unforced. */
    @ParameterizedTest
    @EnumSource(SinkType.class)
    void dataWrittenUnderNeverIsForcedWhenIdleOnceThePolicyForces(final SinkType type) throws Exception
    {
        final BatchDestination sink = open(type, FsyncPolicy.never());
        sink.write(TestBatch.of("a\n"));
        sink.idle();
        assertEquals(0, Sinks.forces(sink));
        Sinks.setFsync(sink, FsyncPolicy.batch());
        sink.idle();
        assertEquals(1, Sinks.forces(sink), "what was written under never is forced");
        sink.idle();
        assertEquals(1, Sinks.forces(sink), "and only once");
        sink.close();
        assertEquals(1, Sinks.forces(sink));
    }

    @ParameterizedTest
    @EnumSource(SinkType.class)
    void failedForceThrowsSyncFailedExceptionWithEveryRecordConfirmed(final SinkType type) throws IOException
    {
        final Path file = dir.resolve("sync.log");
        final Faults disk = new Faults();
        disk.failForce = true;
        try (BatchDestination sink = Sinks.open(type, file, FileSinkOptions.builder().fsync(FsyncPolicy.batch()), disk))
        {
            final TestBatch batch = TestBatch.of("a\n", "b\n", "c\n");
            assertThrows(SyncFailedException.class, () -> sink.write(batch));
            assertEquals(3, batch.confirmed());
            sink.reopen();
            disk.failForce = false;
            sink.write(TestBatch.of("d\n"));
            assertEquals(1, Sinks.forces(sink));
        }
        assertEquals("a\nb\nc\nd\n", Files.readString(file));
    }

    private BatchDestination open(final SinkType type, final FsyncPolicy fsync) throws IOException
    {
        return Sinks.open(type, dir.resolve(type + ".log"), FileSinkOptions.builder().fsync(fsync).regionSize(4096));
    }
}
