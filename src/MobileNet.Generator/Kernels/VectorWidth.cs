using System.Collections.Generic;
using System.Linq;

namespace MobileNet.Generator.Kernels;

/// <summary>
/// A vector width the emitted code can take, the register tile a GEMM uses at that width, and the vector
/// registers of the targets that take its branch (AVX-512 and NEON 32, AVX2 16). <see cref="Optimized"/> says
/// whether the build optimises (Release): only then does the JIT inline the runtime's short-named helpers.
/// </summary>
internal sealed record VectorWidth(string Vector, int Lanes, int BlocksPerTile, int Rows, int Registers, bool Optimized = true)
{
    // Register tiles (pixels × output channels) for the file of each target: AVX-512 has 32 registers and
    // two 512-bit FMA pipes, so 8 pixels × 48 channels (24 accumulators; 8 broadcasts and 3 loads per 24
    // FMAs: 8 × 32 reached 113-116 GMAC/s on V1 1.0-224's 1×1 layers, this 119-123, the peak being 123);
    // AVX2 has 16, so 6 × 16 (12 accumulators); the 128-bit path is NEON's, with 32 registers: 4 × 16.
    public static readonly VectorWidth W512 = new("Vector512", 16, 3, 8, 32), W256 = new("Vector256", 8, 1, 6, 16), W128 = new("Vector128", 4, 1, 4, 32);

    /// <summary>The branches every kernel has, widest first; the JIT and NativeAOT keep only the one the target takes (ARM64: the 128-bit one).</summary>
    public static readonly IReadOnlyList<VectorWidth> All = [W512, W256, W128];

    /// <summary>
    /// The classifier's: a GEMM of one pixel has no pixels to share a weight, so several blocks of outputs
    /// at a time instead, four accumulators and four weight streams at every width.
    /// </summary>
    public static readonly IReadOnlyList<VectorWidth> Classifier = [W512 with { BlocksPerTile = 4, Rows = 1 }, W256 with { BlocksPerTile = 2, Rows = 1 }, W128 with { Rows = 1 }];

    /// <summary>
    /// The branches worth writing for a build for <paramref name="runtimeIdentifier"/>: on ARM64 (JIT or
    /// NativeAOT) only 128-bit vectors are accelerated, so its builds get the NEON branch alone. A NativeAOT
    /// build for x64 compiles for its <paramref name="aotInstructionSet"/>: with AVX2 in it (x86-64-v3) the
    /// 256-bit branch is the one taken, with AVX-512 (x86-64-v4) the 512- or the 256-bit one, whichever the
    /// runtime prefers. Any other build, or one for no particular machine ("native" included), keeps all
    /// three, as its code may meet any x64 CPU.
    /// </summary>
    /// <param name="optimized">False for a build that does not optimise (Debug): its widths say so, and its kernels are spelled for it.</param>
    public static IReadOnlyList<VectorWidth> For(string? runtimeIdentifier, string? aotInstructionSet = null, bool optimized = true)
    {
        IReadOnlyList<VectorWidth> widths = Branches(runtimeIdentifier, aotInstructionSet);
        return optimized ? widths : widths.Select(w => w with { Optimized = false }).ToArray();
    }

    private static IReadOnlyList<VectorWidth> Branches(string? runtimeIdentifier, string? aotInstructionSet)
    {
        if (runtimeIdentifier is not null && runtimeIdentifier.EndsWith("-arm64", System.StringComparison.OrdinalIgnoreCase))
            return [W128];
        string[] sets = (aotInstructionSet ?? "").ToLowerInvariant().Split([',', ' '], System.StringSplitOptions.RemoveEmptyEntries);
        if (sets.Any(s => s.StartsWith("avx512") || s.EndsWith("-v4")))
            return [W512, W256];
        if (sets.Any(s => s == "avx2" || s.EndsWith("-v3")))
            return [W256];
        return All;
    }

    /// <summary>The classifier's tiles for the branches in <paramref name="widths"/>.</summary>
    public static IReadOnlyList<VectorWidth> ClassifierFor(IReadOnlyList<VectorWidth> widths) =>
        widths.SelectMany(w => Classifier.Where(c => c.Lanes == w.Lanes).Select(c => c with { Optimized = w.Optimized })).ToArray();

    public string IsAccelerated => $"{Vector}.IsHardwareAccelerated";

    /// <summary>The vector registers a GEMM tile at this width keeps as accumulators: the budget other tiles size themselves by.</summary>
    public int Accumulators => Rows * BlocksPerTile * Gemm.GemmLayout.Block / Lanes;

    /// <summary>The widest width no wider than <paramref name="branch"/> whose vectors divide <paramref name="channels"/>.</summary>
    public static VectorWidth WidestDividing(VectorWidth branch, int channels) => Narrower(branch, x => channels % x.Lanes == 0);

    /// <summary>The widest width no wider than <paramref name="branch"/> that <paramref name="fits"/>, built as the branch is (optimised or not).</summary>
    public static VectorWidth Narrower(VectorWidth branch, System.Func<VectorWidth, bool> fits) =>
        All.First(x => x.Lanes <= branch.Lanes && fits(x)) with { Optimized = branch.Optimized };

    /// <summary>
    /// One multiply-accumulate, <c>acc += x × k</c> rounded once, at the width of its arguments. Optimised
    /// builds call the runtime's <c>KernelMath.Fma</c> (addend first, as NEON's <c>vfmaq_f32</c>): a network's
    /// kernels make thousands of these calls, and the short name keeps the source small. An unoptimised build
    /// would call it rather than inline it, so it gets the BCL intrinsic, which the JIT expands even there.
    /// </summary>
    public string Fma(string x, string k, string acc) => Optimized ? $"{acc} = Fma({acc}, {x}, {k});" : $"{acc} = FusedMultiplyAdd({x}, {k}, {acc});";
}
