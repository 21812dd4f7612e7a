using System;
using System.IO;
using System.Linq;
using MobileNet.Generator.Reading;
using MobileNet.Testing;
using MobileNet.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace MobileNet.Tests;

public sealed class TfliteReaderTests
{
    private static readonly byte[] Coral = File.ReadAllBytes(RepositoryFiles.Path("models/coral/mobilenet_v1_0.25_128_quant.tflite"));

    [Fact]
    public void ReadsTheCoralModel()
    {
        TfliteModel model = TfliteReader.TryRead(Coral, out string? error)!;
        Assert.Null(error);
        TfliteTensor input = model.Tensors[model.Inputs.Single()];
        Assert.Equal([1, 128, 128, 3], input.Shape);
        Assert.Equal(TfliteType.UInt8, input.Type);
        Assert.Equal(0.0078125f, input.Quantization!.Scale.Single());
        Assert.Equal(128, input.Quantization.ZeroPoint.Single());
        Assert.Equal(31, model.Operators.Count); // 27 convs, pool, conv head, reshape, softmax
        Assert.Equal((int)TfliteOp.Conv2D, model.Operators[0].Code);
        Assert.Equal(2, model.Operators[0].Options.StrideH);
        Assert.Equal(3, model.Operators[0].Options.Activation); // RELU6
    }

    [Fact]
    public void DequantisesPerAxisInt8Weights()
    {
        TfliteModel model = TfliteReader.TryRead(File.ReadAllBytes(RepositoryFiles.Path("models/tflm/person_detect.tflite")), out _)!;
        TfliteTensor weights = model.Tensors[model.Operators[1].Inputs[1]];
        Assert.Equal(TfliteType.Int8, weights.Type);
        Assert.True(weights.Quantization!.Scale.Length > 1, "per-channel scales");
        Assert.All(weights.Values!, v => Assert.True(MathF.Abs(v) < 100));
    }

    [Fact]
    public void EveryTruncationOfASmallModelIsAnErrorNeverAnException()
    {
        var t = new TfliteBuilder();
        int x = t.Tensor("x", [1, 4, 4, 3]);
        int y = t.Tensor("y", [1, 2, 2, 8]);
        t.Op(3, [x, t.Constant("w", [8, 3, 3, 3], new float[216]), t.Constant("b", [8], new float[8])], [y], 1, new FbTable().Int(1, 2).Int(2, 2));
        t.Inputs.Add(x);
        t.Outputs.Add(y);
        byte[] model = t.Build();
        Assert.NotNull(TfliteReader.TryRead(model, out _));
        for (int length = 0; length < model.Length; length++)
        {
            TfliteModel? read = TfliteReader.TryRead(model[..length], out string? error);
            Assert.True(read is null ^ error is null, $"prefix {length}");
        }
    }

    [Theory]
    [InlineData(new byte[] { 0xF0, 0xFF, 0xFF, 0x7F, (byte)'T', (byte)'F', (byte)'L', (byte)'3' }, "points past the end")]
    [InlineData(new byte[] { 0x08, 0, 0, 0, (byte)'T', (byte)'F', (byte)'L', (byte)'3', 0x00, 0x00, 0x00, 0x40 }, "vtable outside the file")]
    [InlineData(new byte[] { 0x08, 0, 0, 0, (byte)'T', (byte)'F', (byte)'L', (byte)'2' }, "identifier")]
    public void HostileFlatBuffersAreRejectedWithAReason(byte[] bytes, string reason)
    {
        Assert.Null(TfliteReader.TryRead(bytes, out string? error));
        Assert.Contains(reason, error);
    }

    [Fact]
    public void BadTfliteFilesAreDiagnostics()
    {
        var random = new Random(7);
        byte[] noise = new byte[5000];
        random.NextBytes(noise);
        byte[] flipped = (byte[])Coral.Clone();
        for (int i = 0; i < 200; i++)
            flipped[8 + random.Next(2000)] ^= (byte)random.Next(1, 255);
        foreach ((byte[] file, string expected) in new[] { (noise, "MNG005"), (Coral[..1000], "MNG005"), (Coral[..(Coral.Length / 2)], "MNG005"), (flipped, "") })
        {
            GeneratorRun run = GeneratorHarness.Generate(GeneratorHarness.Source(0.25, 128, "models/model.tflite"), file, compile: false, modelName: "models/model.tflite");
            Diagnostic d = Assert.Single(run.Diagnostics);
            Assert.True(expected.Length == 0 ? d.Id is "MNG005" or "MNG006" or "MNG007" : d.Id == expected, d.ToString());
        }
    }

    [Fact]
    public void AV2FileDeclaredAsV1NamesTheFirstLayerThatDiffers()
    {
        GeneratorRun run = GeneratorHarness.Generate(GeneratorHarness.Source(1.0, 224, "models/model.tflite"),
            File.ReadAllBytes(RepositoryFiles.Path("models/coral/mobilenet_v2_1.0_224_quant.tflite")), compile: false, modelName: "models/model.tflite");
        Diagnostic d = Assert.Single(run.Diagnostics);
        Assert.Equal("MNG007", d.Id);
        // V1 follows the 32-wide depthwise with a 64-wide pointwise; V2 projects linearly to 16.
        Assert.Contains("layer 2 expected pointwise 1×1, stride 1, 112×112×32 → 112×112×64; found", d.GetMessage());
        Assert.Contains("→ 112×112×16", d.GetMessage());
    }
}
