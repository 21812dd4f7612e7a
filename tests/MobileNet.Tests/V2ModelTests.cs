using System.IO;
using System.Linq;
using MobileNet.Testing;
using MobileNet.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace MobileNet.Tests;

/// <summary>Coral's trained MobileNet V2 1.0-224 (uint8 TFLite and its float twin as ONNX) against ONNX Runtime on the twin.</summary>
public sealed class V2ModelTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("models/model.tflite")]
    [InlineData("models/model.onnx")]
    public void CoralV2MatchesOnnxRuntime(string weights)
    {
        string tflite = RepositoryFiles.Path("models/coral/mobilenet_v2_1.0_224_quant.tflite");
        byte[] twin = FloatTwin.Of(tflite);
        byte[] model = weights.EndsWith(".onnx", System.StringComparison.Ordinal) ? twin : File.ReadAllBytes(tflite);
        GeneratorRun run = GeneratorHarness.Generate(GeneratorHarness.Source(1.0, 224, weights, ", Version = 2, Arithmetic = MobileNetArithmetic.Float"), model, modelName: weights);
        Assert.Empty(run.Diagnostics);
        Assert.Empty(run.CompileErrors);
        using var ort = new OrtReference(twin);
        float worst = Compare.AgainstOnnxRuntime(run, ort, RealModelTests.Photos(224).Concat(Compare.RandomImages(2, 224 * 224 * 3, 0)), 3, 224, 5, output);
        output.WriteLine($"{weights}: worst max |difference| {worst:E2}; workspace {run.Constant("WorkspaceLength") * 4:N0} bytes");
    }
}
