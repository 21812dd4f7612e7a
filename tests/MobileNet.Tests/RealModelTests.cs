using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using MobileNet.Testing;
using MobileNet.Tests.Infrastructure;
using StbImageSharp;
using Xunit;
using Xunit.Abstractions;

namespace MobileNet.Tests;

/// <summary>Coral's trained V1 weights as float ONNX (the .tflite files' float twins) against ONNX Runtime, on real photos and random inputs.</summary>
public sealed class RealModelTests(ITestOutputHelper output)
{
    public static TheoryData<string, double, int> Models => new()
    {
        { "models/coral/mobilenet_v1_0.25_128_quant.tflite", 0.25, 128 },
        { "models/coral/mobilenet_v1_0.5_160_quant.tflite", 0.5, 160 },
    };

    [Theory]
    [MemberData(nameof(Models))]
    public void MatchesOnnxRuntimeOnPhotosAndRandomInputs(string file, double alpha, int resolution)
    {
        byte[] model = FloatTwin.Of(RepositoryFiles.Path(file));
        GeneratorRun run = GeneratorHarness.Generate(GeneratorHarness.Source(alpha, resolution), model);
        Assert.Empty(run.Diagnostics);
        Assert.Empty(run.CompileErrors);
        using var ort = new OrtReference(model);
        Assert.Equal(1001, run.Constant("OutputLength"));
        float worst = Compare.AgainstOnnxRuntime(run, ort, Photos(resolution).Concat(Compare.RandomImages(3, resolution * resolution * 3, 0)), 3, resolution, 5, output);
        output.WriteLine($"float twin of {Path.GetFileName(file)}: worst max |difference| {worst:E2}");
    }

    [Theory]
    [InlineData("models/coral/mobilenet_v1_0.25_128_quant.tflite", 0.25, 128, "chelsea.png", 286)]
    [InlineData("models/coral/mobilenet_v1_0.25_128_quant.tflite", 0.25, 128, "coffee.png", 968)]
    [InlineData("models/coral/mobilenet_v1_0.5_160_quant.tflite", 0.5, 160, "chelsea.png", 286)]
    public void ClassifiesThePhotosAsPublished(string file, double alpha, int resolution, string image, int expected)
    {
        GeneratorRun run = GeneratorHarness.Generate(GeneratorHarness.Source(alpha, resolution), FloatTwin.Of(RepositoryFiles.Path(file)));
        var probabilities = new float[run.Constant("OutputLength")];
        run.Run(Photo(RepositoryFiles.Path("images/" + image), resolution), probabilities, new float[run.Constant("WorkspaceLength")]);
        Assert.Equal(expected, Compare.TopK(probabilities, 1)[0]);
        Assert.Equal(1f, probabilities.Sum(), 3);
    }

    internal static IEnumerable<(string Name, float[] Input)> Photos(int resolution) =>
        new[] { "chelsea.png", "coffee.png", "grace_hopper.bmp", "cat.bmp", "squirrel_cls.jpg", "orange.jpg" }
            .Select(name => (name, Photo(RepositoryFiles.Path("images/" + name), resolution)));

    /// <summary>A photo as models/README.md prepares it: bilinear resize, then (p − 128) / 128.</summary>
    internal static float[] Photo(string path, int size, int channels = 3)
    {
        ImageResult image = ImageResult.FromMemory(File.ReadAllBytes(path), ColorComponents.RedGreenBlue);
        var input = new float[size * size * channels];
        ImagePreprocessor.Resize(image.Data, image.Width, image.Height, 3, input, size, channels, new PixelNormalization(128, 1 / 128f));
        return input;
    }
}
