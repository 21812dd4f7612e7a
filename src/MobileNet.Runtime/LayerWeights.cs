using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace MobileNet;

/// <summary>
/// Where one array of a generated network's weights lies in its assembly's read-only data. The generated
/// code takes the address once, when its weights class is initialised, from the span the compiler makes
/// over the data (<c>RuntimeHelpers.CreateSpan</c>): unoptimised (Debug) code calls that method instead
/// of letting the JIT expand it, and each call allocates a 72-byte field-handle stub, so the layers read
/// the address instead and allocate nothing in any build.
/// </summary>
public readonly struct LayerWeights
{
    private readonly nint _address;

    /// <param name="words">The floats in pairs, as little-endian 64-bit words. It must lie in the assembly's
    /// image, as a span the compiler makes over constant data does: that never moves, and nothing pins it.</param>
    public LayerWeights(ReadOnlySpan<ulong> words) =>
        _address = Unsafe.ByteOffset(ref Unsafe.NullRef<ulong>(), ref MemoryMarshal.GetReference(words));

    /// <summary>The first float. The data is read-only: the reference is writable only so that it can go to vector loads as it is.</summary>
    public ref float Floats => ref Unsafe.AddByteOffset(ref Unsafe.NullRef<float>(), _address);

    /// <summary>The first byte, for the integer networks' data (int32 biases, float scales, 8-bit weights). Read-only, as <see cref="Floats"/>.</summary>
    public ref byte Bytes => ref Unsafe.AddByteOffset(ref Unsafe.NullRef<byte>(), _address);
}
