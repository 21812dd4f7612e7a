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
    private readonly InferenceSession _session;
    private readonly OrtValue _ortInput, _ortOutput;
    private readonly RunOptions _runOptions = new();
    private readonly string[] _inputNames, _outputNames;

    protected InferenceBenchmark(string model, int size, int classes, int workspace)
    {
        var random = new Random(1);
        _nhwc = Enumerable.Range(0, size * size * 3).Select(_ => (float)(random.NextDouble() * 2 - 1)).ToArray();
        var nchw = new float[_nhwc.Length];
        TensorLayout.NhwcToNchw(_nhwc, nchw, 3, size, size);
        _output = new float[classes];
        _workspace = new float[workspace];

        _session = OnnxRuntimeSession(model);
        _inputNames = [_session.InputMetadata.Keys.Single()];
        _outputNames = [_session.OutputMetadata.Keys.Single()];
        _ortInput = OrtValue.CreateTensorValueFromMemory(nchw, [1, 3, size, size]);
        _ortOutput = OrtValue.CreateTensorValueFromMemory(new float[classes], [1, classes]);
    }

    /// <summary>
    /// ONNX Runtime on the model the build wrote for <paramref name="model"/> (an AssemblyMetadata "Model:" entry): one thread,
    /// no spinning, every graph optimisation, as every ONNX Runtime baseline here runs.
    /// </summary>
    internal static InferenceSession OnnxRuntimeSession(string model)
    {
        string path = typeof(InferenceBenchmark).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "Model:" + model).Value!;
        using var options = new SessionOptions { IntraOpNumThreads = 1, InterOpNumThreads = 1, GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL };
        options.AddSessionConfigEntry("session.intra_op.allow_spinning", "0");
        return new InferenceSession(path, options);
    }

    protected float[] Input => _nhwc;
    protected float[] Output => _output;
    protected float[] Workspace => _workspace;

    [Benchmark(Baseline = true, Description = "ONNX Runtime")]
    public void OnnxRuntime() => _session.Run(_runOptions, _inputNames, [_ortInput], _outputNames, [_ortOutput]);

    public void Dispose()
    {
        _ortInput.Dispose();
        _ortOutput.Dispose();
        _runOptions.Dispose();
        _session.Dispose();
        GC.SuppressFinalize(this);
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
