using System;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using System.Threading;

namespace MobileNet;

/// <summary>
/// One step of an inference split over <see cref="InferenceThreads"/>: part <paramref name="part"/> of
/// <paramref name="parts"/> (0 on the calling thread), on the step's input, output and workspace. Each part
/// writes its own outputs; parts of one step run at the same time.
/// </summary>
/// <typeparam name="T">The element of the three buffers: float for a float network, byte for an integer one.</typeparam>
public delegate void InferenceStep<T>(int part, int parts, ref T input, ref T output, ref T workspace) where T : unmanaged;

/// <summary>
/// A fixed set of threads that one inference is split over: the calling thread and <see cref="Count"/> − 1
/// workers, started once and parked between steps. <see cref="Run{T}"/> hands every thread its part of a
/// step and returns when all are done, which is the barrier between two layers: it allocates nothing, and a
/// waiting thread spins briefly, then blocks.
/// </summary>
/// <remarks>
/// One step at a time: a set serves any number of networks in turn, but not two inferences at once (use a
/// set per concurrent caller). An exception thrown by any part is rethrown on the calling thread once every
/// part has finished, and the set stays usable. Dispose the set to stop its workers; they are background
/// threads, and a set that is never disposed stops them when it is collected.
/// </remarks>
public sealed unsafe class InferenceThreads : IDisposable
{
    /// <summary>The most threads a set may have.</summary>
    public const int MaxCount = 64;

    private readonly Shared _shared;
    private readonly Thread[] _workers;
    private int _busy;
    private bool _disposed;

    /// <param name="count">Threads to split each step over, the calling thread included: 1 to <see cref="MaxCount"/>.</param>
    public InferenceThreads(int count)
    {
        if (count is < 1 or > MaxCount)
            throw new ArgumentOutOfRangeException(nameof(count), count, $"a thread set has 1 to {MaxCount} threads");
        _shared = new Shared(count);
        _workers = new Thread[count - 1];
        for (int i = 0; i < _workers.Length; i++)
        {
            _workers[i] = new Thread(_shared.Work) { IsBackground = true, Name = $"MobileNet inference {i + 1}" };
            _workers[i].Start(i + 1);
        }
    }

    /// <summary>Threads each step is split over, the calling thread included.</summary>
    public int Count => _shared.Count;

    /// <summary>
    /// Runs part 0 of <paramref name="step"/> on this thread and parts 1 … <see cref="Count"/> − 1 on the
    /// workers, each on the same three buffers, and returns when all have finished. The buffers stay pinned
    /// meanwhile, so they may be arrays or stack memory.
    /// </summary>
    /// <exception cref="ObjectDisposedException">The set is disposed.</exception>
    /// <exception cref="InvalidOperationException">The set is running another step (from another thread, or from within a part).</exception>
    public void Run<T>(InferenceStep<T> step, ref T input, ref T output, ref T workspace) where T : unmanaged
    {
        ArgumentNullException.ThrowIfNull(step);
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed), this);
        if (Interlocked.Exchange(ref _busy, 1) != 0)
            throw new InvalidOperationException("this thread set is running another step; a set serves one inference at a time");
        try
        {
            fixed (T* i = &input, o = &output, w = &workspace)
                _shared.Run(step, &Invoke<T>, (nint)i, (nint)o, (nint)w);
            _shared.ThrowIfFailed();
        }
        finally
        {
            Volatile.Write(ref _busy, 0);
        }
    }

    /// <summary>Stops the workers and waits for them. The set must be idle.</summary>
    /// <exception cref="InvalidOperationException">A step is running.</exception>
    public void Dispose()
    {
        if (Volatile.Read(ref _disposed))
            return;
        if (Interlocked.Exchange(ref _busy, 1) != 0)
            throw new InvalidOperationException("this thread set is running a step; dispose it when idle");
        Volatile.Write(ref _disposed, true);
        _shared.Stop();
        foreach (Thread worker in _workers)
            worker.Join();
        GC.SuppressFinalize(this);
    }

    /// <summary>Stops the workers of a set that was never disposed; they hold the shared state, not the set. (None exists when the constructor refused the count.)</summary>
    ~InferenceThreads() => _shared?.Stop();

    private static void Invoke<T>(Shared shared, int part) where T : unmanaged =>
        Unsafe.As<InferenceStep<T>>(shared.Step)!(part, shared.Count, ref Unsafe.AsRef<T>((void*)shared.Input), ref Unsafe.AsRef<T>((void*)shared.Output),
            ref Unsafe.AsRef<T>((void*)shared.Workspace));

    /// <summary>What the workers see: the current step and the events that start and end it.</summary>
    private sealed class Shared(int count)
    {
        public readonly int Count = count;
        public object? Step;
        public nint Input, Output, Workspace;
        private delegate*<Shared, int, void> _invoke;
        // One start event per worker, reset by the worker itself: the next Set comes only after its part is done.
        private readonly ManualResetEventSlim[] _start = CreateEvents(count - 1);
        private readonly ManualResetEventSlim _done = new(false);
        private int _pending;
        private bool _stopping;
        private ExceptionDispatchInfo? _failure;

        private static ManualResetEventSlim[] CreateEvents(int n)
        {
            var events = new ManualResetEventSlim[n];
            for (int i = 0; i < n; i++)
                events[i] = new ManualResetEventSlim(false);
            return events;
        }

        public void Run(object step, delegate*<Shared, int, void> invoke, nint input, nint output, nint workspace)
        {
            (Step, Input, Output, Workspace) = (step, input, output, workspace);
            _invoke = invoke;
            if (Count > 1)
            {
                _done.Reset();
                Volatile.Write(ref _pending, Count - 1);
                foreach (ManualResetEventSlim start in _start)
                    start.Set();
            }
            Part(0);
            if (Count > 1)
                Await(_done);
            Step = null;
        }

        /// <summary>
        /// Waits for <paramref name="e"/>: spinning for up to <see cref="_spinTicks"/>, then blocking. Between two
        /// layers a thread waits about as long as the parts are uneven, a few microseconds; waking a blocked
        /// thread takes tens (measured here: 20 µs parts took 52 µs a step with .NET's default spin, 21 with this).
        /// </summary>
        private void Await(ManualResetEventSlim e)
        {
            long start = Stopwatch.GetTimestamp();
            while (!e.IsSet)
            {
                if (Stopwatch.GetTimestamp() - start > _spinTicks)
                {
                    e.Wait();
                    return;
                }
                Thread.SpinWait(16);
            }
        }

        /// <summary>
        /// How long a waiting thread spins before it blocks: 100 µs, or not at all when the set has more threads
        /// than the machine has cores, where a spinning thread holds up the one it waits for (4 threads on 2
        /// cores: 210 µs a step with spinning, against 0.9 µs for 2).
        /// </summary>
        private readonly long _spinTicks = count <= Environment.ProcessorCount ? Stopwatch.Frequency / 10_000 : 0;

        /// <summary>Rethrows the first exception a part threw in the last step, and forgets it.</summary>
        public void ThrowIfFailed() => Interlocked.Exchange(ref _failure, null)?.Throw();

        public void Work(object? index)
        {
            int part = (int)index!;
            ManualResetEventSlim start = _start[part - 1];
            while (true)
            {
                Await(start);
                start.Reset();
                if (Volatile.Read(ref _stopping))
                    return;
                Part(part);
                if (Interlocked.Decrement(ref _pending) == 0)
                    _done.Set();
            }
        }

        private void Part(int part)
        {
            try
            {
                _invoke(this, part);
            }
            catch (Exception e)
            {
                Interlocked.CompareExchange(ref _failure, ExceptionDispatchInfo.Capture(e), null);
            }
        }

        public void Stop()
        {
            Volatile.Write(ref _stopping, true);
            foreach (ManualResetEventSlim start in _start)
                start.Set();
        }
    }
}
