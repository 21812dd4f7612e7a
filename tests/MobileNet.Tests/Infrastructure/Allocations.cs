using System;
using Xunit;

namespace MobileNet.Tests.Infrastructure;

/// <summary>
/// Tests that measure run alone: a GC started by another test makes the thread's allocation counter jump by
/// its unused allocation context (up to 8 KiB), and another test's generation slows a timed one.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class Allocations
{
    public const string Name = "Allocation measurements";

    /// <summary>
    /// Bytes allocated on this thread by <paramref name="action"/>, the least of three attempts: a real
    /// allocation shows in every attempt, a GC's bookkeeping in one at most.
    /// </summary>
    public static long Measure(Action action)
    {
        action(); // JIT and one-time set-up are not what is measured
        long least = long.MaxValue;
        for (int attempt = 0; attempt < 3; attempt++)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            action();
            least = Math.Min(least, GC.GetAllocatedBytesForCurrentThread() - before);
        }
        return least;
    }
}
