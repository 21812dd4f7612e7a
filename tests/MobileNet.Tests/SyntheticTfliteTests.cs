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
        var actual = new float[options.Classes];
        var workspace = new float[run.Constant("WorkspaceLength")];
        float worst = 0;
        for (int seed = 0; seed < 2; seed++)
        {
            float[] input = Compare.RandomImage(options.Resolution * options.Resolution * 3, 200 + seed);
            run.Run(input, actual, workspace);
            float[] expected = ort.Run(input, 3, options.Resolution);
            float difference = Compare.MaxAbsDifference(actual, expected);
            worst = System.Math.Max(worst, difference);
            Assert.True(difference <= 1e-4f, $"{options}: max |difference| {difference} > 1e-4");
            Assert.Equal(Compare.TopK(expected, 5), Compare.TopK(actual, 5));
        }
        output.WriteLine($"{options}: worst max |difference| {worst:E2}");
    }
}
