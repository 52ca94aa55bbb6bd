package io.github.unifiedwriter.sink;

import java.lang.reflect.Field;
import java.nio.MappedByteBuffer;

import sun.misc.Unsafe;

/**
 * Releases a mapping at once instead of whenever the collector finds its buffer: a mapping holds address
 * space and pins the file's blocks, so a rotated and deleted log would keep its disk space. Uses
 * {@code Unsafe.invokeCleaner}, as Agrona does; where that is unavailable the collector releases it.
 *
 * <p>A released buffer must never be touched again: access to an unmapped page crashes the JVM.
 */
final class Unmapper
{
    private static final Unsafe UNSAFE = unsafe();

    private Unmapper()
    {
    }

    static void unmap(final MappedByteBuffer buffer)
    {
        if (UNSAFE != null && buffer != null)
        {
            UNSAFE.invokeCleaner(buffer);
        }
    }

    private static Unsafe unsafe()
    {
        try
        {
            final Field field = Unsafe.class.getDeclaredField("theUnsafe");
            field.setAccessible(true);
            return (Unsafe)field.get(null);
        }
        catch (final ReflectiveOperationException | RuntimeException unavailable)
        {
            return null;
        }
    }
}
