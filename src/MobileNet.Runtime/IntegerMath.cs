using System;
using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.Arm;
using System.Runtime.Intrinsics.X86;

namespace MobileNet;

/// <summary>
/// The arithmetic the generated integer networks share with LiteRT, TFLite's runtime: how an int32
/// accumulator becomes an 8-bit output, and how 8-bit tensors convert to and from real values.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class IntegerMath
{
    /// <summary>
    /// An accumulator on the output's grid: <c>zeroPoint + round(acc × scale)</c> clamped to
    /// [<paramref name="min"/>, <paramref name="max"/>]. The product is rounded to float32 and then to the
    /// nearest integer, ties to even, as XNNPACK's fp32 requantisation does (LiteRT's CPU path).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Requantize(int acc, float scale, int zeroPoint, int min, int max)
    {
        float scaled = acc * scale;
        // Clamping before rounding, to bounds relative to the zero point, keeps the float far from int's range.
        scaled = Math.Clamp(scaled, min - zeroPoint, max - zeroPoint);
        return (int)MathF.Round(scaled) + zeroPoint;
    }

    /// <summary>
    /// 16 channels' accumulators, four to a vector in channel order, as uint8 codes on ARM64: each product
    /// rounded to the nearest integer, ties to even (FCVTNS, which saturates), narrowed to 16 bits with
    /// saturation, the zero point added with saturation, narrowed to bytes with saturation, then clamped to
    /// [<paramref name="min"/>, <paramref name="max"/>]. The codes of <see cref="Requantize"/>: rounding and
    /// saturating are monotone, so clamping the integers equals clamping the products first. From the int32
    /// sums that is 22 instructions per 16 outputs (SCVTF, FMUL, FCVTNS and SQXTN per four, two SQADD, two
    /// SQXTUN, UMAX, UMIN), where clamping the floats first would add eight.
    /// </summary>
    /// <remarks>
    /// Inlined with the layer's constants, which leave out what changes nothing: the add of a zero point of 0
    /// and a bound at the type's end, where the saturating narrowing has clamped already (Coral's ReLU6 layers
    /// have both): 18 instructions instead of 22.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> Requantize16(Vector128<int> a0, Vector128<int> a1, Vector128<int> a2, Vector128<int> a3,
        Vector128<float> s0, Vector128<float> s1, Vector128<float> s2, Vector128<float> s3, int zeroPoint, int min, int max)
    {
        (Vector128<short> low, Vector128<short> high) = Narrow(a0, a1, a2, a3, s0, s1, s2, s3, zeroPoint);
        Vector128<byte> codes = AdvSimd.ExtractNarrowingSaturateUnsignedUpper(AdvSimd.ExtractNarrowingSaturateUnsignedLower(low), high);
        if (min > byte.MinValue)
            codes = AdvSimd.Max(codes, Vector128.Create((byte)min));
        return max < byte.MaxValue ? AdvSimd.Min(codes, Vector128.Create((byte)max)) : codes;
    }

    /// <summary>The int8 codes of <see cref="Requantize16(Vector128{int}, Vector128{int}, Vector128{int}, Vector128{int}, Vector128{float}, Vector128{float}, Vector128{float}, Vector128{float}, int, int, int)"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<sbyte> Requantize16Signed(Vector128<int> a0, Vector128<int> a1, Vector128<int> a2, Vector128<int> a3,
        Vector128<float> s0, Vector128<float> s1, Vector128<float> s2, Vector128<float> s3, int zeroPoint, int min, int max)
    {
        (Vector128<short> low, Vector128<short> high) = Narrow(a0, a1, a2, a3, s0, s1, s2, s3, zeroPoint);
        Vector128<sbyte> codes = AdvSimd.ExtractNarrowingSaturateUpper(AdvSimd.ExtractNarrowingSaturateLower(low), high);
        if (min > sbyte.MinValue)
            codes = AdvSimd.Max(codes, Vector128.Create((sbyte)min));
        return max < sbyte.MaxValue ? AdvSimd.Min(codes, Vector128.Create((sbyte)max)) : codes;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (Vector128<short> Low, Vector128<short> High) Narrow(Vector128<int> a0, Vector128<int> a1, Vector128<int> a2, Vector128<int> a3,
        Vector128<float> s0, Vector128<float> s1, Vector128<float> s2, Vector128<float> s3, int zeroPoint)
    {
        Vector128<short> low = AdvSimd.ExtractNarrowingSaturateUpper(AdvSimd.ExtractNarrowingSaturateLower(Round(a0, s0)), Round(a1, s1));
        Vector128<short> high = AdvSimd.ExtractNarrowingSaturateUpper(AdvSimd.ExtractNarrowingSaturateLower(Round(a2, s2)), Round(a3, s3));
        if (zeroPoint == 0)
            return (low, high);
        Vector128<short> z = Vector128.Create((short)zeroPoint);
        return (AdvSimd.AddSaturate(low, z), AdvSimd.AddSaturate(high, z));

        static Vector128<int> Round(Vector128<int> acc, Vector128<float> scale) => AdvSimd.ConvertToInt32RoundToEven(Vector128.ConvertToSingle(acc) * scale);
    }

    /// <summary>
    /// 16 channels' accumulators as uint8 codes on x64, in the order AVX2's unpacking leaves them (and the
    /// scales in it): <paramref name="e0"/> holds channels 0–3 and 8–11, <paramref name="e1"/> 4–7 and 12–15, which
    /// the lane-wise packing puts back in channel order. Each product is clamped to the bounds less the zero
    /// point (so that CVTPS2DQ, which has no saturation, stays in range), rounded ties to even, and packed.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> Requantize16(Vector256<int> e0, Vector256<int> e1, Vector256<float> s0, Vector256<float> s1,
        Vector256<float> min, Vector256<float> max, Vector256<int> zeroPoint)
    {
        Vector256<short> words = Avx2.PackSignedSaturate(Round(e0, s0, min, max) + zeroPoint, Round(e1, s1, min, max) + zeroPoint);
        return Sse2.PackUnsignedSaturate(words.GetLower(), words.GetUpper());
    }

    /// <summary>The int8 codes of <see cref="Requantize16(Vector256{int}, Vector256{int}, Vector256{float}, Vector256{float}, Vector256{float}, Vector256{float}, Vector256{int})"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<sbyte> Requantize16Signed(Vector256<int> e0, Vector256<int> e1, Vector256<float> s0, Vector256<float> s1,
        Vector256<float> min, Vector256<float> max, Vector256<int> zeroPoint)
    {
        Vector256<short> words = Avx2.PackSignedSaturate(Round(e0, s0, min, max) + zeroPoint, Round(e1, s1, min, max) + zeroPoint);
        return Sse2.PackSignedSaturate(words.GetLower(), words.GetUpper());
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<int> Round(Vector256<int> acc, Vector256<float> scale, Vector256<float> min, Vector256<float> max) =>
        Avx.ConvertToVector256Int32(Vector256.ClampNative(Vector256.ConvertToSingle(acc) * scale, min, max));

    /// <summary>
    /// The residual add of <paramref name="length"/> codes of type <typeparamref name="T"/> (byte or sbyte)
    /// in XNNPACK's fixed point: <c>((bias + x·a + s·b) &gt;&gt; shift) + zeroPoint</c>, in wrapping int32 and
    /// an arithmetic shift, clamped to [<paramref name="min"/>, <paramref name="max"/>]. Each code widened to
    /// 32 bits: with AVX2 32 codes a step, narrowed back by saturating packs and then clamped; otherwise 16,
    /// clamped first, which makes the plain narrowing exact. Inlined, so that the generated layer's
    /// constants fold into it.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Add<T>(ref T x, ref T s, ref T y, int length, int a, int b, int shift, int bias, int zeroPoint, int min, int max)
        where T : unmanaged
    {
        int i = 0;
        if (Avx2.IsSupported)
        {
            Vector256<int> va = Vector256.Create(a), vb = Vector256.Create(b), start = Vector256.Create(bias), zero = Vector256.Create(zeroPoint);
            // The packs work within 128-bit lanes: this puts the four 8-code groups back in order.
            Vector256<int> order = Vector256.Create(0, 4, 1, 5, 2, 6, 3, 7);
            Vector256<T> lo = Vector256.Create(Of<T>(min)), hi = Vector256.Create(Of<T>(max));
            for (; i <= length - 32; i += 32)
            {
                Vector256<int> q0 = Sum8(ref Unsafe.Add(ref x, i), ref Unsafe.Add(ref s, i), va, vb, start, shift) + zero;
                Vector256<int> q1 = Sum8(ref Unsafe.Add(ref x, i + 8), ref Unsafe.Add(ref s, i + 8), va, vb, start, shift) + zero;
                Vector256<int> q2 = Sum8(ref Unsafe.Add(ref x, i + 16), ref Unsafe.Add(ref s, i + 16), va, vb, start, shift) + zero;
                Vector256<int> q3 = Sum8(ref Unsafe.Add(ref x, i + 24), ref Unsafe.Add(ref s, i + 24), va, vb, start, shift) + zero;
                Vector256<short> low = Avx2.PackSignedSaturate(q0, q1), high = Avx2.PackSignedSaturate(q2, q3);
                Vector256<T> codes = typeof(T) == typeof(byte)
                    ? Avx2.PackUnsignedSaturate(low, high).As<byte, T>()
                    : Avx2.PackSignedSaturate(low, high).As<sbyte, T>();
                codes = Avx2.PermuteVar8x32(codes.AsInt32(), order).As<int, T>();
                Vector256.Min(Vector256.Max(codes, lo), hi).StoreUnsafe(ref y, (nuint)i);
            }
        }
        else if (Vector128.IsHardwareAccelerated)
        {
            Vector128<int> va = Vector128.Create(a), vb = Vector128.Create(b), start = Vector128.Create(bias), zero = Vector128.Create(zeroPoint);
            Vector128<int> lo = Vector128.Create(min), hi = Vector128.Create(max);
            for (; i <= length - 16; i += 16)
            {
                (Vector128<int> x0, Vector128<int> x1, Vector128<int> x2, Vector128<int> x3) = Widen(Vector128.LoadUnsafe(ref x, (nuint)i));
                (Vector128<int> s0, Vector128<int> s1, Vector128<int> s2, Vector128<int> s3) = Widen(Vector128.LoadUnsafe(ref s, (nuint)i));
                Vector128<int> q0 = Sum(x0, s0), q1 = Sum(x1, s1), q2 = Sum(x2, s2), q3 = Sum(x3, s3);
                Vector128<short> low = Vector128.Narrow(q0, q1), high = Vector128.Narrow(q2, q3);
                Vector128<T> codes = typeof(T) == typeof(byte)
                    ? Vector128.Narrow(low.AsUInt16(), high.AsUInt16()).As<byte, T>()
                    : Vector128.Narrow(low, high).As<sbyte, T>();
                codes.StoreUnsafe(ref y, (nuint)i);
            }

            Vector128<int> Sum(Vector128<int> xi, Vector128<int> si) =>
                Vector128.Clamp(Vector128.ShiftRightArithmetic(start + xi * va + si * vb, shift) + zero, lo, hi);
        }
        for (; i < length; i++)
            Unsafe.Add(ref y, i) = Of<T>(Math.Clamp(((bias + Code(Unsafe.Add(ref x, i)) * a + Code(Unsafe.Add(ref s, i)) * b) >> shift) + zeroPoint, min, max));
    }

    /// <summary>A byte or sbyte code's value.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Code<T>(T v) where T : unmanaged => typeof(T) == typeof(byte) ? Unsafe.BitCast<T, byte>(v) : Unsafe.BitCast<T, sbyte>(v);

    /// <summary>A value in the type's range as a byte or sbyte code.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T Of<T>(int value) where T : unmanaged => typeof(T) == typeof(byte) ? Unsafe.BitCast<byte, T>((byte)value) : Unsafe.BitCast<sbyte, T>((sbyte)value);

    /// <summary>
    /// uint8 codes as int8 ones on the same scale with the zero point 128 lower, or back: each code's sign
    /// bit flipped (TFLite's QUANTIZE between the two types).
    /// </summary>
    public static void FlipSigns(ref byte x, ref byte y, int length)
    {
        int i = 0;
        for (; i <= length - 16; i += 16)
            (Vector128.LoadUnsafe(ref x, (nuint)i) ^ Vector128.Create((byte)0x80)).StoreUnsafe(ref y, (nuint)i);
        for (; i < length; i++)
            Unsafe.Add(ref y, i) = (byte)(Unsafe.Add(ref x, i) ^ 0x80);
    }

    /// <summary>
    /// TFLite's integer average pool over a whole map of <paramref name="pixels"/> × <paramref name="channels"/>
    /// codes of type <typeparamref name="T"/> (byte or sbyte): each channel's sum divided by the pixel count,
    /// rounding half away from zero, clamped to [<paramref name="min"/>, <paramref name="max"/>]. The sums
    /// run 16 channels at a time, widened to 32 bits; the divisions are scalar.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void AveragePool<T>(ref T x, ref T y, int pixels, int channels, int min, int max) where T : unmanaged
    {
        int c = 0;
        if (Vector128.IsHardwareAccelerated)
        {
            for (; c <= channels - 16; c += 16)
            {
                Vector128<int> s0 = default, s1 = default, s2 = default, s3 = default;
                for (int p = 0; p < pixels; p++)
                {
                    (Vector128<int> x0, Vector128<int> x1, Vector128<int> x2, Vector128<int> x3) = Widen(Vector128.LoadUnsafe(ref x, (nuint)(p * channels + c)));
                    (s0, s1, s2, s3) = (s0 + x0, s1 + x1, s2 + x2, s3 + x3);
                }
                for (int i = 0; i < 4; i++)
                {
                    Store(ref Unsafe.Add(ref y, c + i), s0.GetElement(i));
                    Store(ref Unsafe.Add(ref y, c + 4 + i), s1.GetElement(i));
                    Store(ref Unsafe.Add(ref y, c + 8 + i), s2.GetElement(i));
                    Store(ref Unsafe.Add(ref y, c + 12 + i), s3.GetElement(i));
                }
            }
        }
        for (; c < channels; c++)
        {
            int sum = 0;
            for (int p = 0; p < pixels; p++)
                sum += Code(Unsafe.Add(ref x, p * channels + c));
            Store(ref Unsafe.Add(ref y, c), sum);
        }

        void Store(ref T target, int sum) => target = Of<T>(Math.Clamp((sum + (sum < 0 ? -pixels : pixels) / 2) / pixels, min, max));
    }

    /// <summary>8 codes' <c>(bias + x·a + s·b) &gt;&gt; shift</c> on x64.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<int> Sum8<T>(ref T x, ref T s, Vector256<int> a, Vector256<int> b, Vector256<int> bias, int shift) where T : unmanaged =>
        Vector256.ShiftRightArithmetic(bias + Widen8(ref x) * a + Widen8(ref s) * b, shift);

    /// <summary>8 byte or sbyte codes as int32 (VPMOVZXBD or VPMOVSXBD from memory).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<int> Widen8<T>(ref T codes) where T : unmanaged =>
        typeof(T) == typeof(byte)
            ? Avx2.ConvertToVector256Int32(Vector128.CreateScalarUnsafe(Unsafe.ReadUnaligned<ulong>(ref Unsafe.As<T, byte>(ref codes))).AsByte())
            : Avx2.ConvertToVector256Int32(Vector128.CreateScalarUnsafe(Unsafe.ReadUnaligned<ulong>(ref Unsafe.As<T, byte>(ref codes))).AsSByte());

    /// <summary>16 byte or sbyte codes as four vectors of int32, in order.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (Vector128<int>, Vector128<int>, Vector128<int>, Vector128<int>) Widen<T>(Vector128<T> v) where T : unmanaged
    {
        if (typeof(T) == typeof(byte))
        {
            (Vector128<ushort> l, Vector128<ushort> h) = Vector128.Widen(v.AsByte());
            return (Vector128.WidenLower(l).AsInt32(), Vector128.WidenUpper(l).AsInt32(), Vector128.WidenLower(h).AsInt32(), Vector128.WidenUpper(h).AsInt32());
        }
        (Vector128<short> sl, Vector128<short> sh) = Vector128.Widen(v.AsSByte());
        return (Vector128.WidenLower(sl), Vector128.WidenUpper(sl), Vector128.WidenLower(sh), Vector128.WidenUpper(sh));
    }

    /// <summary>Real values from uint8 ones: <c>scale × (q − zeroPoint)</c>.</summary>
    public static void Dequantize(ReadOnlySpan<byte> quantized, Span<float> values, float scale, int zeroPoint)
    {
        NetworkGuard.ExactLength(values.Length, quantized.Length, nameof(values));
        for (int i = 0; i < quantized.Length; i++)
            values[i] = scale * (quantized[i] - zeroPoint);
    }

    /// <summary>Real values from int8 ones: <c>scale × (q − zeroPoint)</c>.</summary>
    public static void Dequantize(ReadOnlySpan<sbyte> quantized, Span<float> values, float scale, int zeroPoint)
    {
        NetworkGuard.ExactLength(values.Length, quantized.Length, nameof(values));
        for (int i = 0; i < quantized.Length; i++)
            values[i] = scale * (quantized[i] - zeroPoint);
    }

    /// <summary>uint8 values of real ones: <c>zeroPoint + round(value × (1 ÷ scale))</c>, ties to even, clamped to 0…255 (XNNPACK's convert, LiteRT's QUANTIZE).</summary>
    public static void Quantize(ReadOnlySpan<float> values, Span<byte> quantized, float scale, int zeroPoint)
    {
        NetworkGuard.ExactLength(quantized.Length, values.Length, nameof(quantized));
        float inverse = 1f / scale;
        for (int i = 0; i < values.Length; i++)
            quantized[i] = (byte)Quantize(values[i], inverse, zeroPoint, byte.MinValue, byte.MaxValue);
    }

    /// <summary>int8 values of real ones: <c>zeroPoint + round(value × (1 ÷ scale))</c>, ties to even, clamped to −128…127 (XNNPACK's convert, LiteRT's QUANTIZE).</summary>
    public static void Quantize(ReadOnlySpan<float> values, Span<sbyte> quantized, float scale, int zeroPoint)
    {
        NetworkGuard.ExactLength(quantized.Length, values.Length, nameof(quantized));
        float inverse = 1f / scale;
        for (int i = 0; i < values.Length; i++)
            quantized[i] = (sbyte)Quantize(values[i], inverse, zeroPoint, sbyte.MinValue, sbyte.MaxValue);
    }

    // inverse: 1 ÷ the scale, in float32, computed once per tensor as XNNPACK does.
    private static int Quantize(float value, float inverse, int zeroPoint, int min, int max) =>
        (int)Math.Clamp(MathF.Round(value * inverse) + zeroPoint, min, max);
}
