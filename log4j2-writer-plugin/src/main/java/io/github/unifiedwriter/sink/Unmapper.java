package io.github.unifiedwriter.sink;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;

/**
 * Releases a mapping at once instead of whenever the collector finds its buffer: a mapping holds address
 * space and pins the file's blocks, so a rotated and deleted log would keep its disk space. Uses
 * {@code sun.misc.Unsafe.invokeCleaner}, as Agrona does; where that is unavailable the collector releases
 * the mapping.
 *
 * <p>A released buffer must never be touched again: access to an unmapped page crashes the JVM.
 */
final class Unmapper
{
    private static final MethodHandle INVOKE_CLEANER = invokeCleaner();

    private Unmapper()
    {
    }

    static void unmap(final MappedByteBuffer buffer)
    {
        if (INVOKE_CLEANER == null || buffer == null)
        {
            return;
        }
        try
        {
            INVOKE_CLEANER.invokeExact((ByteBuffer)buffer);
        }
        catch (final RuntimeException | Error ex)
        {
            throw ex;
        }
        catch (final Throwable undeclared)
        {
            throw new IllegalStateException(undeclared);
        }
    }

    private static MethodHandle invokeCleaner()
    {
        try
        {
            final Class<?> unsafe = Class.forName("sun.misc.Unsafe");
            final Field instance = unsafe.getDeclaredField("theUnsafe");
            instance.setAccessible(true);
            return MethodHandles.lookup()
                .findVirtual(unsafe, "invokeCleaner", MethodType.methodType(void.class, ByteBuffer.class))
                .bindTo(instance.get(null));
        }
        catch (final ReflectiveOperationException | RuntimeException unavailable)
        {
            return null;
        }
    }
}
