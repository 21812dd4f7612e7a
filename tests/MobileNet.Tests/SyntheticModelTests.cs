using System.Linq;
using MobileNet.Testing;
using MobileNet.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace MobileNet.Tests;

/// <summary>
/// V1 over the α × resolution grid and every exporter convention the spec lists, each written as ONNX
/// by the tests, generated in-process and compared with ONNX Runtime on the same file.
/// </summary>
public sealed class SyntheticModelTests(ITestOutputHelper output)
{
    public static TheoryData<NetworkOptions> Configurations => new()
    {
        // PyTorch: NCHW, symmetric pads, unfused BN ε 1e-5, Clip(0, 6) with constant inputs, Flatten + Gemm, 1000 classes.
        new NetworkOptions(0.25, 96),
        // tf2onnx: NHWC input + Transpose, TF SAME as explicit (0,0,1,1) pads, BN ε 1e-3, 1×1 conv head with 1001 classes, softmax.
        new NetworkOptions(0.5, 128) { Nhwc = true, Pads = PadStyle.TfExplicit, BatchNormEpsilon = 1e-3f, Head = HeadStyle.Conv1x1, Classes = 1001, Softmax = true, AveragePool = true, Seed = 2 },
        // A size that is not a multiple of 32: odd maps on the way down (100 → 50 → 25 → 13 → 7 → 4), auto_pad SAME_UPPER, ReLU, MatMul + Add.
        new NetworkOptions(0.75, 100) { Pads = PadStyle.TfAutoPad, BatchNormEpsilon = 1e-3f, Activation = ActivationStyle.Relu, Head = HeadStyle.MatMulAdd, Seed = 3 },
        // The same odd size with PyTorch's symmetric pads, where TF and PyTorch sample different pixels.
        new NetworkOptions(0.25, 100) { Head = HeadStyle.GemmTransposed, Classes = 1001, Seed = 4 },
        // Full width at 224: BN folded into conv biases, opset 10 Clip with min/max attributes, Gemm with transB, 1001 classes.
        new NetworkOptions(1.0, 224) { BatchNormEpsilon = null, Activation = ActivationStyle.ClipAttributes, Head = HeadStyle.GemmTransposed, Classes = 1001, Seed = 5 },
        // Odd resolution with NHWC input and TF SAME explicit pads: stride-2 on odd maps pads (1,1).
        new NetworkOptions(0.5, 97) { Nhwc = true, Pads = PadStyle.TfExplicit, BatchNormEpsilon = 1e-3f, Head = HeadStyle.Conv1x1, Classes = 1000, Softmax = true, Seed = 6 },
    };

    [Theory]
    [MemberData(nameof(Configurations))]
    public void MatchesOnnxRuntime(NetworkOptions options)
    {
        byte[] model = SyntheticOnnx.Build(options);
        GeneratorRun run = GeneratorHarness.Generate(GeneratorHarness.Source(options.Alpha, options.Resolution), model);
        Assert.Empty(run.Diagnostics);
        Assert.Empty(run.CompileErrors);
        Assert.Equal(options.Classes, run.Constant("OutputLength"));

        using var ort = new OrtReference(model);
        float worst = Compare.AgainstOnnxRuntime(run, ort, Compare.RandomImages(3, options.Resolution * options.Resolution * 3, 100), 3, options.Resolution, 5, output);
        output.WriteLine($"{options}: worst max |difference| {worst:E2}");
    }
}
