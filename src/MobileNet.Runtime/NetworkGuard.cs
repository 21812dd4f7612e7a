using System;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace MobileNet;

/// <summary>What the generated networks' <c>Run</c> does before the layers (length checks, aligning the workspace), kept out of line so that <c>Run</c> stays small.</summary>
public static class NetworkGuard
{
    /// <summary>Throws unless <paramref name="actual"/> equals <paramref name="expected"/>.</summary>
    public static void ExactLength(int actual, int expected, string parameterName)
    {
        if (actual != expected)
            ThrowLength(actual, expected, "exactly", parameterName);
    }

    /// <summary>Throws unless <paramref name="actual"/> is at least <paramref name="expected"/>.</summary>
    public static void MinimumLength(int actual, int expected, string parameterName)
    {
        if (actual < expected)
            ThrowLength(actual, expected, "at least", parameterName);
    }

    /// <summary>
    /// The first float of a workspace at or after <paramref name="start"/> on a 64-byte boundary (at most 15
    /// floats on, which the networks' <c>WorkspaceLength</c> includes): the generated layers place every
    /// buffer on a cache line of it, so that no 512-bit access straddles two lines. If the garbage collector
    /// moves the array later, only the alignment is lost, not the results.
    /// </summary>
    public static ref float AlignToCacheLine(ref float start)
    {
        nuint address = (nuint)Unsafe.ByteOffset(ref Unsafe.NullRef<float>(), ref start);
        return ref Unsafe.Add(ref start, (int)((0 - address) & 63) / sizeof(float));
    }

    /// <summary>The first byte of a workspace at or after <paramref name="start"/> on a 64-byte boundary (at most 63 bytes on), for the integer networks.</summary>
    public static ref byte AlignToCacheLine(ref byte start)
    {
        nuint address = (nuint)Unsafe.ByteOffset(ref Unsafe.NullRef<byte>(), ref start);
        return ref Unsafe.Add(ref start, (int)((0 - address) & 63));
    }

    [DoesNotReturn]
    private static void ThrowLength(int actual, int expected, string how, string parameterName) =>
        throw new ArgumentException($"'{parameterName}' has {actual} elements; it must have {how} {expected}.", parameterName);
}
