using System;
using System.Linq;
using System.Reflection;
using BenchmarkDotNet.Attributes;
using Microsoft.ML.OnnxRuntime;

namespace MobileNet.Benchmarks;

/// <summary>
/// One image, batch 1, one thread: the generated network against ONNX Runtime on the same file and
/// the same input. ONNX Runtime gets every graph optimisation and pre-bound input and output tensors,
/// so that what is measured is inference, not API overhead.
/// </summary>
[MemoryDiagnoser]
public abstract class InferenceBenchmark : IDisposable
{
    private readonly float[] _nhwc;
    private readonly float[] _output;
    private readonly float[] _workspace;
    private readonly OrtBaseline _ort;

    protected InferenceBenchmark(string model, int size, int classes, int workspace)
    {
        (_nhwc, float[] nchw) = RandomImage(size);
        _output = new float[classes];
        _workspace = new float[workspace];
        _ort = new OrtBaseline(model, OrtValue.CreateTensorValueFromMemory(nchw, [1, 3, size, size]), OrtValue.CreateTensorValueFromMemory(new float[classes], [1, classes]));
    }

    /// <summary>The benchmarks' input, values in [−1, 1] from seed 1: NHWC for the generated code, the same values NCHW for ONNX Runtime.</summary>
    internal static (float[] Nhwc, float[] Nchw) RandomImage(int size)
    {
        var random = new Random(1);
        float[] nhwc = Enumerable.Range(0, size * size * 3).Select(_ => (float)(random.NextDouble() * 2 - 1)).ToArray();
        var nchw = new float[nhwc.Length];
        TensorLayout.NhwcToNchw(nhwc, nchw, 3, size, size);
        return (nhwc, nchw);
    }

    protected float[] Input => _nhwc;
    protected float[] Output => _output;
    protected float[] Workspace => _workspace;

    [Benchmark(Baseline = true, Description = "ONNX Runtime")]
    public void OnnxRuntime() => _ort.Run();

    public void Dispose()
    {
        _ort.Dispose();
        GC.SuppressFinalize(this);
    }
}

/// <summary>
/// ONNX Runtime on the model the build wrote for a benchmark (an AssemblyMetadata "Model:" entry), as every baseline here
/// runs it: one thread and no spinning unless told otherwise, every graph optimisation, and its input and output tensors bound once.
/// </summary>
internal sealed class OrtBaseline : IDisposable
{
    private readonly InferenceSession _session;
    private readonly OrtValue _input, _output;
    private readonly RunOptions _runOptions = new();
    private readonly string[] _inputNames, _outputNames;

    /// <summary>Takes ownership of <paramref name="input"/> and <paramref name="output"/>.</summary>
    /// <param name="threads">ONNX Runtime's IntraOpNumThreads; with more than one its threads spin between operators, as by default.</param>
    public OrtBaseline(string model, OrtValue input, OrtValue output, int threads = 1)
    {
        string path = typeof(OrtBaseline).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "Model:" + model).Value!;
        using var options = new SessionOptions { IntraOpNumThreads = threads, InterOpNumThreads = 1, GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL };
        options.AddSessionConfigEntry("session.intra_op.allow_spinning", threads > 1 ? "1" : "0");
        _session = new InferenceSession(path, options);
        _inputNames = [_session.InputMetadata.Keys.Single()];
        _outputNames = [_session.OutputMetadata.Keys.Single()];
        (_input, _output) = (input, output);
    }

    public void Run() => _session.Run(_runOptions, _inputNames, [_input], _outputNames, [_output]);

    public void Dispose()
    {
        _input.Dispose();
        _output.Dispose();
        _runOptions.Dispose();
        _session.Dispose();
    }
}

public class V1_025_128_Coral() : InferenceBenchmark("V1_025_128", V1_025_128.InputSize, V1_025_128.OutputLength, V1_025_128.WorkspaceLength)
{
    [Benchmark(Description = "MobileNetGen")]
    public void Generated() => V1_025_128.Run(Input, Output, Workspace);
}

public class V1_05_160_Coral() : InferenceBenchmark("V1_05_160", V1_05_160.InputSize, V1_05_160.OutputLength, V1_05_160.WorkspaceLength)
{
    [Benchmark(Description = "MobileNetGen")]
    public void Generated() => V1_05_160.Run(Input, Output, Workspace);
}

public class V1_10_224_Synthetic() : InferenceBenchmark("V1_10_224", V1_10_224.InputSize, V1_10_224.OutputLength, V1_10_224.WorkspaceLength)
{
    [Benchmark(Description = "MobileNetGen")]
    public void Generated() => V1_10_224.Run(Input, Output, Workspace);
}

public class V2_10_224_Coral() : InferenceBenchmark("V2_10_224", V2_10_224.InputSize, V2_10_224.OutputLength, V2_10_224.WorkspaceLength)
{
    [Benchmark(Description = "MobileNetGen")]
    public void Generated() => V2_10_224.Run(Input, Output, Workspace);
}
