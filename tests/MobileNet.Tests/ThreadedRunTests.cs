using System;
using System.IO;
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
    /// layers split by channels into 8): every output of 2, 3, 4 and 8 threads (more than this machine's
    /// cores, and a count the plan was not made for) equal to one thread's, on a photo and a random input.
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
    /// The integer networks: Coral's V1 0.5-160 and V2 1.0-224 (uint8) and TFLite Micro's int8 person detector,
    /// whose streamed layers give each part a ring of its own and whose GEMMs split by channel blocks: every code
    /// of 2, 3, 4 and 8 threads equal to one thread's, on three random inputs, in a workspace of garbage.
    /// </summary>
    [Theory]
    [InlineData("models/coral/mobilenet_v1_0.5_160_quant.tflite", 0.5, 160)]
    [InlineData("models/coral/mobilenet_v2_1.0_224_quant.tflite", 1.0, 224)]
    [InlineData("models/tflm/person_detect.tflite", 0.25, 96)]
    public void IntegerNetworksGiveTheSingleThreadCodes(string file, double alpha, int resolution)
    {
        GeneratorRun run = IntegerExecutionTests.Generate(file, alpha, resolution);
        Assert.Empty(run.CompileErrors);
        Assert.Contains("run in integers as TFLite runs it", run.MainSource);
        int steps = run.MainSource.Split("threads.Run(").Length - 1;
        output.WriteLine($"{file}: {steps} layers split; workspace {run.Constant("WorkspaceLength")} bytes, {WorkspaceFor(run, 2)} with 2 threads, {WorkspaceFor(run, 8)} with 8");
        Assert.True(steps >= 10, $"{steps} layers split");
        // The person detector's layers are small: none takes more than 3 parts.
        Assert.Contains(resolution == 96 ? "rows 2·3·3" : "rows 2·4·8", run.MainSource);
        Assert.Contains(resolution == 96 ? "channels 2·2·2" : "channels 2·4·", run.MainSource);
        bool signed = run.Network!.GetMethod("Run", [typeof(ReadOnlySpan<byte>), typeof(Span<byte>), typeof(Span<byte>)]) is null;
        foreach (int seed in new[] { 1, 2, 3 })
        {
            byte[] input = new byte[run.Constant("InputLength")];
            new Random(seed).NextBytes(input);
            byte[] expected = IntegerExecutionTests.RunQuantized(run, input);
            foreach (int count in new[] { 2, 3, 4, 8 })
            {
                using var threads = new InferenceThreads(count);
                var actual = new byte[expected.Length];
                byte[] workspace = Enumerable.Repeat((byte)0xA5, WorkspaceFor(run, count)).ToArray();
                if (signed)
                    run.Network.GetMethod("Run", [typeof(ReadOnlySpan<sbyte>), typeof(Span<sbyte>), typeof(Span<byte>), typeof(InferenceThreads)])!.CreateDelegate<RunCodesThreaded<sbyte>>()(
                        System.Runtime.InteropServices.MemoryMarshal.Cast<byte, sbyte>(input), System.Runtime.InteropServices.MemoryMarshal.Cast<byte, sbyte>(actual.AsSpan()), workspace, threads);
                else
                    run.Network.GetMethod("Run", [typeof(ReadOnlySpan<byte>), typeof(Span<byte>), typeof(Span<byte>), typeof(InferenceThreads)])!.CreateDelegate<RunCodesThreaded<byte>>()(
                        input, actual, workspace, threads);
                int differ = Enumerable.Range(0, expected.Length).Count(i => actual[i] != expected[i]);
                Assert.True(differ == 0, $"{count} threads: {differ} of {expected.Length} codes differ from one thread's");
            }
        }
    }

    private delegate void RunCodesThreaded<T>(ReadOnlySpan<T> input, Span<T> output, Span<byte> workspace, InferenceThreads threads);

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

    /// <summary>
    /// Thread safety with generated networks: one set serves a float and an integer network in turn, refuses a span of
    /// the wrong length on the calling thread and goes on serving, and two sets run two inferences side by side, each
    /// on its own workspace; every result equals one thread's.
    /// </summary>
    [Fact]
    public void OneSetServesTwoNetworksInTurnAndTwoSetsRunSideBySide()
    {
        GeneratorRun floats = GeneratorHarness.Generate(GeneratorHarness.Source(0.5, 160), SyntheticOnnx.Build(new NetworkOptions(0.5, 160) { Softmax = true }));
        GeneratorRun codes = GeneratorHarness.Generate(GeneratorHarness.Source(0.25, 128, "models/model.tflite", ", Arithmetic = MobileNetArithmetic.Integer"),
            File.ReadAllBytes(RepositoryFiles.Path("models/coral/mobilenet_v1_0.25_128_quant.tflite")), modelName: "models/model.tflite");
        RunThreaded floatRun = Threaded(floats);
        var codeRun = codes.Network!.GetMethod("Run", [typeof(ReadOnlySpan<byte>), typeof(Span<byte>), typeof(Span<byte>), typeof(InferenceThreads)])!.CreateDelegate<RunCodesThreaded<byte>>();
        float[] image = Compare.RandomImage(floats.Constant("InputLength"), 8);
        byte[] bytes = IntegerExecutionTests.RandomBytes(codes.Constant("InputLength"), 8);
        var expectedFloats = new float[floats.Constant("OutputLength")];
        floats.Run(image, expectedFloats, new float[floats.Constant("WorkspaceLength")]);
        byte[] expectedCodes = IntegerExecutionTests.RunQuantized(codes, bytes);

        using (var shared = new InferenceThreads(2))
        {
            float[] floatWorkspace = new float[WorkspaceFor(floats, 2)], floatResult = new float[expectedFloats.Length];
            byte[] codeWorkspace = new byte[WorkspaceFor(codes, 2)], codeResult = new byte[expectedCodes.Length];
            for (int i = 0; i < 3; i++)
            {
                floatRun(image, floatResult, floatWorkspace, shared);
                codeRun(bytes, codeResult, codeWorkspace, shared);
                Assert.Equal(expectedFloats, floatResult);
                Assert.Equal(expectedCodes, codeResult);
            }
            // A span of the wrong length is refused on the calling thread, and the set goes on serving.
            var wrong = Assert.Throws<ArgumentException>(() => floatRun(image, new float[expectedFloats.Length - 1], floatWorkspace, shared));
            Assert.Equal("output", wrong.ParamName);
            codeRun(bytes, codeResult, codeWorkspace, shared);
            Assert.Equal(expectedCodes, codeResult);
        } // disposed idle

        // Two callers, each with its own set and workspace, at the same time.
        float[] Side()
        {
            using var threads = new InferenceThreads(2);
            var workspace = new float[WorkspaceFor(floats, 2)];
            var result = new float[expectedFloats.Length];
            for (int i = 0; i < 20; i++)
                floatRun(image, result, workspace, threads);
            return result;
        }
        var results = new float[2][];
        var callers = new[] { new System.Threading.Thread(() => results[0] = Side()), new System.Threading.Thread(() => results[1] = Side()) };
        foreach (System.Threading.Thread caller in callers)
            caller.Start();
        foreach (System.Threading.Thread caller in callers)
            caller.Join();
        Assert.All(results, result => Assert.Equal(expectedFloats, result));
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
        AssertNothingAllocated(threads, () => threaded(input, result, workspace, threads));
        Assert.Equal(1f, result.Sum(), 3);
    }

    /// <summary>The same for an integer network (Coral's V1 0.25-128, uint8), Debug and Release.</summary>
    [Theory]
    [InlineData(OptimizationLevel.Release)]
    [InlineData(OptimizationLevel.Debug)]
    public void AThreadedIntegerRunAllocatesNothing(OptimizationLevel optimization)
    {
        GeneratorRun run = GeneratorHarness.Generate(GeneratorHarness.Source(0.25, 128, "models/model.tflite", ", Arithmetic = MobileNetArithmetic.Integer"),
            File.ReadAllBytes(RepositoryFiles.Path("models/coral/mobilenet_v1_0.25_128_quant.tflite")), modelName: "models/model.tflite", optimization: optimization);
        Assert.Contains("threads.Run(", run.MainSource);
        var threaded = run.Network!.GetMethod("Run", [typeof(ReadOnlySpan<byte>), typeof(Span<byte>), typeof(Span<byte>), typeof(InferenceThreads)])!.CreateDelegate<RunCodesThreaded<byte>>();
        byte[] input = IntegerExecutionTests.RandomBytes(run.Constant("InputLength"), 4);
        var result = new byte[run.Constant("OutputLength")];
        using var threads = new InferenceThreads(2);
        var workspace = new byte[WorkspaceFor(run, 2)];
        AssertNothingAllocated(threads, () => threaded(input, result, workspace, threads));
        Assert.Equal(IntegerExecutionTests.RunQuantized(run, input), result);
    }

    /// <summary>
    /// Runs <paramref name="inference"/> 20 times, four rounds (the first includes the JIT's work), and asserts that the last
    /// round allocated nothing on any thread of <paramref name="threads"/>: each reads its own counter in a step of its own, before and after.
    /// </summary>
    private static void AssertNothingAllocated(InferenceThreads threads, Action inference)
    {
        var before = new long[threads.Count];
        var after = new long[threads.Count];
        long[] counters = before;
        InferenceStep<float> read = (int part, int parts, ref float image, ref float output, ref float ws) => counters[part] = GC.GetAllocatedBytesForCurrentThread();
        float unused = 0;
        for (int round = 0; round < 4; round++)
        {
            counters = before;
            threads.Run(read, ref unused, ref unused, ref unused);
            for (int i = 0; i < 20; i++)
                inference();
            counters = after;
            threads.Run(read, ref unused, ref unused, ref unused);
        }
        Assert.Equal(new long[threads.Count], after.Zip(before, (a, b) => a - b).ToArray());
    }
}
