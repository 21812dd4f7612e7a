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

    private const int Idle = 0, Busy = 1, Disposed = 2;

    private readonly Shared _shared;
    private readonly Thread[] _workers;
    private int _state;

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
            // Without the constructing thread's execution context: an AsyncLocal there could keep the set reachable.
            _workers[i].UnsafeStart(i + 1);
        }
    }

    /// <summary>Threads each step is split over, the calling thread included.</summary>
    public int Count => _shared.Count;

    /// <summary>
    /// Runs part 0 of <paramref name="step"/> on this thread and parts 1 … <see cref="Count"/> − 1 on the
    /// workers, each on the same three buffers, and returns when all have finished. The buffers stay pinned
    /// meanwhile, so they may be arrays or stack memory.
    /// </summary>
    /// <remarks>When several parts throw, the first exception recorded is rethrown and the others are dropped.</remarks>
    /// <exception cref="ObjectDisposedException">The set is disposed.</exception>
    /// <exception cref="InvalidOperationException">The set is running another step (from another thread, or from within a part).</exception>
    public void Run<T>(InferenceStep<T> step, ref T input, ref T output, ref T workspace) where T : unmanaged
    {
        ArgumentNullException.ThrowIfNull(step);
        switch (Interlocked.CompareExchange(ref _state, Busy, Idle))
        {
            case Disposed: throw new ObjectDisposedException(nameof(InferenceThreads));
            case Busy: throw new InvalidOperationException("this thread set is running another step; a set serves one inference at a time");
        }
        try
        {
            fixed (T* i = &input, o = &output, w = &workspace)
                _shared.Run(step, &Invoke<T>, (nint)i, (nint)o, (nint)w);
            _shared.ThrowIfFailed();
        }
        finally
        {
            Volatile.Write(ref _state, Idle);
        }
    }

    /// <summary>
    /// The run of <paramref name="units"/> that part <paramref name="part"/> of <paramref name="parts"/> takes, [From, To): consecutive
    /// units, the runs as even as the count allows (their sizes differ by one at most), and an empty run for a part
    /// at or beyond <paramref name="parts"/>, which a layer split into fewer parts than the set has threads leaves idle.
    /// </summary>
    public static (int From, int To) Range(int units, int parts, int part) =>
        part >= parts ? (units, units) : (units * part / parts, units * (part + 1) / parts);

    /// <summary>Stops the workers and waits for them. The set must be idle.</summary>
    /// <exception cref="InvalidOperationException">A step is running.</exception>
    public void Dispose()
    {
        switch (Interlocked.CompareExchange(ref _state, Disposed, Idle))
        {
            case Disposed: return;
            case Busy: throw new InvalidOperationException("this thread set is running a step; dispose it when idle");
        }
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
        // No spinning inside the events: Await spins, or decides not to.
        private readonly ManualResetEventSlim[] _start = CreateEvents(count - 1);
        private readonly ManualResetEventSlim _done = CreateEvents(1)[0];
        private int _pending;
        private bool _stopping;
        private ExceptionDispatchInfo? _failure;

        /// <summary>
        /// Events that have blocked once: an event allocates its lock the first time a wait blocks, which would
        /// otherwise happen during some later step (1 ms each, here, at construction).
        /// </summary>
        private static ManualResetEventSlim[] CreateEvents(int n)
        {
            var events = new ManualResetEventSlim[n];
            for (int i = 0; i < n; i++)
            {
                events[i] = new ManualResetEventSlim(false, spinCount: 0);
                events[i].Wait(1);
            }
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
                Await(_done, rearm: true);
            Step = null;
        }

        /// <summary>
        /// Waits for <paramref name="e"/>: spinning for up to <see cref="_spinTicks"/>, then blocking. Between two
        /// layers a thread waits about as long as the parts are uneven, a few microseconds; waking a blocked
        /// thread takes tens (measured here: 20 µs parts took 52 µs a step with .NET's default spin, 21 with this).
        /// </summary>
        /// <param name="e">The event: a worker's start, or the caller's end of the step.</param>
        /// <param name="rearm">
        /// Whether an interrupt (<see cref="Thread.Interrupt"/>) that arrives meanwhile is raised again once the
        /// wait is over, for the caller's next blocking call; a worker ignores it. The wait itself always
        /// completes: returning early would leave the workers running on buffers no longer pinned.
        /// </param>
        private void Await(ManualResetEventSlim e, bool rearm)
        {
            long start = Stopwatch.GetTimestamp();
            while (!e.IsSet)
            {
                if (Stopwatch.GetTimestamp() - start > _spinTicks)
                {
                    bool interrupted = false;
                    while (true)
                    {
                        try
                        {
                            e.Wait();
                            break;
                        }
                        catch (ThreadInterruptedException)
                        {
                            interrupted = true;
                        }
                    }
                    if (interrupted && rearm)
                        Thread.CurrentThread.Interrupt();
                    return;
                }
                Thread.SpinWait(16);
            }
        }

        /// <summary>
        /// How long a waiting thread spins before it blocks: 100 µs, or not at all when the set has more threads
        /// than the machine has cores, where a spinning thread holds up the one it waits for (4 threads on 2
        /// cores: 210 µs a step with spinning, against 0.9 µs for 2). Each set decides for itself: two sets of
        /// two threads on two cores both spin.
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
                Await(start, rearm: false);
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
