using System;
using System.Linq;
using MobileNet.Testing;
using MobileNet.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;
using Xunit.Abstractions;

namespace MobileNet.Tests;

/// <summary>The static <c>Run</c> that splits each layer between the threads of a set.</summary>
public delegate void RunThreaded(ReadOnlySpan<float> input, Span<float> output, Span<float> workspace, InferenceThreads threads);

/// <summary>
/// Issue 16: <c>Run(…, InferenceThreads)</c> gives the single-thread bits for every thread count, splits the
/// layers the plan says it splits, needs the workspace it states, and allocates nothing.
/// </summary>
[Collection(Allocations.Name)]
public sealed class ThreadedRunTests(ITestOutputHelper output)
{
    private static RunThreaded Threaded(GeneratorRun run) =>
        run.Network!.GetMethod("Run", [typeof(ReadOnlySpan<float>), typeof(Span<float>), typeof(Span<float>), typeof(InferenceThreads)])!.CreateDelegate<RunThreaded>();

    private static int WorkspaceFor(GeneratorRun run, int threads) => (int)run.Network!.GetMethod("WorkspaceLengthFor")!.Invoke(null, [threads])!;

    /// <summary>
    /// Coral's V1 0.5-160 and V2 1.0-224 (float twins) and V1 1.0-224 (synthetic weights, whose 14×14 and 7×7
    /// layers split by channels into 8): every output of every thread count, 2 to 8 (more than this machine's
    /// cores, and counts the plan was not made for), equal to one thread's, on a photo and a random input.
    /// Odd row counts (7×7, 7 row pairs at 14×14) leave parts of different sizes and a last single row.
    /// </summary>
    [Theory]
    [InlineData("models/coral/mobilenet_v1_0.5_160_quant.tflite", 0.5, 160, 1)]
    [InlineData("models/coral/mobilenet_v2_1.0_224_quant.tflite", 1.0, 224, 2)]
    [InlineData(null, 1.0, 224, 1)]
    public void EveryThreadCountGivesTheSingleThreadBits(string? file, double alpha, int resolution, int version)
    {
        byte[] model = file is null ? SyntheticOnnx.Build(new NetworkOptions(alpha, resolution) { Softmax = true }) : FloatTwin.Of(RepositoryFiles.Path(file));
        GeneratorRun run = GeneratorHarness.Generate(GeneratorHarness.Source(alpha, resolution, extra: version == 2 ? ", Version = 2" : ""), model);
        Assert.Empty(run.Diagnostics);
        Assert.Empty(run.CompileErrors);
        // The plan splits the large layers by rows and, in V1 1.0-224, the 14×14 GEMMs by channels into 8.
        Assert.Contains("rows 2·4·8", run.MainSource);
        if (file is null)
            Assert.Contains("channels 2·4·8", run.MainSource);
        int steps = run.MainSource.Split("threads.Run(").Length - 1;
        output.WriteLine($"V{version} {alpha}-{resolution}: {steps} layers split; workspace {run.Constant("WorkspaceLength")} floats, {WorkspaceFor(run, 2)} with 2 threads, {WorkspaceFor(run, 8)} with 8");
        Assert.True(steps >= 10, $"{steps} layers split");

        RunThreaded threaded = Threaded(run);
        int length = run.Constant("OutputLength");
        var inputs = new[] { RealModelTests.Photo(RepositoryFiles.Path("images/chelsea.png"), resolution), Compare.RandomImage(resolution * resolution * 3, 5) };
        foreach (float[] input in inputs)
        {
            var expected = new float[length];
            run.Run(input, expected, new float[run.Constant("WorkspaceLength")]);
            foreach (int count in new[] { 2, 3, 4, 8 })
            {
                using var threads = new InferenceThreads(count);
                var actual = new float[length];
                // A workspace full of garbage: no part may read what it did not write.
                float[] workspace = Enumerable.Repeat(float.NaN, WorkspaceFor(run, count)).ToArray();
                threaded(input, actual, workspace, threads);
                int differ = Enumerable.Range(0, length).Count(i => BitConverter.SingleToInt32Bits(actual[i]) != BitConverter.SingleToInt32Bits(expected[i]));
                Assert.True(differ == 0, $"{count} threads: {differ} of {length} outputs differ from one thread's");
            }
        }
    }

    /// <summary>
    /// The workspace grows by one part's scratch per thread after the first, up to the most parts a layer
    /// takes; a workspace one float short is refused, naming the method that sizes it.
    /// </summary>
    [Fact]
    public void TheWorkspaceForAThreadCountIsStatedAndChecked()
    {
        GeneratorRun run = GeneratorHarness.Generate(GeneratorHarness.Source(0.5, 160), SyntheticOnnx.Build(new NetworkOptions(0.5, 160) { Softmax = true }));
        int single = run.Constant("WorkspaceLength"), two = WorkspaceFor(run, 2), four = WorkspaceFor(run, 4), eight = WorkspaceFor(run, 8);
        Assert.Equal(single, WorkspaceFor(run, 1));
        Assert.True(two > single, $"{two} floats for two threads, {single} for one");
        Assert.Equal(four - two, 2 * (two - single));
        Assert.Equal(eight, WorkspaceFor(run, 64)); // no layer takes more than 8 parts
        using var threads = new InferenceThreads(2);
        var e = Assert.Throws<ArgumentException>(() => Threaded(run)(new float[run.Constant("InputLength")], new float[run.Constant("OutputLength")], new float[two - 1], threads));
        Assert.Equal("workspace", e.ParamName);
        Assert.Contains(two.ToString(System.Globalization.CultureInfo.InvariantCulture), e.Message);
    }

    /// <summary>No Task, closure, delegate or array per inference, on the calling thread or the worker, in Debug and Release builds of the generated code.</summary>
    [Theory]
    [InlineData(OptimizationLevel.Release)]
    [InlineData(OptimizationLevel.Debug)]
    public void AThreadedRunAllocatesNothing(OptimizationLevel optimization)
    {
        GeneratorRun run = GeneratorHarness.Generate(GeneratorHarness.Source(0.5, 160), SyntheticOnnx.Build(new NetworkOptions(0.5, 160) { Softmax = true }), optimization: optimization);
        RunThreaded threaded = Threaded(run);
        float[] input = Compare.RandomImage(run.Constant("InputLength"), 3);
        var result = new float[run.Constant("OutputLength")];
        using var threads = new InferenceThreads(2);
        var workspace = new float[WorkspaceFor(run, 2)];
        // Each thread of the set reads its own allocation counter in a step of its own, before and after.
        var before = new long[2];
        var after = new long[2];
        long[] counters = before;
        InferenceStep<float> read = (int part, int parts, ref float image, ref float output, ref float ws) => counters[part] = GC.GetAllocatedBytesForCurrentThread();
        float unused = 0;
        for (int attempt = 0; attempt < 4; attempt++) // the first includes the JIT's work
        {
            counters = before;
            threads.Run(read, ref unused, ref unused, ref unused);
            for (int i = 0; i < 20; i++)
                threaded(input, result, workspace, threads);
            counters = after;
            threads.Run(read, ref unused, ref unused, ref unused);
        }
        Assert.Equal([0L, 0L], after.Zip(before, (a, b) => a - b).ToArray());
        Assert.Equal(1f, result.Sum(), 3);
    }
}
