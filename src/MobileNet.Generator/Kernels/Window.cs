using System;

namespace MobileNet.Generator.Kernels;

/// <summary>Where a sliding window lies over its input: what the stem and the depthwise kernels unroll by.</summary>
internal static class Window
{
    /// <summary>The input rows a 3×3 window reads for <paramref name="outRows"/> consecutive output rows.</summary>
    public static int InputRows(int outRows, int stride) => (outRows - 1) * stride + 3;

    /// <summary>
    /// The output columns [first, end) whose window lies inside the image (no padding tap): the others are
    /// border columns, few and known at generation, which the kernels emit one by one without their padding taps.
    /// </summary>
    public static (int First, int End) InsideColumns(int inW, int outW, int kernelW, int strideW, int padLeft)
    {
        int first = Math.Min(outW, (padLeft + strideW - 1) / strideW);
        int lastWindow = inW - kernelW + padLeft; // where the last inside window starts, times the stride
        return (first, lastWindow < 0 ? first : Math.Max(first, Math.Min(outW, lastWindow / strideW + 1)));
    }
}
