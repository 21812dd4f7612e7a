using MobileNet.Testing;
using MobileNet.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace MobileNet.Tests;

/// <summary>Float TFLite files written by the tests, each checked against ONNX Runtime on an ONNX twin with the same weights.</summary>
public sealed class SyntheticTfliteTests(ITestOutputHelper output)
{
    public static TheoryData<TfliteV1Options> Configurations => new()
    {
        // TF-slim: SAME padding, AVERAGE_POOL_2D, a 1×1 conv head + RESHAPE, softmax, 1001 classes.
        new TfliteV1Options(0.25, 128),
        // Keras: explicit PAD + VALID on the stride-2 layers, MEAN, RESHAPE + FULLY_CONNECTED, logits.
        new TfliteV1Options(0.5, 96) { KerasPads = true, MeanPool = true, DenseHead = true, Softmax = false, Classes = 1000, Seed = 2 },
        // An odd resolution: SAME pads (1,1) where the map is odd, (0,1) where it is even.
        new TfliteV1Options(0.75, 97) { DenseHead = true, Seed = 3 },
    };

    [Theory]
    [MemberData(nameof(Configurations))]
    public void FloatTfliteMatchesOnnxRuntime(TfliteV1Options options)
    {
        (byte[] tflite, byte[] onnx) = SyntheticTfliteV1.Build(options);
        GeneratorRun run = GeneratorHarness.Generate(GeneratorHarness.Source(options.Alpha, options.Resolution, "models/model.tflite"), tflite, modelName: "models/model.tflite");
        Assert.Empty(run.Diagnostics);
        Assert.Empty(run.CompileErrors);
        Assert.Contains("TFLite, float weights", run.MainSource);
        using var ort = new OrtReference(onnx);
        float worst = Compare.AgainstOnnxRuntime(run, ort, Compare.RandomImages(2, options.Resolution * options.Resolution * 3, 200), 3, options.Resolution, 5, output);
        output.WriteLine($"{options}: worst max |difference| {worst:E2}");
    }
}
