using System;
using System.Collections.Generic;
using System.Linq;

namespace MobileNet.Generator.Binding;

/// <summary>MobileNet V1 as the paper defines it (MOBILENET_SPEC.md §1): a 3×3 stride-2 stem and 13 depthwise-separable blocks.</summary>
internal static class V1Architecture
{
    public const int StemChannels = 32;

    /// <summary>The width multipliers of the published V1 checkpoints.</summary>
    public static readonly IReadOnlyList<double> PublishedAlphas = [0.25, 0.5, 0.75, 1.0];

    /// <summary>Each block's depthwise stride and pointwise output channels at α = 1.</summary>
    public static readonly IReadOnlyList<(int Stride, int Channels)> Blocks =
    [
        (1, 64), (2, 128), (1, 128), (2, 256), (1, 256), (2, 512),
        (1, 512), (1, 512), (1, 512), (1, 512), (1, 512), (2, 1024), (1, 1024),
    ];

    /// <summary>
    /// The channel counts that width <paramref name="channels"/>·α may have: TF-slim rounds to
    /// <c>max(int(c·α), 8)</c>, Keras to <c>int(c·α)</c>, timm to a multiple of 8. They agree for
    /// α ∈ {0.25, 0.5, 0.75, 1}; elsewhere any of them is accepted.
    /// </summary>
    public static int[] ChannelOptions(int channels, double alpha)
    {
        double scaled = channels * alpha;
        int truncated = (int)scaled;
        return new[] { Math.Max(truncated, 8), truncated, MakeDivisible(scaled, 8) }.Where(c => c > 0).Distinct().OrderBy(c => c).ToArray();
    }

    /// <summary>Rounds to a multiple of <paramref name="divisor"/> without dropping more than 10 % (TensorFlow's _make_divisible).</summary>
    public static int MakeDivisible(double value, int divisor)
    {
        int rounded = Math.Max(divisor, (int)(value + divisor / 2.0) / divisor * divisor);
        return rounded < 0.9 * value ? rounded + divisor : rounded;
    }

    /// <summary>The output size of a stride-<paramref name="stride"/> layer in every convention the spec lists: ceil(n / s).</summary>
    public static int Downsample(int size, int stride) => (size + stride - 1) / stride;
}
