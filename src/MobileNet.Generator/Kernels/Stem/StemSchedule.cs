using System;
using System.Collections.Generic;
using System.Linq;

namespace MobileNet.Generator.Kernels.Stem;

/// <summary>One vector-width branch of the stem: vectors of <see cref="Width"/> (the widest that divides the channels), <see cref="Columns"/> of them, tiles of up to <see cref="TileRows"/> pixels.</summary>
internal sealed record StemBranch(VectorWidth Branch, VectorWidth Width, int Columns, int TileRows);

/// <summary>
/// The stem convolution over an <see cref="InH"/>×<see cref="InW"/> image into <see cref="OutH"/>×<see cref="OutW"/>:
/// its border columns [0, <see cref="First"/>) and [<see cref="End"/>, OutW), which get one-pixel tiles
/// without their padding taps, and one branch per vector width.
/// </summary>
internal sealed record StemSchedule(StemLayout Layout, int InH, int InW, int OutH, int OutW, int Stride, int PadTop, int PadLeft, int First, int End,
    IReadOnlyList<StemBranch> Branches)
{
    /// <summary>Each branch's register tile, pixels × output channels: "8×32 | 6×32 | 4×32", for the docs.</summary>
    public string Tiles => string.Join(" | ", Branches.Select(b => $"{b.TileRows}×{Layout.OutStride}"));

    public static StemSchedule Choose(StemLayout layout, int inH, int inW, int outH, int outW, int stride, int padTop, int padLeft, IReadOnlyList<VectorWidth> widths)
    {
        (int first, int end) = Window.InsideColumns(inW, outW, layout.KernelW, stride, padLeft);
        // The widest vector that divides the channels, and as many pixels as the branch's accumulators allow.
        var branches = widths.Select(branch =>
        {
            VectorWidth width = VectorWidth.WidestDividing(branch, layout.OutStride);
            int columns = layout.OutStride / width.Lanes;
            return new StemBranch(branch, width, columns, Math.Max(1, Math.Min(8, branch.Accumulators / columns)));
        }).ToArray();
        // A branch that would write the same code as the next narrower one is left out: that one's check holds
        // wherever the wider one's does (8 channels take 256-bit vectors in 8-pixel tiles at 512 bits and at 256).
        branches = branches.Where((b, i) => i == branches.Length - 1 || (b.Width, b.Columns, b.TileRows) != (branches[i + 1].Width, branches[i + 1].Columns, branches[i + 1].TileRows)).ToArray();
        return new StemSchedule(layout, inH, inW, outH, outW, stride, padTop, padLeft, first, end, branches);
    }
}
