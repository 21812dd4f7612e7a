using System;
using System.Linq;
using System.Threading;
using MobileNet.Tests.Infrastructure;
using Xunit;

namespace MobileNet.Tests;

/// <summary>
/// The thread set an inference is split over: every part of a step runs once, on its own thread, on the
/// caller's buffers; nothing is allocated per step; a part's exception surfaces on the caller and leaves the
/// set usable; sets serve networks in turn and run side by side; an idle set disposes.
/// </summary>
[Collection(Allocations.Name)]
public sealed class InferenceThreadsTests
{
    /// <summary>Writes its part's index, thread and step number into the output, at the part's own slot.</summary>
    private static readonly InferenceStep<int> Mark = (int part, int parts, ref int input, ref int output, ref int workspace) =>
    {
        At(ref output, 3 * part) = part;
        At(ref output, 3 * part + 1) = Environment.CurrentManagedThreadId;
        At(ref output, 3 * part + 2) = input + parts;
        At(ref workspace, part) += 1;
    };

    private static ref int At(ref int first, int index) => ref System.Runtime.CompilerServices.Unsafe.Add(ref first, index);

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void EveryPartRunsOnceOnItsOwnThreadOnTheCallersBuffers(int count)
    {
        using var threads = new InferenceThreads(count);
        Assert.Equal(count, threads.Count);
        var output = new int[3 * count];
        Span<int> workspace = stackalloc int[count];
        for (int step = 0; step < 200; step++)
        {
            int input = step;
            threads.Run(Mark, ref input, ref output[0], ref workspace[0]);
            Assert.Equal(Enumerable.Range(0, count), Enumerable.Range(0, count).Select(p => output[3 * p]));
            Assert.All(Enumerable.Range(0, count), p => Assert.Equal(step + count, output[3 * p + 2]));
            int[] ids = Enumerable.Range(0, count).Select(p => output[3 * p + 1]).ToArray();
            Assert.Equal(Environment.CurrentManagedThreadId, ids[0]);
            Assert.Equal(count, ids.Distinct().Count());
        }
        // Stack memory works too: each part added one per step to its own slot.
        Assert.All(workspace.ToArray(), n => Assert.Equal(200, n));
    }

    [Fact]
    public void AStepAllocatesNothingOnAnyThread()
    {
        using var threads = new InferenceThreads(3);
        var allocated = new long[2 * threads.Count];
        var seen = new bool[threads.Count];
        // Each part records what its thread had allocated at its first and at its last step.
        InferenceStep<long> measure = (int part, int parts, ref long last, ref long output, ref long workspace) =>
        {
            long now = GC.GetAllocatedBytesForCurrentThread();
            if (!seen[part])
            {
                seen[part] = true;
                System.Runtime.CompilerServices.Unsafe.Add(ref output, 2 * part) = now;
            }
            System.Runtime.CompilerServices.Unsafe.Add(ref output, 2 * part + 1) = now;
        };
        long input = 0, workspace = 0;
        for (int step = 0; step < 10; step++)
            threads.Run(measure, ref input, ref allocated[0], ref workspace);
        Array.Clear(allocated);
        Array.Clear(seen);
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int step = 0; step < 2000; step++)
            threads.Run(measure, ref input, ref allocated[0], ref workspace);
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        for (int part = 0; part < threads.Count; part++)
            Assert.True(allocated[2 * part + 1] == allocated[2 * part], $"part {part}'s thread allocated {allocated[2 * part + 1] - allocated[2 * part]} bytes over 2,000 steps");
    }

    [Fact]
    public void APartsExceptionSurfacesOnTheCallerAndTheSetStaysUsable()
    {
        using var threads = new InferenceThreads(3);
        InferenceStep<int> failing = (int part, int parts, ref int input, ref int output, ref int workspace) =>
        {
            if (part == input)
                throw new ArgumentException($"part {part}: a span of the wrong length");
        };
        var output = new int[1];
        var workspace = new int[3];
        foreach (int failingPart in new[] { 1, 2, 0, -1 })
        {
            int input = failingPart;
            InferenceStep<int> step = failingPart >= 0 ? failing : (int part, int parts, ref int input, ref int output, ref int workspace) => throw new ArgumentException("every part");
            ArgumentException e = Assert.Throws<ArgumentException>(() => threads.Run(step, ref input, ref output[0], ref workspace[0]));
            Assert.Equal(failingPart >= 0 ? $"part {failingPart}: a span of the wrong length" : "every part", e.Message);
            // The next step runs every part, and nothing of the failure is left over.
            var marks = new int[9];
            int zero = 0;
            threads.Run(Mark, ref zero, ref marks[0], ref workspace[0]);
            Assert.Equal(new[] { 0, 1, 2 }, new[] { marks[0], marks[3], marks[6] });
        }
    }

    [Fact]
    public void OneSetServesStepsOfDifferentNetworksInTurn()
    {
        using var threads = new InferenceThreads(2);
        InferenceStep<float> halves = (int part, int parts, ref float input, ref float output, ref float workspace) =>
        {
            for (int i = part; i < 8; i += parts)
                System.Runtime.CompilerServices.Unsafe.Add(ref output, i) = System.Runtime.CompilerServices.Unsafe.Add(ref input, i) * 2;
        };
        InferenceStep<byte> bytes = (int part, int parts, ref byte input, ref byte output, ref byte workspace) =>
        {
            for (int i = part; i < 8; i += parts)
                System.Runtime.CompilerServices.Unsafe.Add(ref output, i) = (byte)(System.Runtime.CompilerServices.Unsafe.Add(ref input, i) + 1);
        };
        float[] floatsIn = Enumerable.Range(0, 8).Select(i => (float)i).ToArray(), floatsOut = new float[8];
        byte[] bytesIn = Enumerable.Range(0, 8).Select(i => (byte)i).ToArray(), bytesOut = new byte[8];
        float floatScratch = 0;
        byte byteScratch = 0;
        for (int round = 0; round < 50; round++)
        {
            threads.Run(halves, ref floatsIn[0], ref floatsOut[0], ref floatScratch);
            threads.Run(bytes, ref bytesIn[0], ref bytesOut[0], ref byteScratch);
        }
        Assert.Equal(floatsIn.Select(x => x * 2), floatsOut);
        Assert.Equal(bytesIn.Select(x => (byte)(x + 1)), bytesOut);
    }

    [Fact]
    public void TwoSetsRunSideBySide()
    {
        using var first = new InferenceThreads(2);
        using var second = new InferenceThreads(2);
        var steps = new int[2];
        var failures = new Exception?[2];
        Thread[] callers = new[] { first, second }.Select((set, k) => new Thread(() =>
        {
            try
            {
                var output = new int[6];
                var workspace = new int[2];
                for (int step = 0; step < 500; step++)
                {
                    int input = step;
                    set.Run(Mark, ref input, ref output[0], ref workspace[0]);
                    steps[k] += output[2] == step + 2 && output[5] == step + 2 ? 1 : 0;
                }
            }
            catch (Exception e)
            {
                failures[k] = e;
            }
        })).ToArray();
        foreach (Thread caller in callers)
            caller.Start();
        foreach (Thread caller in callers)
            caller.Join();
        Assert.Equal(new Exception?[2], failures);
        Assert.Equal(new[] { 500, 500 }, steps);
    }

    [Fact]
    public void ASetRunsOneStepAtATime()
    {
        using var threads = new InferenceThreads(2);
        var buffer = new int[6];
        // From within a part, on the caller's thread and on a worker.
        foreach (int nesting in new[] { 0, 1 })
        {
            InferenceStep<int> nested = (int part, int parts, ref int input, ref int output, ref int workspace) =>
            {
                if (part == nesting)
                    threads.Run(Mark, ref input, ref output, ref workspace);
            };
            Assert.Throws<InvalidOperationException>(() => threads.Run(nested, ref buffer[0], ref buffer[0], ref buffer[0]));
        }
        // From another thread, and Dispose, while a step runs.
        using var running = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();
        InferenceStep<int> slow = (int part, int parts, ref int input, ref int output, ref int workspace) =>
        {
            if (part == 0)
            {
                running.Set();
                release.Wait();
            }
        };
        Exception? other = null, disposal = null;
        var caller = new Thread(() => threads.Run(slow, ref buffer[0], ref buffer[0], ref buffer[0]));
        caller.Start();
        running.Wait();
        var intruder = new Thread(() =>
        {
            other = Record.Exception(() => threads.Run(Mark, ref buffer[0], ref buffer[0], ref buffer[0]));
            disposal = Record.Exception(threads.Dispose);
        });
        intruder.Start();
        intruder.Join();
        release.Set();
        caller.Join();
        Assert.IsType<InvalidOperationException>(other);
        Assert.IsType<InvalidOperationException>(disposal);
        // Still usable.
        var marks = new int[6];
        int zero = 0;
        threads.Run(Mark, ref zero, ref marks[0], ref buffer[0]);
        Assert.Equal(new[] { 0, 1 }, new[] { marks[0], marks[3] });
    }

    /// <summary>
    /// An interrupt of the calling thread during a step does not end the step early (the workers would run on
    /// buffers no longer pinned): Run returns when every part is done, and the interrupt is raised at the
    /// caller's next blocking call.
    /// </summary>
    [Fact]
    public void AnInterruptWaitsForTheStepAndIsRaisedAfterIt()
    {
        using var threads = new InferenceThreads(2);
        InferenceStep<int> step = (int part, int parts, ref int input, ref int output, ref int workspace) =>
        {
            if (part == 0)
                Thread.CurrentThread.Interrupt();
            else
            {
                Thread.Sleep(50);
                output = 1234;
            }
        };
        int value = 0, result = 0;
        var workspace = new int[2];
        threads.Run(step, ref value, ref result, ref workspace[0]);
        Assert.Equal(1234, result);
        Assert.Throws<ThreadInterruptedException>(() => Thread.Sleep(1));
        var marks = new int[6];
        threads.Run(Mark, ref value, ref marks[0], ref workspace[0]);
        Assert.Equal(new[] { 0, 1 }, new[] { marks[0], marks[3] });
    }

    [Fact]
    public void AnIdleSetDisposesAndThenRefusesSteps()
    {
        var threads = new InferenceThreads(4);
        int value = 0;
        var marks = new int[12];
        var workspace = new int[4];
        threads.Run(Mark, ref value, ref marks[0], ref workspace[0]);
        threads.Dispose();
        threads.Dispose();
        Assert.Throws<ObjectDisposedException>(() => threads.Run(Mark, ref value, ref marks[0], ref workspace[0]));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(InferenceThreads.MaxCount + 1)]
    public void ACountOutsideOneToMaxIsRefused(int count) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new InferenceThreads(count));
}
