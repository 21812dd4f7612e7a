using System;
using System.Linq;

namespace MobileNet.Generator.Planning;

/// <summary>What the parts of a split layer divide between them.</summary>
internal enum SplitAxis
{
    /// <summary>Not split: the calling thread runs the layer alone.</summary>
    None,
    /// <summary>Output rows: each part reads the input rows under its own (its windows reach one row past each end) and all the weights.</summary>
    Rows,
    /// <summary>Blocks of 16 output channels: each part reads the whole input and the weights of its own channels only.</summary>
    Channels,
}

/// <summary>
/// How a layer's work is divided between the threads of an <c>InferenceThreads</c> set: into <see cref="Units"/>
/// units of <see cref="PerUnit"/> output rows or blocks of output channels, of which each of at most
/// <see cref="MaxParts"/> parts takes a run of consecutive ones (<c>InferenceThreads.Range</c>). Every output is
/// computed by one part, in the order one thread computes it, so every thread count gives the same bits.
/// </summary>
internal sealed record LayerSplit(SplitAxis Axis, int Units, int PerUnit, int MaxParts)
{
    /// <summary>The calling thread alone: the layer costs less than a step between threads would save.</summary>
    public static readonly LayerSplit Alone = new(SplitAxis.None, 1, 0, 1);

    /// <summary>The most parts a layer is split into: the plan is made for sets of 2, 4 and 8 threads, and a larger set leaves the rest idle.</summary>
    public const int MostParts = 8;

    /// <summary>
    /// The least work worth a part: 256 Ki multiply-accumulates, about 6 µs at the 40 GMAC/s of a 256-bit FMA
    /// core and 60 µs on a Cortex-A55, against a step that costs about 1 µs on two threads (up to 16 µs where
    /// the threads outnumber the cores). A smaller layer gets fewer parts, or runs alone.
    /// </summary>
    public const long PartMacs = 256 * 1024;

    /// <summary>
    /// How many GEMM multiply-accumulates one of a depthwise filter's is worth in time: its nine taps per output
    /// feed one FMA chain from loads and shuffles, and it runs at a quarter of a GEMM's rate or less (5–10 against
    /// 40–50 GMAC/s, measured on x64).
    /// </summary>
    public const int DepthwiseCost = 4;

    /// <summary>The thread counts the layer table states the split for.</summary>
    public static readonly int[] Documented = [2, 4, 8];

    public bool Split => MaxParts > 1;

    /// <summary>
    /// The split of <paramref name="units"/> units of <paramref name="perUnit"/> rows or channel blocks along
    /// <paramref name="axis"/> for a layer of <paramref name="work"/> (multiply-accumulates, a depthwise filter's
    /// weighed by <see cref="DepthwiseCost"/>): as many parts as the units and the work allow, up to
    /// <see cref="MostParts"/>; alone below two.
    /// </summary>
    /// <param name="halo">
    /// The work each part after the first repeats: a streamed layer's part makes the rows its windows reach, so
    /// the rows at the edge of two parts' bands are made twice. Parts are added while what they repeat stays
    /// within <see cref="MostRepeated"/> of the layer's work.
    /// </param>
    public static LayerSplit Choose(SplitAxis axis, int units, int perUnit, long work, long halo = 0)
    {
        int parts = (int)Math.Min(Math.Min(MostParts, units), work / PartMacs);
        while (parts > 1 && (parts - 1) * halo > work * MostRepeated)
            parts--;
        return parts < 2 ? Alone : new LayerSplit(axis, units, perUnit, parts);
    }

    /// <summary>The share of a layer's work its parts may repeat between them: a quarter.</summary>
    public const double MostRepeated = 0.25;

    /// <summary>
    /// Units that <see cref="MostParts"/> parts can share evenly: <paramref name="count"/> rows or blocks in at most
    /// <see cref="MostParts"/> units of as many each, the last perhaps fewer. 112 rows → 8 units of 14; 63 blocks → 8 of 8, the last 7.
    /// </summary>
    public static (int Units, int PerUnit) Even(int count)
    {
        int per = (count + MostParts - 1) / MostParts;
        return ((count + per - 1) / per, per);
    }

    /// <summary>For the layer table: "rows 2·4·8", "channels 2·4·4" (the parts for 2, 4 and 8 threads), "caller".</summary>
    public string Describe() => Axis == SplitAxis.None ? "caller"
        : $"{(Axis == SplitAxis.Rows ? "rows" : "channels")} {string.Join("·", Documented.Select(n => Math.Min(n, MaxParts)))}";
}
