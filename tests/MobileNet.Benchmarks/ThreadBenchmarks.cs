using System;
using System.Linq;
using BenchmarkDotNet.Attributes;
using Microsoft.ML.OnnxRuntime;

namespace MobileNet.Benchmarks;

/// <summary>
/// One image, batch 1, on two threads (issue 16), in one run: the generated network on one thread and split over an
/// <see cref="InferenceThreads"/> set of two, against ONNX Runtime with IntraOpNumThreads = 2 (the baseline, its
/// threads spinning between operators as by default) and = 1, on the same file and input.
/// </summary>
[MemoryDiagnoser]
public abstract class ThreadedInferenceBenchmark : IDisposable
{
    private readonly OrtBaseline _ort1, _ort2;

    protected ThreadedInferenceBenchmark(string model, int size, int classes, int workspace)
    {
        (Input, float[] nchw) = InferenceBenchmark.RandomImage(size);
        Output = new float[classes];
        Workspace = new float[workspace];
        OrtBaseline Ort(int threads) =>
            new(model, OrtValue.CreateTensorValueFromMemory(nchw.ToArray(), [1, 3, size, size]), OrtValue.CreateTensorValueFromMemory(new float[classes], [1, classes]), threads);
        (_ort1, _ort2) = (Ort(1), Ort(2));
    }

    protected float[] Input { get; }
    protected float[] Output { get; }
    /// <summary>Large enough for two threads.</summary>
    protected float[] Workspace { get; }
    protected InferenceThreads Threads { get; } = new(2);

    [Benchmark(Baseline = true, Description = "ONNX Runtime, 2 threads")]
    public void OnnxRuntime2() => _ort2.Run();

    [Benchmark(Description = "ONNX Runtime, 1 thread")]
    public void OnnxRuntime1() => _ort1.Run();

    public void Dispose()
    {
        Threads.Dispose();
        _ort1.Dispose();
        _ort2.Dispose();
        GC.SuppressFinalize(this);
    }
}

public class V1_025_128_Threads() : ThreadedInferenceBenchmark("V1_025_128", V1_025_128.InputSize, V1_025_128.OutputLength, V1_025_128.WorkspaceLengthFor(2))
{
    [Benchmark(Description = "MobileNetGen, 1 thread")]
    public void OneThread() => V1_025_128.Run(Input, Output, Workspace);

    [Benchmark(Description = "MobileNetGen, 2 threads")]
    public void TwoThreads() => V1_025_128.Run(Input, Output, Workspace, Threads);
}

public class V1_10_224_Threads() : ThreadedInferenceBenchmark("V1_10_224", V1_10_224.InputSize, V1_10_224.OutputLength, V1_10_224.WorkspaceLengthFor(2))
{
    [Benchmark(Description = "MobileNetGen, 1 thread")]
    public void OneThread() => V1_10_224.Run(Input, Output, Workspace);

    [Benchmark(Description = "MobileNetGen, 2 threads")]
    public void TwoThreads() => V1_10_224.Run(Input, Output, Workspace, Threads);
}

public class V2_10_224_Threads() : ThreadedInferenceBenchmark("V2_10_224", V2_10_224.InputSize, V2_10_224.OutputLength, V2_10_224.WorkspaceLengthFor(2))
{
    [Benchmark(Description = "MobileNetGen, 1 thread")]
    public void OneThread() => V2_10_224.Run(Input, Output, Workspace);

    [Benchmark(Description = "MobileNetGen, 2 threads")]
    public void TwoThreads() => V2_10_224.Run(Input, Output, Workspace, Threads);
}
