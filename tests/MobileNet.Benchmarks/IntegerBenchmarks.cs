using System;
using System.Linq;
using BenchmarkDotNet.Attributes;
using Microsoft.ML.OnnxRuntime;

namespace MobileNet.Benchmarks;

/// <summary>
/// A quantised .tflite three ways, one image, batch 1, one thread, in one run: the generated integer network
/// (Arithmetic = Integer, the file's uint8 values in and out), the generated float network from the same file
/// (Arithmetic = Float, weights dequantised at build time) and, as the baseline, ONNX Runtime's integer path: the
/// file's QDQ twin (TfliteToOnnx.ConvertQdq), which its graph optimiser fuses to QLinearConv, QLinearAdd,
/// QLinearAveragePool and QLinearSoftmax, with the same uint8 input (NCHW) pre-bound.
/// </summary>
[MemoryDiagnoser]
public abstract class IntegerInferenceBenchmark : IDisposable
{
    private readonly OrtBaseline _ort;

    protected IntegerInferenceBenchmark(string qdqModel, int size, int classes, int integerWorkspace, int floatWorkspace, float inputScale, int inputZeroPoint)
    {
        var random = new Random(1);
        Bytes = new byte[size * size * 3];
        random.NextBytes(Bytes);
        // The same pixels as ONNX Runtime takes them, NCHW (through the float transposition: exact for bytes).
        var nchw = new float[Bytes.Length];
        TensorLayout.NhwcToNchw(Bytes.Select(b => (float)b).ToArray(), nchw, 3, size, size);
        // The float network's input: the real values the uint8 ones stand for.
        Floats = Bytes.Select(b => inputScale * (b - inputZeroPoint)).ToArray();
        ByteOutput = new byte[classes];
        ByteWorkspace = new byte[integerWorkspace];
        FloatOutput = new float[classes];
        FloatWorkspace = new float[floatWorkspace];

        _ort = new OrtBaseline(qdqModel, OrtValue.CreateTensorValueFromMemory(nchw.Select(v => (byte)v).ToArray(), [1, 3, size, size]),
            OrtValue.CreateTensorValueFromMemory(new byte[classes], [1, classes]));
    }

    protected byte[] Bytes { get; }
    protected byte[] ByteOutput { get; }
    protected byte[] ByteWorkspace { get; }
    protected float[] Floats { get; }
    protected float[] FloatOutput { get; }
    protected float[] FloatWorkspace { get; }
    /// <summary>For the integer network on two threads (issue 16); the byte workspace is large enough for two.</summary>
    protected InferenceThreads Threads { get; } = new(2);

    [Benchmark(Baseline = true, Description = "ONNX Runtime, QDQ (integer)")]
    public void OnnxRuntimeQdq() => _ort.Run();

    public void Dispose()
    {
        Threads.Dispose();
        _ort.Dispose();
        GC.SuppressFinalize(this);
    }
}

public class V1_05_160_Integer() : IntegerInferenceBenchmark("V1_05_160_Qdq", V1_05_160_Int8.InputSize, V1_05_160_Int8.OutputLength, V1_05_160_Int8.WorkspaceLengthFor(2), V1_05_160_Float.WorkspaceLength,
    V1_05_160_Int8.InputScale, V1_05_160_Int8.InputZeroPoint)
{
    [Benchmark(Description = "MobileNetGen, integer")]
    public void Integer() => V1_05_160_Int8.Run(Bytes, ByteOutput, ByteWorkspace);

    [Benchmark(Description = "MobileNetGen, integer, 2 threads")]
    public void IntegerTwoThreads() => V1_05_160_Int8.Run(Bytes, ByteOutput, ByteWorkspace, Threads);

    [Benchmark(Description = "MobileNetGen, float")]
    public void Float() => V1_05_160_Float.Run(Floats, FloatOutput, FloatWorkspace);
}

public class V2_10_224_Integer() : IntegerInferenceBenchmark("V2_10_224_Qdq", V2_10_224_Int8.InputSize, V2_10_224_Int8.OutputLength, V2_10_224_Int8.WorkspaceLengthFor(2), V2_10_224_Float.WorkspaceLength,
    V2_10_224_Int8.InputScale, V2_10_224_Int8.InputZeroPoint)
{
    [Benchmark(Description = "MobileNetGen, integer")]
    public void Integer() => V2_10_224_Int8.Run(Bytes, ByteOutput, ByteWorkspace);

    [Benchmark(Description = "MobileNetGen, integer, 2 threads")]
    public void IntegerTwoThreads() => V2_10_224_Int8.Run(Bytes, ByteOutput, ByteWorkspace, Threads);

    [Benchmark(Description = "MobileNetGen, float")]
    public void Float() => V2_10_224_Float.Run(Floats, FloatOutput, FloatWorkspace);
}
