using System;
using System.Collections.Generic;
using System.Linq;

namespace MobileNet.Generator.Kernels.Depthwise;

/// <summary>
/// Output pixels [<see cref="First"/>, <see cref="End"/>) of the rows in tiles of <see cref="Pixels"/>, each
/// unrolled: one tile at a fixed place (a border column, whose padding taps are left out, or a short run of
/// inside ones), or a loop over the inside columns whose last tile, where they are not a multiple of the
/// tile, is moved back to end at <see cref="End"/> and redoes <see cref="Overlap"/> pixels: the same values
/// again, so one loop body serves where a remainder tile would double the code.
/// </summary>
internal sealed record DepthwiseChunk(int First, int End, int Pixels)
{
    /// <summary>The tiles the chunk takes: 1 for a fixed one.</summary>
    public int Repeat => (End - First + Pixels - 1) / Pixels;

    /// <summary>Pixels the last tile of a loop computes a second time.</summary>
    public int Overlap => Repeat * Pixels - (End - First);
}

/// <summary>
/// One vector-width branch: the vectors of channels it uses (<see cref="Parts"/>: the widest that fits, then
/// 128-bit vectors for channels left over) and the chunks of pixels it covers a row with.
/// </summary>
internal sealed record DepthwiseBranch(VectorWidth Branch, IReadOnlyList<VectorWidth> Parts, IReadOnlyList<DepthwiseChunk> Chunks);

/// <summary>
/// A 3×3 depthwise convolution of <see cref="OutRows"/> output rows at a time (rows of <see cref="InW"/> →
/// <see cref="OutW"/> pixels, <see cref="Layout"/>'s channels): the border columns, the loop order, and one
/// branch per vector width.
/// </summary>
/// <param name="PixelsOutside">Chunks of pixels outside and vectors of channels inside, rather than the other way round.</param>
internal sealed record DepthwiseSchedule(DepthwiseLayout Layout, int OutRows, int InW, int OutW, int Stride, int PadLeft, int First, int End,
    bool PixelsOutside, IReadOnlyList<DepthwiseBranch> Branches)
{
    /// <summary>The input rows the window reads for the output rows.</summary>
    public int InputRows => Window.InputRows(OutRows, Stride);

    /// <summary>Output rows the filter makes at a time: two where there are two.</summary>
    public static int RowsAtOnce(int outH) => Math.Min(2, outH);

    /// <summary>
    /// The row counts the filter covers <paramref name="outH"/> output rows with: 2 (in a loop) and, if odd, 1.
    /// Two output rows read four input rows at stride 1 (five at stride 2) instead of six.
    /// </summary>
    public static int[] RowCounts(int outH) => new[] { 2, 1 }.Where(r => r == 2 ? outH >= 2 : outH % 2 != 0).ToArray();

    /// <summary>The L1 data cache the schedule plans for: 32 KiB (ARM Cortex-A7x, most x64; Zen 5 has 48).</summary>
    public const int L1Bytes = 32 * 1024;

    /// <summary>Each branch's widest chunk, output rows × pixels unrolled: "2×8 | 2×2 | 2×4", for the docs.</summary>
    public string Tiles => string.Join(" | ", Branches.Select(b => $"{OutRows}×{b.Chunks.Max(c => c.Pixels)}"));

    public static DepthwiseSchedule Choose(DepthwiseLayout layout, int outRows, int inW, int outW, int stride, int padLeft, IReadOnlyList<VectorWidth> widths)
    {
        int channels = layout.Stride;
        (int first, int end) = Window.InsideColumns(inW, outW, 3, stride, padLeft);
        // While the three input rows fit in L1, channels go outside and pixels inside: each vector's taps
        // are loaded once per row. Beyond that, sweeping a row once per vector of channels strides
        // through memory (the prefetchers lose it, and where a pixel spans a multiple of 1 KiB, the row
        // falls into a few L1 sets), so chunks of pixels go outside and channels inside, taps reloaded per
        // chunk. Measured per layer: V1 1.0-224 56×56×128 28 → 40 GMAC/s, V2 1.0-224 3.43 → 3.18 ms;
        // V1 0.5-160 20×20×128 (30 KiB of rows) 87 → 65 GMAC/s the other way round.
        bool pixelsOutside = 3 * inW * channels * sizeof(float) > L1Bytes;
        var branches = widths.Select(branch =>
        {
            VectorWidth width = VectorWidth.Narrower(branch, x => x.Lanes <= channels);
            VectorWidth[] parts = channels % width.Lanes == 0 ? [width] : [width, VectorWidth.W128 with { Optimized = branch.Optimized }];
            return new DepthwiseBranch(branch, parts, Chunks(branch, outRows, outW, first, end));
        }).ToArray();
        return new DepthwiseSchedule(layout, outRows, inW, outW, stride, padLeft, first, end, pixelsOutside, branches);
    }

    /// <summary>
    /// The border columns one by one (without their padding taps), and the inside columns in even tiles of up
    /// to 8 pixels (2 for two rows, 5 for one, with AVX2's 16 registers: one accumulator per output beside
    /// the bias, nine taps and the input value), looped. A 56-pixel row at 512 bits: 1, 7 × 8 over 54
    /// (redoing 2), 1. Border tiles as wide as the inside ones tripled the code for no speed. A row no wider
    /// than a tile is one tile.
    /// </summary>
    private static List<DepthwiseChunk> Chunks(VectorWidth branch, int outRows, int outW, int first, int end)
    {
        int most = Math.Max(1, Math.Min(8, (branch.Registers - 11) / outRows));
        if (outW <= most)
            return [new DepthwiseChunk(0, outW, outW)]; // a narrow row in one tile: a border pixel alone would wait on its few FMAs
        var chunks = new List<DepthwiseChunk>();
        for (int ox = 0; ox < first; ox++)
            chunks.Add(new DepthwiseChunk(ox, ox + 1, 1));
        if (end > first)
            chunks.Add(new DepthwiseChunk(first, end, Rendering.EvenTile(end - first, most)));
        for (int ox = end; ox < outW; ox++)
            chunks.Add(new DepthwiseChunk(ox, ox + 1, 1));
        return chunks;
    }
}
