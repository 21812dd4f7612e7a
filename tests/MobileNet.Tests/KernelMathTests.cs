using System;
using System.Runtime.Intrinsics;
using Xunit;

namespace MobileNet.Tests;

/// <summary>
/// The runtime's multiply-adds the generated kernels call: each must round exactly as the
/// <c>Vector128.FusedMultiplyAdd</c> it stands for, or the widths would stop agreeing bit for bit.
/// </summary>
public sealed class KernelMathTests
{
    [Fact]
    public void FmaLaneIsTheFusedMultiplyAddOfTheBroadcastLane()
    {
        var random = new Random(14);
        Vector128<float> Next() => Vector128.Create((float)random.NextDouble() * 2 - 1, (float)random.NextDouble() * 2 - 1, (float)random.NextDouble() * 2 - 1, (float)random.NextDouble() * 2 - 1) * 1e3f;
        int unfusedDiffers = 0;
        for (int i = 0; i < 1000; i++)
        {
            Vector128<float> addend = Next(), left = Next(), right = Next();
            Assert.Equal(Vector128.FusedMultiplyAdd(left, Vector128.Create(right[0]), addend), KernelMath.FmaLane(addend, left, right, 0));
            Assert.Equal(Vector128.FusedMultiplyAdd(left, Vector128.Create(right[1]), addend), KernelMath.FmaLane(addend, left, right, 1));
            Assert.Equal(Vector128.FusedMultiplyAdd(left, Vector128.Create(right[2]), addend), KernelMath.FmaLane(addend, left, right, 2));
            Assert.Equal(Vector128.FusedMultiplyAdd(left, Vector128.Create(right[3]), addend), KernelMath.FmaLane(addend, left, right, 3));
            Assert.Equal(Vector128.FusedMultiplyAdd(left, right, addend), KernelMath.Fma(addend, left, right));
            if (KernelMath.Fma(addend, left, right) != left * right + addend)
                unfusedDiffers++;
        }
        // Fused, one rounding: a multiply then an add rounds twice and differs in some lanes of these random values.
        Assert.True(unfusedDiffers > 0);
    }
}
