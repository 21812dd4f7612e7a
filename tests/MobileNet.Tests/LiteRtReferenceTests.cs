using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using MobileNet.Generator.Reading;
using MobileNet.Testing;
using MobileNet.Tests.Infrastructure;
using StbImageSharp;
using Xunit;
using Xunit.Abstractions;

namespace MobileNet.Tests;

/// <summary>
/// LiteRT, TFLite's own runtime (<see cref="LiteRt"/>: XNNPACK as WebAssembly in Node.js), running the quantised .tflite
/// files as they are stored, uint8 and int8 arithmetic included: the reference for integer execution. Only the
/// reference is under test here, not the generator.
/// </summary>
public sealed class LiteRtReferenceTests(ITestOutputHelper output)
{
    private const string CoralV1 = "models/coral/mobilenet_v1_0.25_128_quant.tflite", PersonDetect = "models/tflm/person_detect.tflite";

    [Theory]
    [InlineData("chelsea.png", 286)] // Egyptian cat (index 0 is the background class)
    [InlineData("coffee.png", 968)]  // espresso
    public void ClassifiesCoralV1PhotosAsPublished(string image, int expected)
    {
        byte[] input = Rgb(image, 128);
        var clock = Stopwatch.StartNew();
        LiteRtTensor scores = Assert.Single(LiteRt.Run(RepositoryFiles.Path(CoralV1), input));
        output.WriteLine($"{image}: {scores} in {clock.Elapsed.TotalMilliseconds:F1} ms (more when the call starts the worker or loads the model)");
        Assert.Equal(LiteRtType.UInt8, scores.Type);
        Assert.Equal([1, 1001], scores.Shape);
        int[] top = Compare.TopK(Dequantize(CoralV1, scores), 3);
        output.WriteLine($"top-3 {string.Join(", ", top)}");
        Assert.Equal(expected, top[0]);

        // A reference gives the same bytes every time (and the second run finds the model loaded).
        clock.Restart();
        Assert.Equal(scores.Data, Assert.Single(LiteRt.Run(RepositoryFiles.Path(CoralV1), input)).Data);
        output.WriteLine($"again: {clock.Elapsed.TotalMilliseconds:F1} ms");
    }

    [Theory]
    [InlineData("person.bmp", 1, 0.94f)]
    [InlineData("no_person.bmp", 0, 0.73f)]
    public void PersonDetectFindsThePerson(string image, int expected, float probability)
    {
        LiteRtTensor scores = Assert.Single(LiteRt.Run(RepositoryFiles.Path(PersonDetect), Grey(image)));
        Assert.Equal(LiteRtType.Int8, scores.Type);
        Assert.Equal([1, 2], scores.Shape);
        float[] p = Dequantize(PersonDetect, scores);
        output.WriteLine($"{image}: int8 [{string.Join(", ", scores.Int8())}], no person {p[0]:F3}, person {p[1]:F3}");
        Assert.Equal(expected, Compare.TopK(p, 1)[0]);
        Assert.Equal(probability, p[expected], 0.02f); // models/README.md's expectation, from the float twin
    }

    /// <summary>
    /// The integer run against ONNX Runtime on the float twin (the same weights dequantised), fed the same input
    /// dequantised: they agree on the class, and the integer arithmetic stays near the float one. This ties the
    /// reference's bytes, types and layouts to the tests' float reference.
    /// </summary>
    [Fact]
    public void AgreesWithTheFloatTwins()
    {
        var inputs = new[] { "chelsea.png", "coffee.png", "grace_hopper.bmp", "cat.bmp", "squirrel_cls.jpg", "orange.jpg" }
            .Select(image => (CoralV1, image, Rgb(image, 128), 3, 128))
            .Concat(new[] { "person.bmp", "no_person.bmp" }.Select(image => (PersonDetect, image, Grey(image), 1, 96)));
        foreach ((string model, string image, byte[] input, int channels, int size) in inputs)
        {
            using var ort = new OrtReference(FloatTwin.Of(RepositoryFiles.Path(model)));
            float[] expected = ort.Run(DequantizeInput(model, input), channels, size);
            float[] actual = Dequantize(model, Assert.Single(LiteRt.Run(RepositoryFiles.Path(model), input)));
            float difference = Compare.MaxAbsDifference(actual, expected);
            output.WriteLine($"{Path.GetFileName(model)} on {image}: top-1 {Compare.TopK(actual, 1)[0]} ({actual.Max():F3}), float twin {Compare.TopK(expected, 1)[0]} ({expected.Max():F3}), max |difference| {difference:F4}");
            Assert.Equal(Compare.TopK(expected, 1), Compare.TopK(actual, 1));
            Assert.True(difference <= 0.08f, $"{image}: max |difference| {difference} from the float twin");
        }
    }

    [Fact]
    public void SaysWhyItRefusesAModelOrAnInput()
    {
        var notAModel = Assert.Throws<InvalidOperationException>(() => LiteRt.Run(RepositoryFiles.Path("models/README.md"), new byte[1]));
        Assert.Contains("README.md", notAModel.Message);
        Assert.Contains("Failed to load model", notAModel.Message);
        var shortInput = Assert.Throws<InvalidOperationException>(() => LiteRt.Run(RepositoryFiles.Path(CoralV1), new byte[5]));
        Assert.Contains("uint8 [1,128,128,3], 49152 bytes; the request gave 5", shortInput.Message);
        var twoInputs = Assert.Throws<InvalidOperationException>(() => LiteRt.Run(RepositoryFiles.Path(CoralV1), new byte[49152], new byte[49152]));
        Assert.Contains("has 1 input(s), the request gave 2", twoInputs.Message);
        // The worker goes on answering.
        Assert.Equal([1, 1001], Assert.Single(LiteRt.Run(RepositoryFiles.Path(CoralV1), new byte[49152])).Shape);
    }

    /// <summary>A photo as the uint8 model takes it: the bilinear resize the float tests use, quantised as the generated Preprocess does.</summary>
    internal static byte[] Rgb(string image, int size)
    {
        ImageResult photo = ImageResult.FromMemory(File.ReadAllBytes(RepositoryFiles.Path("images/" + image)), ColorComponents.RedGreenBlue);
        // As a Coral network's Preprocess makes them (the Classify sample's path): its uint8 input (scale 1/128, zero point 128) of (p − 128) / 128.
        var resized = new byte[size * size * 3];
        ImagePreprocessor.Resize(photo.Data, photo.Width, photo.Height, 3, resized, size, 3, new PixelNormalization(128f, 1f / 128), 1f / 128, 128);
        return resized;
    }

    /// <summary>TFLite Micro's 96×96 test image as the int8 model takes it: pixel − 128 (the file stores those values already).</summary>
    internal static byte[] Grey(string image)
    {
        ImageResult photo = ImageResult.FromMemory(File.ReadAllBytes(RepositoryFiles.Path("models/tflm/" + image)), ColorComponents.Grey);
        Assert.Equal((96, 96), (photo.Width, photo.Height));
        return photo.Data.Select(stored => (byte)(sbyte)((stored ^ 0x80) - 128)).ToArray();
    }

    /// <summary>real = scale · (q − zero point), with the model's output quantisation.</summary>
    private static float[] Dequantize(string model, LiteRtTensor tensor)
    {
        TfliteModel file = Read(model);
        TfliteQuantization q = file.Tensors[file.Outputs.Single()].Quantization!;
        float[] values = tensor.Type == LiteRtType.Int8 ? tensor.Int8().Select(v => (float)v).ToArray() : tensor.Data.Select(v => (float)v).ToArray();
        return values.Select(v => q.Scale.Single() * (v - q.ZeroPoint.Single())).ToArray();
    }

    /// <summary>The quantised input as the float twin takes it (NHWC floats), with the model's input quantisation.</summary>
    private static float[] DequantizeInput(string model, byte[] input)
    {
        TfliteModel file = Read(model);
        TfliteTensor tensor = file.Tensors[file.Inputs.Single()];
        TfliteQuantization q = tensor.Quantization!;
        return input.Select(b => q.Scale.Single() * ((tensor.Type == TfliteType.Int8 ? (sbyte)b : b) - q.ZeroPoint.Single())).ToArray();
    }

    private static TfliteModel Read(string model) => TfliteReader.TryRead(File.ReadAllBytes(RepositoryFiles.Path(model)), out _)!;
}
