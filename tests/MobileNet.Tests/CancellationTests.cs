using System;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using MobileNet.Generator;
using MobileNet.Generator.Model;
using MobileNet.Testing;
using MobileNet.Tests.Infrastructure;
using Xunit;

namespace MobileNet.Tests;

/// <summary>
/// A cancelled build stops: the generator checks the token between its steps. The test times the
/// generator, so it runs with no other test beside it (two cores shared with a generating test double
/// the time between two checks).
/// </summary>
[Collection(Allocations.Name)]
public sealed class CancellationTests
{
    [Fact]
    public void ACancelledGenerationStopsWithinASecond()
    {
        byte[] model = SyntheticOnnx.Build(new NetworkOptions(1.0, 224));
        NetworkSpec request = HostileInputTests.Request("models/model.onnx", alpha: 1.0, resolution: 224);
        Assert.Empty(NetworkGenerator.Generate(request, model, emit: true, CancellationToken.None).Diagnostics); // the JIT's first pass
        Stopwatch full = Stopwatch.StartNew();
        NetworkGenerator.Generate(request, model, emit: true, CancellationToken.None);
        full.Stop();

        // A cancellation may land after the last check, when only the text remains to be joined: then the
        // run completes; either way it must be over within a second, and the early ones must be cancelled.
        int cancelled = 0;
        foreach (double fraction in new[] { 0.05, 0.3, 0.6 })
        {
            using var cancel = new CancellationTokenSource();
            // A thread of its own: a pool thread may start a second late on a busy machine.
            Task<GenerationResult> run = Task.Factory.StartNew(() => NetworkGenerator.Generate(request, model, emit: true, cancel.Token),
                CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
            Thread.Sleep(TimeSpan.FromTicks((long)(full.Elapsed.Ticks * fraction)));
            cancel.Cancel();
            Stopwatch stopping = Stopwatch.StartNew();
            bool over = ((IAsyncResult)run).AsyncWaitHandle.WaitOne(TimeSpan.FromSeconds(1));
            Assert.True(over, $"still running {stopping.Elapsed.TotalMilliseconds:F0} ms after the cancellation, at {fraction:P0} of a {full.Elapsed.TotalMilliseconds:F0} ms generation");
            if (run.IsFaulted || run.IsCanceled)
            {
                Assert.IsAssignableFrom<OperationCanceledException>(run.Exception?.InnerException ?? new TaskCanceledException());
                cancelled++;
            }
        }
        Assert.True(cancelled > 0, "no run was cancelled");
    }

}
