using System;
using System.Collections.Generic;
using System.Linq;

namespace MobileNet.Generator.Kernels.Gemm;

/// <summary>What a pass of a GEMM holds in its tiles' last column.</summary>
internal enum GemmPassKind
{
    /// <summary>Whole blocks of 16 output channels.</summary>
    Blocks,
    /// <summary>Whole blocks, the last 512-bit column of which holds only 8 channels, stored as its lower half.</summary>
    HalfLastColumn,
    /// <summary>The last channels, fewer than a block, in the widest vectors that divide them.</summary>
    Tail,
}

/// <summary>How a GEMM tile takes its input pixels' channels.</summary>
internal enum GemmInput
{
    /// <summary>One input channel a step: each pixel's value loaded and broadcast to a vector.</summary>
    Broadcast,
    /// <summary>
    /// Four input channels a step: one vector load per pixel, each lane the multiplier of one channel's FMAs
    /// (NEON's FMLA by element): no broadcasts, and a quarter of the input loads.
    /// </summary>
    Lanes,
}

/// <summary>
/// One pass over all the pixels: tiles of <see cref="TileRows"/> pixels × <see cref="Columns"/> vectors of
/// <see cref="Width"/> (<see cref="Blocks"/> blocks of output channels), <see cref="Repeat"/> times over
/// consecutive blocks (a loop when more than once), reading the input as <see cref="Input"/> says.
/// </summary>
internal sealed record GemmPass(GemmPassKind Kind, int Blocks, int Repeat, VectorWidth Width, int Columns, int TileRows, GemmInput Input)
{
    /// <summary>Input channels a step of a <see cref="GemmInput.Lanes"/> tile reads: one per lane of a 128-bit vector.</summary>
    public const int LaneStep = 4;
}

/// <summary>How one vector-width branch of a GEMM covers the output channels: its passes, in order.</summary>
internal sealed record GemmBranch(VectorWidth Width, IReadOnlyList<GemmPass> Passes);

/// <summary>
/// A GEMM of <see cref="Pixels"/> pixels on weights packed as <see cref="Layout"/>, one branch per vector width,
/// writing pixels <see cref="OutputStride"/> floats apart: the layout's output channels, or more where the GEMM
/// makes a run of a layer's blocks of channels (a unit of a layer split by channels).
/// </summary>
internal sealed record GemmSchedule(int Pixels, GemmLayout Layout, IReadOnlyList<GemmBranch> Branches, int OutputStride)
{
    /// <summary>Output channels in the last, partial block (0 when the blocks are whole).</summary>
    public int Rest => Layout.OutStride % GemmLayout.Block;

    /// <summary>
    /// The first pass's register tile in each branch, pixels × output channels, and "by lane" where it reads
    /// four input channels a step: "8×48 | 6×16 | 4×16 by lane", for the docs.
    /// </summary>
    public string Tiles => string.Join(" | ", Branches.Select(b => $"{b.Passes[0].TileRows}×{b.Passes[0].Columns * b.Passes[0].Width.Lanes}{(b.Passes[0].Input == GemmInput.Lanes ? " by lane" : "")}"));

    /// <summary>Chooses the passes and tiles of every branch in <paramref name="widths"/>.</summary>
    /// <param name="outputStride">Floats between output pixels: the layout's output channels unless given.</param>
    public static GemmSchedule Choose(int pixels, GemmLayout layout, IReadOnlyList<VectorWidth> widths, int? outputStride = null) =>
        new(pixels, layout, widths.Select(width => new GemmBranch(width, Passes(pixels, layout, width))).ToArray(), outputStride ?? layout.OutStride);

    private static List<GemmPass> Passes(int pixels, GemmLayout layout, VectorWidth width)
    {
        int full = layout.OutStride / GemmLayout.Block, rest = layout.OutStride % GemmLayout.Block;
        // The 128-bit branch is NEON's: its FMAs take the multiplier from a lane, so they read four input
        // channels a step where the channels come in whole vectors. x64 shuffles instead of loading a
        // broadcast there, but only CPUs without AVX2 take that branch on x64. An unoptimised build would call
        // KernelMath.FmaLane rather than inline it, so it broadcasts (the same results).
        GemmInput input = width.Optimized && width.Lanes == GemmPass.LaneStep && layout.InStride % GemmPass.LaneStep == 0 ? GemmInput.Lanes : GemmInput.Broadcast;
        var passes = new List<GemmPass>();
        // With 512-bit vectors a last block of 8 channels joins the last tile as a half-used column
        // (its weights are padded with zeros): each broadcast then feeds it too, instead of a second
        // pass over the pixels for it alone. V2's 24-channel projections are such layers.
        bool joined = width.Lanes == 16 && rest == 8;
        int[] groups = BlockGroups(full + (joined ? 1 : 0), width);
        for (int i = 0; i < groups.Length;)
        {
            // Equal passes in a loop; the one that holds the half column on its own.
            bool Half(int k) => joined && k == groups.Length - 1;
            int blocks = groups[i], count = 1;
            while (i + count < groups.Length && groups[i + count] == blocks && !Half(i + count))
                count++;
            int columns = blocks * GemmLayout.Block / width.Lanes;
            // As many pixels as the width's accumulators hold at this many columns (a pass of fewer blocks
            // takes more pixels, so that it keeps as many FMA chains).
            passes.Add(new GemmPass(Half(i) ? GemmPassKind.HalfLastColumn : GemmPassKind.Blocks, blocks, count, width, columns,
                TileRows(pixels, Math.Max(1, width.Accumulators / columns)), input));
            i += count;
        }
        if (rest > 0 && !joined)
        {
            // A last block that is not full: the widest vectors that divide what is left, as many pixels as the branch's.
            VectorWidth tail = VectorWidth.WidestDividing(width, rest) with { Rows = width.Rows };
            passes.Add(new GemmPass(GemmPassKind.Tail, 1, 1, tail, rest / tail.Lanes, TileRows(pixels, tail.Rows), input));
        }
        return passes;
    }

    /// <summary>
    /// The pixels per tile for tiles at most <paramref name="height"/> high, in as few tiles as that allows,
    /// as even as possible: 49 pixels go 7 × 7, not 6 × 8 + 1 (a one-pixel tile is one FMA chain per
    /// column, bound by FMA latency).
    /// </summary>
    private static int TileRows(int pixels, int height)
    {
        int tiles = (pixels + height - 1) / height;
        return (pixels + tiles - 1) / tiles;
    }

    /// <summary>
    /// The blocks of 16 output channels each pass over the pixels takes: the width's tile, then what is left
    /// as one narrower pass. A single block left over joins the pass before it while that wider tile still
    /// has a row of pixels (at 512 bits, 4 columns × 6 pixels instead of 3 × 8 and 1 × 24): a one-column
    /// tile spends a broadcast on every FMA. V1's 64-, 256- and 1024-channel layers have such a block.
    /// </summary>
    private static int[] BlockGroups(int total, VectorWidth width)
    {
        int per = width.BlocksPerTile, passes = total / per, left = total % per;
        if (left == 0)
            return Enumerable.Repeat(per, passes).ToArray();
        if (left == 1 && passes > 0 && (per + 1) * GemmLayout.Block / width.Lanes <= width.Accumulators)
            return Enumerable.Repeat(per, passes - 1).Append(per + 1).ToArray();
        return Enumerable.Repeat(per, passes).Append(left).ToArray();
    }
}
