using System;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using Xunit;

namespace MobileNet.Tests;

/// <summary>
/// The vector requantisation the integer kernels share must give the scalar <see cref="IntegerMath.Requantize"/>'s
/// codes (XNNPACK's fp32 rule) for every accumulator, or the instruction sets would stop agreeing with LiteRT.
/// The x64 form runs here; the ARM64 form runs under qemu in .ci/arm64, whose networks must equal x64's codes.
/// </summary>
public sealed class IntegerMathTests
{
    /// <summary>Sums at the edges: int's ends, float's 2^24 boundary, ties of the scale, and random ones.</summary>
    private static int[] Accumulators()
    {
        var random = new Random(15);
        int[] edges = [int.MinValue, int.MinValue + 1, -(1 << 24) - 1, -(1 << 24), -255, -128, -1, 0, 1, 127, 128, 255, 1 << 24, (1 << 24) + 1, int.MaxValue - 1, int.MaxValue];
        return edges.Concat(Enumerable.Range(0, 4000).Select(i => i % 2 == 0 ? random.Next(-70000, 70000) : random.Next(int.MinValue, int.MaxValue))).ToArray();
    }

    [Theory]
    [InlineData(0.5f, 0, 0, 255, false)]          // ties: scale 1/2 puts every odd sum on .5
    [InlineData(0.0048208125f, 0, 0, 255, false)] // Coral's stem, ReLU6's upper bound at 255
    [InlineData(0.02f, 128, 128, 255, false)]     // a zero point inside the range, the lower bound at it (ReLU)
    [InlineData(0.7f, -128, -128, 127, true)]     // int8 with a negative zero point
    [InlineData(3.5f, 5, -20, 30, true)]          // narrow bounds on both sides
    [InlineData(1e-9f, -1, -128, 127, true)]
    public void TheAvx2FormGivesTheScalarCodes(float scale, int zeroPoint, int min, int max, bool signed)
    {
        if (!Avx2.IsSupported)
            return;
        int[] sums = Accumulators();
        var floor = Vector256.Create((float)(min - zeroPoint));
        var ceiling = Vector256.Create((float)(max - zeroPoint));
        for (int i = 0; i + 16 <= sums.Length; i += 16)
        {
            // Channels 0–3 and 8–11 in e0, 4–7 and 12–15 in e1, as PMADDWD's unpacked inputs leave them.
            Vector256<int> e0 = Vector256.Create(sums[i], sums[i + 1], sums[i + 2], sums[i + 3], sums[i + 8], sums[i + 9], sums[i + 10], sums[i + 11]);
            Vector256<int> e1 = Vector256.Create(sums[i + 4], sums[i + 5], sums[i + 6], sums[i + 7], sums[i + 12], sums[i + 13], sums[i + 14], sums[i + 15]);
            Vector256<float> s = Vector256.Create(scale);
            Vector128<byte> codes = signed
                ? IntegerMath.Requantize16Signed(e0, e1, s, s, floor, ceiling, Vector256.Create(zeroPoint)).AsByte()
                : IntegerMath.Requantize16(e0, e1, s, s, floor, ceiling, Vector256.Create(zeroPoint));
            for (int c = 0; c < 16; c++)
            {
                int expected = IntegerMath.Requantize(sums[i + c], scale, zeroPoint, min, max);
                Assert.True(expected == (signed ? (sbyte)codes[c] : codes[c]), $"sum {sums[i + c]}, channel {c}: {expected} expected");
            }
        }
    }

    /// <summary>
    /// The residual add's vector loop (32 codes a step on x64, 16 elsewhere) and its scalar tail give the
    /// fixed-point rule's codes: Coral V2's first add's constants, codes at both ends of the type, saturating
    /// sums at both bounds, and a length that leaves a tail.
    /// </summary>
    [Theory]
    [InlineData(1948293, 1338520, 21, -423203152, 133, 0, 255, false)] // Coral V2's first add, ReLU-free uint8
    [InlineData(1 << 19, 1 << 19, 20, 1 << 19, -5, -128, 127, true)]      // int8, equal scales
    [InlineData(262144, 1 << 20, 20, -3 << 19, 10, 0, 100, false)]       // narrow bounds, both saturating
    public void TheResidualAddGivesTheFixedPointRulesCodes(int a, int b, int shift, int bias, int zeroPoint, int min, int max, bool signed)
    {
        const int Length = 32 * 3 + 16 + 5;
        var random = new Random(16);
        byte[] x = new byte[Length], s = new byte[Length], y = new byte[Length];
        random.NextBytes(x);
        random.NextBytes(s);
        (x[0], s[0], x[1], s[1], x[2], s[2]) = (0, 0, 255, 255, 0, 255);
        if (signed)
            IntegerMath.Add(ref Unsafe.As<byte, sbyte>(ref x[0]), ref Unsafe.As<byte, sbyte>(ref s[0]), ref Unsafe.As<byte, sbyte>(ref y[0]), Length, a, b, shift, bias, zeroPoint, min, max);
        else
            IntegerMath.Add(ref x[0], ref s[0], ref y[0], Length, a, b, shift, bias, zeroPoint, min, max);
        for (int i = 0; i < Length; i++)
        {
            int xi = signed ? (sbyte)x[i] : x[i], si = signed ? (sbyte)s[i] : s[i];
            int expected = Math.Clamp((int)((bias + (long)xi * a + (long)si * b) >> shift) + zeroPoint, min, max);
            Assert.True(expected == (signed ? (sbyte)y[i] : y[i]), $"element {i} ({xi}, {si}): {expected} expected, {(signed ? (sbyte)y[i] : y[i])} written");
        }
    }

    /// <summary>
    /// The average pool's vector sums (16 channels a block) and its scalar tail give TFLite's rounding, half away
    /// from zero, on 7×7 maps: means just under and just over a half, both ends of the type, and clamped ones.
    /// </summary>
    [Theory]
    [InlineData(false, 0, 255)]
    [InlineData(true, -128, 127)]
    [InlineData(true, -20, 30)]
    public void ThePoolRoundsHalfAwayFromZero(bool signed, int min, int max)
    {
        const int Pixels = 49, Channels = 16 * 2 + 5;
        var random = new Random(17);
        byte[] x = new byte[Pixels * Channels], y = new byte[Channels];
        random.NextBytes(x);
        for (int p = 0; p < Pixels; p++)
        {
            x[p * Channels] = 255;                                      // the largest code (−1 as int8)
            x[p * Channels + 1] = signed ? (byte)0x80 : (byte)0;        // the smallest
            x[p * Channels + 2] = (byte)(p < 24 ? 1 : 0);               // 24/49, under a half: 0 …
            x[p * Channels + 3] = (byte)(p < 25 ? (signed ? 0xFF : 1) : 0); // … and ±25/49, over a half: ±1
        }
        if (signed)
            IntegerMath.AveragePool(ref Unsafe.As<byte, sbyte>(ref x[0]), ref Unsafe.As<byte, sbyte>(ref y[0]), Pixels, Channels, min, max);
        else
            IntegerMath.AveragePool(ref x[0], ref y[0], Pixels, Channels, min, max);
        for (int c = 0; c < Channels; c++)
        {
            int sum = Enumerable.Range(0, Pixels).Sum(p => signed ? (sbyte)x[p * Channels + c] : x[p * Channels + c]);
            int expected = Math.Clamp((int)Math.Round(sum / (double)Pixels, MidpointRounding.AwayFromZero), min, max);
            Assert.True(expected == (signed ? (sbyte)y[c] : y[c]), $"channel {c} (sum {sum}): {expected} expected");
        }
    }
}
