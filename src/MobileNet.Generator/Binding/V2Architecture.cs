using System;
using System.Collections.Generic;
using System.Linq;

namespace MobileNet.Generator.Binding;

/// <summary>MobileNet V2 as the paper's Table 2 defines it (MOBILENET_SPEC.md §2): inverted residual bottlenecks with linear projections.</summary>
internal static class V2Architecture
{
    public const int StemChannels = 32, LastChannels = 1280;

    /// <summary>The width multipliers of the published V2 checkpoints.</summary>
    public static readonly IReadOnlyList<double> PublishedAlphas = [0.35, 0.5, 0.75, 1.0, 1.3, 1.4];

    /// <summary>Each row of Table 2: expansion t, output channels c at α = 1, repeats n, stride s of the first repeat.</summary>
    public static readonly IReadOnlyList<(int Expansion, int Channels, int Repeats, int Stride)> Rows =
    [
        (1, 16, 1, 1), (6, 24, 2, 2), (6, 32, 3, 2), (6, 64, 4, 2), (6, 96, 3, 1), (6, 160, 3, 2), (6, 320, 1, 1),
    ];

    /// <summary>The 17 bottlenecks in order: expansion, output channels at α = 1, stride.</summary>
    public static IEnumerable<(int Expansion, int Channels, int Stride)> Blocks() =>
        Rows.SelectMany(r => Enumerable.Range(0, r.Repeats).Select(i => (r.Expansion, r.Channels, i == 0 ? r.Stride : 1)));

    /// <summary>
    /// The widths <paramref name="channels"/>·α may have: TF and torchvision round with
    /// <c>make_divisible(c·α, 8)</c>, Keras with <c>make_divisible(int(c·α), 8)</c>; they agree at the
    /// released α values and either is accepted elsewhere.
    /// </summary>
    public static int[] ChannelOptions(int channels, double alpha) =>
        new[] { V1Architecture.MakeDivisible(channels * alpha, 8), V1Architecture.MakeDivisible((int)(channels * alpha), 8) }.Distinct().OrderBy(c => c).ToArray();

    /// <summary>The last 1×1 conv keeps 1280 channels up to α = 1 and widens above (1664 at 1.3, 1792 at 1.4).</summary>
    public static int[] LastChannelOptions(double alpha) => alpha > 1 ? ChannelOptions(LastChannels, alpha) : [LastChannels];
}
