using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading;

namespace MobileNet.Fuzz.Execution;

/// <summary>How a watched piece of work ended.</summary>
/// <remarks>
/// <see cref="Interrupted"/>: the heap passed the ceiling while an abandoned thread still runs, which
/// may be the one allocating; the work cannot be blamed, and the campaign has to stop.
/// </remarks>
internal enum Ending { Returned, Threw, TimedOut, HeapCeiling, Interrupted }

/// <summary>A watched run: its value or exception, what it allocated, and the last exception thrown on its thread.</summary>
internal sealed class Watched<T>
{
    public Ending Ending { get; set; }
    public T? Value { get; set; }
    public Exception? Error { get; set; }
    /// <summary>The last exception thrown on the worker thread, caught or not: the stack behind an MNG012.</summary>
    public Exception? LastThrown { get; set; }
    public long Allocated { get; set; }
}

/// <summary>
/// Runs each piece of work on a thread of its own with a cancellation token, and gives up on it after
/// the timeout or when the managed heap grows past the ceiling. .NET cannot kill a thread, so one that
/// never returns is abandoned as a background thread; <see cref="Stuck"/> counts those still running,
/// for the campaign to stop before they eat the machine.
/// </summary>
internal sealed class Watchdog(TimeSpan timeout, long heapCeiling)
{
    private const int StackBytes = 16 << 20;
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(50), Grace = TimeSpan.FromSeconds(1);
    private readonly List<Thread> _abandoned = [];

    [ThreadStatic] private static Exception? _lastThrown;

    static Watchdog() => AppDomain.CurrentDomain.FirstChanceException += (_, e) => _lastThrown = e.Exception;

    public TimeSpan Timeout => timeout;

    /// <summary>
    /// True when an abandoned thread is still running and the heap is past the ceiling: that thread is
    /// most likely still allocating, and nothing but stopping the process will stop it.
    /// </summary>
    public bool Exhausted => Stuck > 0 && OverCeiling();

    /// <summary>Past the ceiling even after a full collection (which runs only when the cheap reading says so).</summary>
    private bool OverCeiling() => GC.GetTotalMemory(false) > heapCeiling && GC.GetTotalMemory(true) > heapCeiling;

    public int Stuck
    {
        get
        {
            lock (_abandoned)
            {
                _abandoned.RemoveAll(t => !t.IsAlive);
                return _abandoned.Count;
            }
        }
    }

    public Watched<T> Run<T>(Func<CancellationToken, T> work)
    {
        var result = new Watched<T>();
        // Not disposed: an abandoned thread may still read its token.
        var cancel = new CancellationTokenSource();
        var thread = new Thread(() =>
        {
            _lastThrown = null;
            long before = GC.GetAllocatedBytesForCurrentThread();
            try
            {
                result.Value = work(cancel.Token);
                result.Ending = Ending.Returned;
            }
            catch (Exception e)
            {
                result.Error = e;
                result.Ending = Ending.Threw;
            }
            result.Allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            result.LastThrown = _lastThrown;
        }, StackBytes) { IsBackground = true, Name = "fuzz case" };

        Stopwatch clock = Stopwatch.StartNew();
        thread.Start();
        while (!thread.Join(Poll))
        {
            Ending? verdict = clock.Elapsed > timeout ? Ending.TimedOut
                : OverCeiling() ? (Stuck > 0 ? Ending.Interrupted : Ending.HeapCeiling)
                : null;
            if (verdict is null)
                continue;
            cancel.Cancel();
            if (!thread.Join(Grace))
                lock (_abandoned)
                    _abandoned.Add(thread);
            // Even if it returned after the cancellation, it took too long or too much: that is the verdict.
            return new Watched<T> { Ending = verdict.Value };
        }
        return result;
    }
}
