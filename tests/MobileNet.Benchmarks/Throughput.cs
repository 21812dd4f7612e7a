using System;
using System.Diagnostics;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace MobileNet.Benchmarks;

/// <summary>
/// This core's fp32 FMA peak, measured rather than assumed: 12 independent FusedMultiplyAdd chains (more
/// than two FMA pipes × their latency of 4-5 cycles need), best of several runs. Twelve chains and the two
/// operands fit AVX2's 16 vector registers: with 16 chains the JIT kept two of them on the stack there,
/// and the "peak" came out below what the networks themselves reach. <c>--peak</c> prints every accelerated
/// width; the benchmark's "% of peak" column divides by the widest one the runtime accelerates, so a run
/// with <c>DOTNET_PreferredVectorBitWidth=128</c> is measured against the 128-bit peak.
/// </summary>
internal static class PeakThroughput
{
    private const int Iterations = 4_000_000, Chains = 12;

    private static readonly Lazy<(int Bits, double Gmacs)> WidestMeasured = new(() => Measured().First());

    public static (int Bits, double Gmacs) Widest => WidestMeasured.Value;

    /// <summary>Each accelerated width, widest first, with its measured GMAC/s.</summary>
    public static (int Bits, double Gmacs)[] Measured()
    {
        var widths = new (int Bits, bool Accelerated, Func<double> Measure)[]
        {
            (512, Vector512.IsHardwareAccelerated, () => Measure<Vector512<float>, Fma512>(Vector512.Create(0.999f), Vector512.Create(1e-6f), Vector512<float>.Count)),
            (256, Vector256.IsHardwareAccelerated, () => Measure<Vector256<float>, Fma256>(Vector256.Create(0.999f), Vector256.Create(1e-6f), Vector256<float>.Count)),
            (128, Vector128.IsHardwareAccelerated, () => Measure<Vector128<float>, Fma128>(Vector128.Create(0.999f), Vector128.Create(1e-6f), Vector128<float>.Count)),
        };
        return widths.Where(w => w.Accelerated).Select(w => (w.Bits, w.Measure())).ToArray();
    }

    public static void Print()
    {
        foreach ((int bits, double gmacs) in Measured())
            Console.WriteLine($"{bits}-bit FMA: {gmacs:F1} GMAC/s (one core, best of 5)");
    }

    private static double Measure<T, TFma>(T m, T c, int lanes) where T : struct where TFma : struct, IFma<T>
    {
        double best = 0;
        for (int run = 0; run < 6; run++)
        {
            long start = Stopwatch.GetTimestamp();
            T sink = Chains12<T, TFma>(m, c);
            double seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
            GC.KeepAlive(sink);
            if (run > 0) // the first run compiles and warms up
                best = Math.Max(best, (double)Iterations * Chains * lanes / seconds / 1e9);
        }
        return best;
    }

    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static T Chains12<T, TFma>(T m, T c) where T : struct where TFma : struct, IFma<T>
    {
        T a0 = c, a1 = c, a2 = c, a3 = c, a4 = c, a5 = c, a6 = c, a7 = c, a8 = c, a9 = c, a10 = c, a11 = c;
        for (int i = 0; i < Iterations; i++)
        {
            a0 = TFma.Fma(a0, m, c); a1 = TFma.Fma(a1, m, c); a2 = TFma.Fma(a2, m, c); a3 = TFma.Fma(a3, m, c);
            a4 = TFma.Fma(a4, m, c); a5 = TFma.Fma(a5, m, c); a6 = TFma.Fma(a6, m, c); a7 = TFma.Fma(a7, m, c);
            a8 = TFma.Fma(a8, m, c); a9 = TFma.Fma(a9, m, c); a10 = TFma.Fma(a10, m, c); a11 = TFma.Fma(a11, m, c);
        }
        // Fold the chains into one (a0 * a1 + a2, ...), so that none is dead code.
        T x = TFma.Fma(a0, a1, a2), y = TFma.Fma(a3, a4, a5), z = TFma.Fma(a6, a7, a8), u = TFma.Fma(a9, a10, a11);
        return TFma.Fma(TFma.Fma(x, y, z), u, m);
    }
}

/// <summary>One FusedMultiplyAdd at a width, as a static interface method so that the JIT inlines it per instantiation.</summary>
internal interface IFma<T>
{
    static abstract T Fma(T a, T b, T c);
}

internal readonly struct Fma512 : IFma<Vector512<float>>
{
    public static Vector512<float> Fma(Vector512<float> a, Vector512<float> b, Vector512<float> c) => Vector512.FusedMultiplyAdd(a, b, c);
}

internal readonly struct Fma256 : IFma<Vector256<float>>
{
    public static Vector256<float> Fma(Vector256<float> a, Vector256<float> b, Vector256<float> c) => Vector256.FusedMultiplyAdd(a, b, c);
}

internal readonly struct Fma128 : IFma<Vector128<float>>
{
    public static Vector128<float> Fma(Vector128<float> a, Vector128<float> b, Vector128<float> c) => Vector128.FusedMultiplyAdd(a, b, c);
}

/// <summary>A report column computed from a benchmark's median: GMAC/s, or that as a share of <see cref="PeakThroughput"/>.</summary>
internal sealed class ThroughputColumn(bool shareOfPeak) : IColumn
{
    public static readonly IColumn Gmacs = new ThroughputColumn(false), PercentOfPeak = new ThroughputColumn(true);

    public string Id => nameof(ThroughputColumn) + (shareOfPeak ? ".Peak" : ".Gmacs");
    public string ColumnName => shareOfPeak ? "% of peak" : "GMAC/s";
    public bool AlwaysShow => true;
    public ColumnCategory Category => ColumnCategory.Custom;
    public int PriorityInCategory => shareOfPeak ? 1 : 0;
    public bool IsNumeric => true;
    public UnitType UnitType => UnitType.Dimensionless;
    public string Legend => shareOfPeak
        ? "GMAC/s as a share of this core's measured FMA peak at the widest accelerated vector width"
        : "Multiply-accumulates (the papers' count) per second at the median latency, in billions";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        if (summary[benchmarkCase]?.ResultStatistics is not { } statistics
            || !Catalog.Networks.TryGetValue(benchmarkCase.Descriptor.Type.Name, out (string Label, long Macs) network))
            return "-";
        double gmacs = network.Macs / statistics.Median; // MACs per nanosecond
        if (!shareOfPeak)
            return gmacs.ToString("F1", System.Globalization.CultureInfo.InvariantCulture);
        (int bits, double peak) = PeakThroughput.Widest;
        return $"{100 * gmacs / peak:F0} % of {bits}-bit {peak:F0}";
    }

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
    public bool IsAvailable(Summary summary) => true;
}
