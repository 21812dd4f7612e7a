using System;
using System.ComponentModel;
using System.Runtime.CompilerServices;

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

    /// <summary>uint8 values of real ones: <c>zeroPoint + round(value ÷ scale)</c>, ties to even, clamped to 0…255.</summary>
    public static void Quantize(ReadOnlySpan<float> values, Span<byte> quantized, float scale, int zeroPoint)
    {
        NetworkGuard.ExactLength(quantized.Length, values.Length, nameof(quantized));
        for (int i = 0; i < values.Length; i++)
            quantized[i] = (byte)Quantize(values[i], scale, zeroPoint, byte.MinValue, byte.MaxValue);
    }

    /// <summary>int8 values of real ones: <c>zeroPoint + round(value ÷ scale)</c>, ties to even, clamped to −128…127.</summary>
    public static void Quantize(ReadOnlySpan<float> values, Span<sbyte> quantized, float scale, int zeroPoint)
    {
        NetworkGuard.ExactLength(quantized.Length, values.Length, nameof(quantized));
        for (int i = 0; i < values.Length; i++)
            quantized[i] = (sbyte)Quantize(values[i], scale, zeroPoint, sbyte.MinValue, sbyte.MaxValue);
    }

    private static int Quantize(float value, float scale, int zeroPoint, int min, int max) =>
        (int)Math.Clamp(MathF.Round(value / scale) + zeroPoint, min, max);
}
