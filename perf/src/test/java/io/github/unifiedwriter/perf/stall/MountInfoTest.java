package io.github.unifiedwriter.perf.stall;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Reading /proc/self/mountinfo, which decides what may be frozen. */
class MountInfoTest
{
    @Test
    void readsDeviceMountPointTypeAndSourceAcrossOptionalFields()
    {
        final MountInfo info = MountInfo.parse("45 27 7:0 / /tmp/uw-stall-1/mnt rw,relatime shared:5 master:1 - ext4 /dev/loop0 rw");
        assertEquals(new MountInfo("7:0", Path.of("/tmp/uw-stall-1/mnt"), "ext4", "/dev/loop0"), info);
    }

    @Test
    void decodesTheKernelsOctalEscapes()
    {
        final MountInfo info = MountInfo.parse("45 27 7:0 / /tmp/a\\040b rw - ext4 /dev/loop0 rw");
        assertEquals(Path.of("/tmp/a b"), info.mountPoint());
    }

    @Test
    void theLastMountOnAPointIsTheOneInForce()
    {
        final List<String> lines = List.of(
            "27 1 254:0 / / rw,relatime - ext4 /dev/vda rw",
            "45 27 7:0 / /tmp/m rw - ext4 /dev/loop0 rw",
            "46 45 7:1 / /tmp/m rw - ext4 /dev/loop1 rw");
        assertEquals("/dev/loop1", MountInfo.at(Path.of("/tmp/m"), lines).orElseThrow().source());
        assertTrue(MountInfo.at(Path.of("/tmp/other"), lines).isEmpty());
    }
}
