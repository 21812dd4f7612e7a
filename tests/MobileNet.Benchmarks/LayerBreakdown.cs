using System;
using System.Diagnostics;
using System.Linq;

namespace MobileNet.Benchmarks;

/// <summary>
/// The per-layer breakdown (<c>--layers</c>): each network's generated RunProfiled, which times every
/// layer with Stopwatch, run many times after a warm-up; prints each layer's mean time and GMAC/s.
/// </summary>
internal static class LayerBreakdown
{
    private delegate void RunNetwork(ReadOnlySpan<float> input, Span<float> output, Span<float> workspace);

    public static void Print(int runs)
    {
        Print("V1 0.25-128 (Coral)", V1_025_128.InputLength, V1_025_128.OutputLength, V1_025_128.WorkspaceLength, V1_025_128.RunProfiled, V1_025_128.LayerNames, V1_025_128.LayerMacs, V1_025_128.LayerTicks, runs);
        Print("V1 0.5-160 (Coral)", V1_05_160.InputLength, V1_05_160.OutputLength, V1_05_160.WorkspaceLength, V1_05_160.RunProfiled, V1_05_160.LayerNames, V1_05_160.LayerMacs, V1_05_160.LayerTicks, runs);
        Print("V1 1.0-224 (synthetic)", V1_10_224.InputLength, V1_10_224.OutputLength, V1_10_224.WorkspaceLength, V1_10_224.RunProfiled, V1_10_224.LayerNames, V1_10_224.LayerMacs, V1_10_224.LayerTicks, runs);
        Print("V2 1.0-224 (Coral)", V2_10_224.InputLength, V2_10_224.OutputLength, V2_10_224.WorkspaceLength, V2_10_224.RunProfiled, V2_10_224.LayerNames, V2_10_224.LayerMacs, V2_10_224.LayerTicks, runs);
    }

    private static void Print(string title, int inputLength, int outputLength, int workspaceLength, RunNetwork run, string[] names, long[] macs, long[] ticks, int runs)
    {
        var random = new Random(1);
        float[] input = Enumerable.Range(0, inputLength).Select(_ => (float)(random.NextDouble() * 2 - 1)).ToArray();
        var output = new float[outputLength];
        var workspace = new float[workspaceLength];
        for (int i = 0; i < 10; i++)
            run(input, output, workspace);
        Array.Clear(ticks);
        for (int i = 0; i < runs; i++)
            run(input, output, workspace);

        double Milliseconds(long t) => t * 1000.0 / Stopwatch.Frequency / runs;
        double total = Milliseconds(ticks.Sum());
        Console.WriteLine($"\n### {title}: {total:F3} ms per run (mean of {runs}), {macs.Sum() / total / 1e6:F1} GMAC/s\n");
        Console.WriteLine("| layer | ms | share | MACs (M) | GMAC/s |");
        Console.WriteLine("|---|---:|---:|---:|---:|");
        for (int i = 0; i < names.Length; i++)
        {
            double ms = Milliseconds(ticks[i]);
            Console.WriteLine($"| {names[i]} | {ms:F3} | {ms / total:P1} | {macs[i] / 1e6:F2} | {(macs[i] > 0 ? (macs[i] / ms / 1e6).ToString("F1") : "")} |");
        }
    }
}
