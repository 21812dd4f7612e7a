using System.IO;
using System.Linq;
using MobileNet.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace MobileNet.Tests;

/// <summary>Coral's trained MobileNet V2 1.0-224 (uint8 TFLite and its float ONNX conversion) against ONNX Runtime.</summary>
public sealed class V2ModelTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("models/coral/mobilenet_v2_1.0_224_quant.tflite", "models/model.tflite")]
    [InlineData("models/onnx/mobilenet_v2_1.0_224_quant_float.onnx", "models/model.onnx")]
    public void CoralV2MatchesOnnxRuntime(string file, string weights)
    {
        GeneratorRun run = GeneratorHarness.Generate(GeneratorHarness.Source(1.0, 224, weights, ", Version = 2"), File.ReadAllBytes(RepositoryFiles.Path(file)), modelName: weights);
        Assert.Empty(run.Diagnostics);
        Assert.Empty(run.CompileErrors);
        using var ort = new OrtReference(File.ReadAllBytes(RepositoryFiles.Path("models/onnx/mobilenet_v2_1.0_224_quant_float.onnx")));
        float worst = Compare.AgainstOnnxRuntime(run, ort, RealModelTests.Photos(224).Concat(Compare.RandomImages(2, 224 * 224 * 3, 0)), 3, 224, 5, output);
        output.WriteLine($"{Path.GetFileName(file)}: worst max |difference| {worst:E2}; workspace {run.Constant("WorkspaceLength") * 4:N0} bytes");
    }
}
