using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using MobileNet.Fuzz.Execution;
using MobileNet.Fuzz.Mutation;

namespace MobileNet.Fuzz.Campaign;

/// <summary>
/// Runs a campaign: global case n goes to seed n mod seeds as that seed's case n div seeds, so each
/// case is a pure function of (campaign seed, seed model, index) however many workers share the work.
/// </summary>
internal sealed class CampaignRunner(FuzzOptions options, IReadOnlyList<Seed> seeds, CaseRunner runner, Watchdog watchdog, Reproducers reproducers)
{
    /// <summary>Each stuck thread keeps a core busy for good; past this many the campaign stops.</summary>
    private const int MaxStuck = 4;
    private static readonly TimeSpan ProgressEvery = TimeSpan.FromSeconds(10);

    private readonly Dictionary<Seed, SeedStats> _stats = seeds.ToDictionary(s => s, _ => new SeedStats());
    private readonly Stopwatch _clock = new();
    private long _next = -1;
    private volatile string? _stopReason;

    public IReadOnlyDictionary<Seed, SeedStats> Stats => _stats;
    public TimeSpan Elapsed => _clock.Elapsed;
    public string? StopReason => _stopReason;

    public void Run()
    {
        _clock.Start();
        Thread[] workers = Enumerable.Range(0, options.Workers).Select(i => new Thread(Work) { Name = $"fuzz worker {i}", IsBackground = true }).ToArray();
        foreach (Thread worker in workers)
            worker.Start();
        TimeSpan nextReport = ProgressEvery;
        while (workers.Any(w => w.IsAlive))
        {
            workers.First(w => w.IsAlive).Join(TimeSpan.FromMilliseconds(200));
            if (_clock.Elapsed >= nextReport)
            {
                Console.WriteLine(Progress());
                nextReport += ProgressEvery;
            }
        }
        _clock.Stop();
    }

    private void Work()
    {
        while (_stopReason is null)
        {
            long n = Interlocked.Increment(ref _next);
            if (options.Cases is { } cases && n >= cases || options.Seconds is { } seconds && _clock.Elapsed.TotalSeconds >= seconds)
                return;
            if (StopNeeded() is { } reason)
            {
                _stopReason = reason;
                return;
            }
            Seed seed = seeds[(int)(n % seeds.Count)];
            long index = n / seeds.Count;
            long start = Stopwatch.GetTimestamp();
            Mutant mutant = seed.Mutator.Mutate(Rng.ForCase(options.Seed, seed.Name, index));
            runner.Times.Add(StageTimes.Mutate, start);
            if (runner.Run(seed.Request, mutant.Bytes, seed.EmitLimit, mutant.Mutations) is not { } result)
                continue; // interrupted: the next turn of the loop says why the campaign stops
            _stats[seed].Record(result, Stopwatch.GetElapsedTime(start));
            if (result.IsFailure)
                reproducers.Record(seed, index, mutant, result);
        }
    }

    private string? StopNeeded() =>
        watchdog.Stuck > MaxStuck ? $"more than {MaxStuck} threads are stuck in the generator"
        : watchdog.Exhausted ? "the heap is past the ceiling while an abandoned thread still runs (a runaway that ignores cancellation)"
        : null;

    public SeedStats Total()
    {
        var total = new SeedStats();
        foreach (SeedStats stats in _stats.Values)
            stats.AddTo(total);
        return total;
    }

    private string Progress()
    {
        SeedStats total = Total();
        string counts = string.Join("  ", Enum.GetValues<Outcome>().Select(o => $"{o.ToString().ToLowerInvariant()} {total.Count(o)}"));
        return $"[{_clock.Elapsed.TotalSeconds,5:0}s] {total.Cases} cases, {total.Cases / _clock.Elapsed.TotalSeconds:0.0}/s  {counts}  (stuck threads {watchdog.Stuck})";
    }
}
