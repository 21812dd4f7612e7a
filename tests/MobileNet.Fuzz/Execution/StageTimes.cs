using System.Diagnostics;
using System.Linq;
using System.Threading;

namespace MobileNet.Fuzz.Execution;

/// <summary>Seconds spent per stage, summed over the workers: says where to look when the rate drops.</summary>
internal sealed class StageTimes
{
    public const int Mutate = 0, FrontEnd = 1, Emit = 2, Compile = 3;
    private static readonly string[] Names = ["mutate", "front end", "emit", "compile (incl. shape hash)"];
    private readonly long[] _ticks = new long[Names.Length];

    /// <summary>Charges the time since <paramref name="start"/> to <paramref name="stage"/>; returns now, the next stage's start.</summary>
    public long Add(int stage, long start)
    {
        long now = Stopwatch.GetTimestamp();
        Interlocked.Add(ref _ticks[stage], now - start);
        return now;
    }

    public override string ToString() =>
        string.Join(", ", Names.Select((name, i) => $"{name} {Stopwatch.GetElapsedTime(0, Interlocked.Read(ref _ticks[i])).TotalSeconds:0.0} s"));
}
