using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace MobileNet.Tests.Infrastructure;

/// <summary>ONNX Runtime on the same file: the reference the generated code must agree with.</summary>
public sealed class OrtReference : IDisposable
{
    private readonly InferenceSession _session;
    private readonly string _input;
    private readonly int[] _shape;

    public OrtReference(byte[] model)
    {
        using var options = new SessionOptions { IntraOpNumThreads = 1 };
        _session = new InferenceSession(model, options);
        _input = _session.InputMetadata.Keys.Single();
        _shape = _session.InputMetadata[_input].Dimensions.Select(d => d <= 0 ? 1 : d).ToArray();
    }

    /// <summary>True when the file's input is N×H×W×C.</summary>
    public bool InputIsNhwc => _shape[3] is 1 or 3 && _shape[1] > 3;

    /// <summary>The shapes of the file's outputs, in the order <see cref="RunAll"/> returns them (a symbolic dimension as −1).</summary>
    public IReadOnlyList<int[]> OutputShapes => _session.OutputNames.Select(name => _session.OutputMetadata[name].Dimensions).ToArray();

    /// <summary>Runs the model on an NHWC image, converting to NCHW first when the file wants that; returns its first output.</summary>
    public float[] Run(float[] nhwc, int channels, int size) => RunAll(nhwc, channels, size)[0];

    /// <summary>Runs the model on an NHWC image and returns every output, flattened, in the file's order of outputs.</summary>
    public float[][] RunAll(float[] nhwc, int channels, int size)
    {
        float[] data = nhwc;
        if (!InputIsNhwc)
        {
            data = new float[nhwc.Length];
            TensorLayout.NhwcToNchw(nhwc, data, channels, size, size);
        }
        using var results = _session.Run([NamedOnnxValue.CreateFromTensor(_input, new DenseTensor<float>(data, _shape))], _session.OutputNames);
        return results.Select(r => r.AsEnumerable<float>().ToArray()).ToArray();
    }

    /// <summary>An output of shape [1,C,H,W] (or C×H×W) in the generated networks' layout, H×W×C.</summary>
    public static float[] NchwToNhwc(float[] nchw, int channels, int height, int width)
    {
        var nhwc = new float[nchw.Length];
        TensorLayout.NchwToNhwc(nchw, nhwc, channels, height, width);
        return nhwc;
    }

    public void Dispose() => _session.Dispose();
}

public static class Compare
{
    /// <summary>
    /// Runs the generated network and ONNX Runtime on each input and asserts max |difference| ≤ 1e-4 and
    /// the same top-<paramref name="top"/>; returns the worst difference. Inputs are NHWC.
    /// </summary>
    public static float AgainstOnnxRuntime(GeneratorRun run, OrtReference ort, IEnumerable<(string Name, float[] Input)> inputs, int channels, int size, int top,
        Xunit.Abstractions.ITestOutputHelper output)
    {
        var actual = new float[run.Constant("OutputLength")];
        var workspace = new float[run.Constant("WorkspaceLength")];
        RunNetwork network = run.Run;
        float worst = 0;
        foreach ((string name, float[] input) in inputs)
        {
            network(input, actual, workspace);
            float[] expected = ort.Run(input, channels, size);
            float difference = MaxAbsDifference(actual, expected);
            output.WriteLine($"{name}: max |difference| {difference:E2}, top-{top} {string.Join(",", TopK(actual, top))}");
            Xunit.Assert.True(difference <= 1e-4f, $"{name}: max |difference| {difference} > 1e-4 (largest output {expected.Max(MathF.Abs)})");
            Xunit.Assert.Equal(TopK(expected, top), TopK(actual, top));
            worst = MathF.Max(worst, difference);
        }
        return worst;
    }

    /// <summary>Random NHWC images in [−1, 1], named for the log.</summary>
    public static IEnumerable<(string Name, float[] Input)> RandomImages(int count, int length, int seed) =>
        Enumerable.Range(0, count).Select(i => ($"random {seed + i}", RandomImage(length, seed + i)));

    public static float MaxAbsDifference(float[] a, float[] b) => a.Zip(b, (x, y) => MathF.Abs(x - y)).Max();

    public static int[] TopK(float[] values, int k) => Enumerable.Range(0, values.Length).OrderByDescending(i => values[i]).Take(k).ToArray();

    public static float[] RandomImage(int length, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, length).Select(_ => (float)(random.NextDouble() * 2 - 1)).ToArray();
    }
}
