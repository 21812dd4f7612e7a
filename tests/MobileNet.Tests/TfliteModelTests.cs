using System;
using System.IO;
using System.Linq;
using MobileNet.Testing;
using MobileNet.Tests.Infrastructure;
using StbImageSharp;
using Xunit;
using Xunit.Abstractions;

namespace MobileNet.Tests;

/// <summary>
/// The real .tflite files (Coral's uint8 V1, TFLite Micro's int8 person detector), generated and run in
/// float on their dequantised weights, against ONNX Runtime on their float twins (TfliteToOnnx: the same weights as ONNX).
/// </summary>
public sealed class TfliteModelTests(ITestOutputHelper output)
{
    public static TheoryData<string, double, int> Models => new()
    {
        { "models/coral/mobilenet_v1_0.25_128_quant.tflite", 0.25, 128 },
        { "models/coral/mobilenet_v1_0.5_160_quant.tflite", 0.5, 160 },
    };

    [Theory]
    [MemberData(nameof(Models))]
    public void CoralModelsMatchTheirFloatTwins(string tflite, double alpha, int resolution)
    {
        GeneratorRun run = Generate(tflite, alpha, resolution, "models/model.tflite");
        using var ort = new OrtReference(FloatTwin.Of(RepositoryFiles.Path(tflite)));
        float worst = Compare.AgainstOnnxRuntime(run, ort, RealModelTests.Photos(resolution).Concat(Compare.RandomImages(3, resolution * resolution * 3, 0)), 3, resolution, 5, output);
        output.WriteLine($"{Path.GetFileName(tflite)}: worst max |difference| {worst:E2}");
    }

    [Fact]
    public void PersonDetectMatchesItsFloatTwin()
    {
        GeneratorRun run = Generate("models/tflm/person_detect.tflite", 0.25, 96, "models/model.tflite");
        Assert.Equal(1, run.Constant("InputChannels"));
        Assert.Equal(2, run.Constant("OutputLength"));
        using var ort = new OrtReference(FloatTwin.Of(RepositoryFiles.Path("models/tflm/person_detect.tflite")));
        var inputs = new[] { "person.bmp", "no_person.bmp" }.Select(name => (name, PersonInput(run, name)));
        float worst = Compare.AgainstOnnxRuntime(run, ort, inputs.Concat(Compare.RandomImages(3, 96 * 96, 0)), 1, 96, 2, output);
        output.WriteLine($"person_detect.tflite: worst max |difference| {worst:E2}");
    }

    [Theory]
    [InlineData("models/coral/mobilenet_v1_0.25_128_quant.tflite", 0.25, 128, "chelsea.png", 286)]   // Egyptian cat
    [InlineData("models/coral/mobilenet_v1_0.25_128_quant.tflite", 0.25, 128, "coffee.png", 968)]    // espresso
    [InlineData("models/coral/mobilenet_v1_0.5_160_quant.tflite", 0.5, 160, "chelsea.png", 286)]
    public void CoralModelsClassifyThePhotosAsPublished(string tflite, double alpha, int resolution, string image, int expected)
    {
        GeneratorRun run = Generate(tflite, alpha, resolution, "models/model.tflite");
        float[] probabilities = Infer(run, RealModelTests.Photo(RepositoryFiles.Path("images/" + image), resolution));
        Span<int> top = stackalloc int[3];
        Labels.TopK(probabilities, top);
        Assert.Equal(expected, top[0]);
        Assert.Equal("Egyptian cat", Labels.Load(RepositoryFiles.Path("models/coral/imagenet_labels.txt"))[286]);
    }

    [Theory]
    [InlineData("person.bmp", 1, 0.94f)]
    [InlineData("no_person.bmp", 0, 0.73f)]
    public void PersonDetectFindsThePerson(string image, int expected, float probability)
    {
        GeneratorRun run = Generate("models/tflm/person_detect.tflite", 0.25, 96, "models/model.tflite");
        float[] scores = Infer(run, PersonInput(run, image));
        Assert.Equal(expected, Compare.TopK(scores, 1)[0]);
        Assert.Equal(probability, scores[expected], 2);
    }

    [Fact]
    public void QuantisedInputsStateTheirNormalisation()
    {
        // Coral's uint8 input: scale 1/128, zero point 128, so the network sees (p − 128) / 128.
        GeneratorRun coral = Generate("models/coral/mobilenet_v1_0.25_128_quant.tflite", 0.25, 128, "models/model.tflite");
        Assert.Contains("new global::MobileNet.PixelNormalization(128f, 0.0078125f)", coral.MainSource);
        Assert.Contains("TFLite, uint8 weights dequantised at build time", coral.MainSource);
        // The same weights as ONNX (the float twin) say nothing about their input: TensorFlow's [−1, 1] is the documented default.
        byte[] twin = FloatTwin.Of(RepositoryFiles.Path("models/coral/mobilenet_v1_0.25_128_quant.tflite"));
        GeneratorRun onnx = GeneratorHarness.Generate(GeneratorHarness.Source(0.25, 128), twin, compile: false);
        Assert.Contains("PixelNormalization.TensorFlow", onnx.MainSource);
        GeneratorRun torch = GeneratorHarness.Generate(GeneratorHarness.Source(0.25, 128, extra: ", Normalization = InputNormalization.Torchvision"), twin, compile: false);
        Assert.Contains("PixelNormalization.Torchvision", torch.MainSource);
    }

    private static GeneratorRun Generate(string file, double alpha, int resolution, string weights)
    {
        // These tests are about the float network of a quantised file (weights dequantised at build time); Auto would run it in integers.
        GeneratorRun run = GeneratorHarness.Generate(GeneratorHarness.Source(alpha, resolution, weights, ", Arithmetic = MobileNetArithmetic.Float"), File.ReadAllBytes(RepositoryFiles.Path(file)), modelName: weights);
        Assert.Empty(run.Diagnostics);
        Assert.Empty(run.CompileErrors);
        return run;
    }

    private static float[] Infer(GeneratorRun run, float[] input)
    {
        var result = new float[run.Constant("OutputLength")];
        run.Run(input, result, new float[run.Constant("WorkspaceLength")]);
        return result;
    }

    /// <summary>The int8 test images store pixel − 128; the generated Preprocess takes pixels and the file's own input quantisation.</summary>
    private static float[] PersonInput(GeneratorRun run, string name)
    {
        ImageResult image = ImageResult.FromMemory(File.ReadAllBytes(RepositoryFiles.Path("models/tflm/" + name)), ColorComponents.Grey);
        byte[] pixels = image.Data.Select(b => (byte)(b ^ 0x80)).ToArray();
        var input = new float[run.Constant("InputLength")];
        run.Network!.GetMethod("Preprocess")!.CreateDelegate<Preprocess>()(pixels, 96, 96, 1, input, 1f);
        return input;
    }

    private delegate void Preprocess(ReadOnlySpan<byte> pixels, int width, int height, int channels, Span<float> input, float centralFraction);
}
