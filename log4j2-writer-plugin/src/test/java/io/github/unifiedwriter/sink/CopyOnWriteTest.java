package io.github.unifiedwriter.sink;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which file systems the mmap writer refuses; the refusal itself is proven on a real btrfs in reliability/. */
class CopyOnWriteTest
{
    @Test
    void btrfsZfsAndBcachefsCopyOnWriteWhateverTheCase()
    {
        assertTrue(CopyOnWrite.copiesOnWrite("btrfs"));
        assertTrue(CopyOnWrite.copiesOnWrite("zfs"));
        assertTrue(CopyOnWrite.copiesOnWrite("ZFS"));
        assertTrue(CopyOnWrite.copiesOnWrite("bcachefs"));
    }

    @Test
    void fileSystemsThatOverwriteInPlaceAreMapped()
    {
        assertFalse(CopyOnWrite.copiesOnWrite("ext4"));
        assertFalse(CopyOnWrite.copiesOnWrite("xfs"));
        assertFalse(CopyOnWrite.copiesOnWrite("tmpfs"));
        assertFalse(CopyOnWrite.copiesOnWrite(null));
    }
}
