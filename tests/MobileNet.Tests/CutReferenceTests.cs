using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using MobileNet.Generator.Reading;
using MobileNet.Testing;
using MobileNet.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace MobileNet.Tests;

/// <summary>
/// The references for networks cut inside (backbones: the embedding after the pool, a feature map after a conv):
/// the float twin cut at operators, the .tflite truncator, the headless synthetic files, and ONNX Runtime with
/// several outputs. Only the test infrastructure is under test here, not the generator.
/// </summary>
public sealed class CutReferenceTests(ITestOutputHelper output)
{
    private const string CoralV1 = "models/coral/mobilenet_v1_0.25_128_quant.tflite", CoralV2 = "models/coral/mobilenet_v2_1.0_224_quant.tflite";
    // Operators of Coral's V1 0.25-128 and V2 1.0-224 (TfliteToOnnx.Operators lists them; the test below pins them).
    private const int V1Pointwise11 = 22, V1LastPointwise = 26, V1Pool = 27;
    private const int V2Expand13 = 47, V2LastConv = 61, V2Pool = 62;

    private static byte[] Coral(string file) => File.ReadAllBytes(RepositoryFiles.Path(file));

    [Fact]
    public void ListsTheOperatorsOfCoralV1()
    {
        IReadOnlyList<TfliteOperatorInfo> operators = TfliteToOnnx.Operators(Coral(CoralV1));
        output.WriteLine(string.Join("\n", operators));
        // The stem conv, 13 depthwise + pointwise pairs, then the pool, the 1×1 conv head, the reshape and the softmax.
        Assert.Equal(31, operators.Count);
        Assert.Equal(Enumerable.Range(0, 31), operators.Select(o => o.Index));
        Assert.Equal(["CONV_2D", .. Enumerable.Repeat(new[] { "DEPTHWISE_CONV_2D", "CONV_2D" }, 13).SelectMany(p => p), "AVERAGE_POOL_2D", "CONV_2D", "RESHAPE", "SOFTMAX"],
            operators.Select(o => o.Kind));
        Assert.Equal([1, 8, 8, 128], operators[V1Pointwise11].OutputShape);
        Assert.StartsWith("MobilenetV1/MobilenetV1/Conv2d_11_pointwise/Relu6;", operators[V1Pointwise11].OutputName);
        Assert.Equal([1, 4, 4, 256], operators[V1LastPointwise].OutputShape);
        Assert.StartsWith("MobilenetV1/MobilenetV1/Conv2d_13_pointwise/Relu6;", operators[V1LastPointwise].OutputName);
        Assert.Equal(new TfliteOperatorInfo(V1Pool, 1, "AVERAGE_POOL_2D", 84, "MobilenetV1/Logits/AvgPool_1a/AvgPool", [1, 1, 1, 256]).ToString(), operators[V1Pool].ToString());
        Assert.Equal(88, operators[^1].OutputTensor); // the subgraph's output, the probabilities
    }

    [Fact]
    public void ListsTheOperatorsOfCoralV2()
    {
        IReadOnlyList<TfliteOperatorInfo> operators = TfliteToOnnx.Operators(Coral(CoralV2));
        output.WriteLine(string.Join("\n", operators));
        Assert.Equal(66, operators.Count);
        Assert.Equal(17, operators.Count(o => o.Kind == "DEPTHWISE_CONV_2D")); // one per bottleneck
        Assert.Equal(10, operators.Count(o => o.Kind == "ADD")); // the residuals: 17 bottlenecks less the 7 that change shape
        Assert.Equal("CONV_2D", operators[V2Expand13].Kind);
        Assert.Equal([1, 14, 14, 576], operators[V2Expand13].OutputShape);
        Assert.StartsWith("MobilenetV2/expanded_conv_13/expand/Relu6;", operators[V2Expand13].OutputName);
        Assert.Equal([1, 7, 7, 1280], operators[V2LastConv].OutputShape);
        Assert.StartsWith("MobilenetV2/Conv_1/Relu6;", operators[V2LastConv].OutputName);
        Assert.Equal(("AVERAGE_POOL_2D", "MobilenetV2/Logits/AvgPool"), (operators[V2Pool].Kind, operators[V2Pool].OutputName));
        Assert.Equal([1, 1, 1, 1280], operators[V2Pool].OutputShape);
    }

    [Fact]
    public void TheTruncatedCoralV1GivesTheTwinsValuesAtItsPool()
    {
        byte[] full = Coral(CoralV1);
        byte[] truncated = TfliteCut.Truncate(full, V1Pool);

        // What the generator's reader sees: every tensor with the same values, the operators up to the pool, the pool's output as the output.
        TfliteModel original = TfliteReader.TryRead(full, out _)!, cut = TfliteReader.TryRead(truncated, out string? error)!;
        Assert.Null(error);
        Assert.Equal(V1Pool + 1, cut.Operators.Count);
        Assert.Equal([84], cut.Outputs);
        Assert.Equal(original.Inputs, cut.Inputs);
        Assert.Equal(original.Tensors.Count, cut.Tensors.Count);
        for (int i = 0; i < original.Tensors.Count; i++)
        {
            Assert.Equal(original.Tensors[i].Name, cut.Tensors[i].Name);
            Assert.Equal(original.Tensors[i].Values, cut.Tensors[i].Values);
            Assert.Equal(original.Tensors[i].Quantization?.Scale, cut.Tensors[i].Quantization?.Scale);
            Assert.Equal(original.Tensors[i].Quantization?.ZeroPoint, cut.Tensors[i].Quantization?.ZeroPoint);
        }
        Assert.Equal(original.Operators.Take(V1Pool + 1).Select(o => (o.Code, o.Options)), cut.Operators.Select(o => (o.Code, o.Options)));

        using var truncatedTwin = new OrtReference(TfliteToOnnx.Convert(truncated));
        using var cutTwin = new OrtReference(TfliteToOnnx.Convert(full, [V1Pool]));
        Assert.Equal([1, 256, 1, 1], truncatedTwin.OutputShapes.Single());
        Assert.Equal([1, 256, 1, 1], cutTwin.OutputShapes.Single());
        foreach ((string name, float[] input) in RealModelTests.Photos(128).Take(2).Concat(Compare.RandomImages(2, 128 * 128 * 3, 40)))
        {
            float[] expected = cutTwin.Run(input, 3, 128), actual = truncatedTwin.Run(input, 3, 128);
            Assert.Equal(256, actual.Length);
            // An average of ReLU6 outputs, and an embedding that says something: not flat.
            Assert.All(actual, v => Assert.InRange(v, 0f, 6f));
            Assert.True(actual.Max() - actual.Min() > 0.5f, $"{name}: embedding within [{actual.Min()}, {actual.Max()}]");
            float difference = Compare.MaxAbsDifference(expected, actual);
            output.WriteLine($"{name}: max |difference| {difference:E2}, embedding in [{actual.Min():F3}, {actual.Max():F3}]");
            Assert.True(difference <= 1e-5f, $"{name}: max |difference| {difference}");
        }
    }

    [Theory]
    [InlineData(CoralV1)]
    [InlineData(CoralV2)]
    public void TruncatingAtTheLastOperatorLosesNothing(string file)
    {
        byte[] full = Coral(file);
        int last = TfliteToOnnx.Operators(full).Count - 1;
        // Every weight, quantisation parameter and option the twin reads survives the rewrite...
        Assert.Equal(TfliteToOnnx.Convert(full), TfliteToOnnx.Convert(TfliteCut.Truncate(full, last)));
        // ...and the rewrite of a rewritten file is the same bytes.
        byte[] once = TfliteCut.Truncate(full, last - 3);
        Assert.Equal(once, TfliteCut.Truncate(once, last - 3));
        Assert.Throws<ArgumentOutOfRangeException>(() => TfliteCut.Truncate(full, last + 1));
    }

    [Fact]
    public void TheCoralV2TwinCutsInsideAndStillEndsWhereTheWholeTwinDoes()
    {
        byte[] v2 = Coral(CoralV2);
        float[] image = RealModelTests.Photos(224).First().Input;
        using var cut = new OrtReference(TfliteToOnnx.Convert(v2, [V2Pool, V2LastConv, V2Expand13]));
        Assert.Equal([[1, 1280, 1, 1], [1, 1280, 7, 7], [1, 576, 14, 14]], cut.OutputShapes);
        float[][] outputs = cut.RunAll(image, 3, 224);
        Assert.Equal([1280, 1280 * 7 * 7, 576 * 14 * 14], outputs.Select(o => o.Length));

        // The expansion alone is the same values as among several outputs.
        using var expansion = new OrtReference(TfliteToOnnx.Convert(v2, [V2Expand13]));
        Assert.Equal([1, 576, 14, 14], expansion.OutputShapes.Single());
        Assert.Equal(outputs[2], expansion.Run(image, 3, 224));
        Assert.All(outputs[2], v => Assert.InRange(v, 0f, 6f));
        Assert.True(outputs[2].Count(v => v > 0) > outputs[2].Length / 10, "the expansion's ReLU6 is not all zeros");

        // The pool is the mean of the last conv's map over its 7×7 positions: each output is where it was asked for, and NCHW.
        float difference = Compare.MaxAbsDifference(ChannelMeans(OrtReference.NchwToNhwc(outputs[1], 1280, 7, 7), 1280), outputs[0]);
        output.WriteLine($"pool against the mean of the map: max |difference| {difference:E2}; embedding max {outputs[0].Max():F3}");
        Assert.True(difference <= 1e-5f, $"max |difference| {difference}");

        // Cut at the softmax, the twin is the whole twin.
        using var whole = new OrtReference(FloatTwin.Of(RepositoryFiles.Path(CoralV2)));
        using var atTheEnd = new OrtReference(TfliteToOnnx.Convert(v2, [65]));
        float[] probabilities = whole.Run(image, 3, 224);
        Assert.Equal(probabilities, atTheEnd.Run(image, 3, 224));
        Assert.Equal(286, Compare.TopK(probabilities, 1)[0]); // chelsea.png, the Egyptian cat, as RealModelTests has it for V1
    }

    [Fact]
    public void CutsAreDistinctOperatorsOfTheFile()
    {
        byte[] v1 = Coral(CoralV1);
        Assert.Throws<ArgumentException>(() => TfliteToOnnx.Convert(v1, []));
        Assert.Throws<ArgumentException>(() => TfliteToOnnx.Convert(v1, [3, 3]));
        Assert.Throws<ArgumentException>(() => TfliteToOnnx.Convert(v1, [31]));
    }

    public static TheoryData<int, HeadStyle, bool> HeadlessOnnx => new()
    {
        { 1, HeadStyle.Gemm, false },
        { 1, HeadStyle.Conv1x1, true },
        { 2, HeadStyle.MatMulAdd, false },
        { 2, HeadStyle.Conv1x1, true },
    };

    [Theory]
    [MemberData(nameof(HeadlessOnnx))]
    public void HeadlessSyntheticOnnxEndsAtThePoolOrTheFeatureMap(int version, HeadStyle head, bool nhwc)
    {
        var options = new NetworkOptions(version == 1 ? 0.25 : 0.35, 64) { Version = version, Head = head, Nhwc = nhwc, Seed = 5 };
        int channels = version == 1 ? 256 : 1280, size = 2; // 64 / 32
        using var pool = new OrtReference(SyntheticOnnx.Build(options with { Ends = NetworkEnd.Pool }));
        using var features = new OrtReference(SyntheticOnnx.Build(options with { Ends = NetworkEnd.FeatureMap }));
        using var nchwFeatures = new OrtReference(SyntheticOnnx.Build(options with { Ends = NetworkEnd.FeatureMap, Nhwc = false }));
        output.WriteLine($"{options with { Ends = NetworkEnd.Pool }}: {Shape(pool)}; {options with { Ends = NetworkEnd.FeatureMap }}: {Shape(features)}");
        Assert.Contains("headless", (options with { Ends = NetworkEnd.Pool }).ToString(), StringComparison.Ordinal);
        Assert.Equal(head == HeadStyle.Conv1x1 ? [1, channels, 1, 1] : [1, channels], pool.OutputShapes.Single());
        Assert.Equal(nhwc ? [1, size, size, channels] : [1, channels, size, size], features.OutputShapes.Single());

        foreach ((string name, float[] input) in Compare.RandomImages(2, 64 * 64 * 3, 70))
        {
            float[] embedding = pool.Run(input, 3, 64), map = features.Run(input, 3, 64);
            Assert.Equal(channels, embedding.Length);
            Assert.Equal(size * size * channels, map.Length);
            // The same backbone (the weights come before the head's in the random draws): the pool is the map's mean.
            float[] nchwMap = nchwFeatures.Run(input, 3, 64), nhwcMap = OrtReference.NchwToNhwc(nchwMap, channels, size, size);
            Assert.Equal(nhwc ? nhwcMap : nchwMap, map);
            float difference = Compare.MaxAbsDifference(ChannelMeans(nhwcMap, channels), embedding);
            output.WriteLine($"{name}: pool against the mean of the map: max |difference| {difference:E2}, embedding in [{embedding.Min():F3}, {embedding.Max():F3}]");
            Assert.True(difference <= 1e-5f, $"{name}: max |difference| {difference}");
            Assert.True(embedding.Max() > 0.1f && embedding.Max() - embedding.Min() > 0.1f, $"{name}: embedding within [{embedding.Min()}, {embedding.Max()}]");
        }
    }

    [Theory]
    [InlineData(NetworkEnd.Pool, false)]
    [InlineData(NetworkEnd.Pool, true)]
    [InlineData(NetworkEnd.FeatureMap, false)]
    public void HeadlessSyntheticTfliteAndItsTwinEndAlike(NetworkEnd end, bool denseHead)
    {
        var options = new TfliteV1Options(0.25, 64) { Ends = end, DenseHead = denseHead, Seed = 7 };
        (byte[] tflite, byte[] onnx) = SyntheticTfliteV1.Build(options);
        (byte[] classifier, _) = SyntheticTfliteV1.Build(options with { Ends = NetworkEnd.Classifier });
        IReadOnlyList<TfliteOperatorInfo> operators = TfliteToOnnx.Operators(tflite);
        output.WriteLine($"{options}: ends with {operators[^1]}");
        Assert.Contains("headless", options.ToString(), StringComparison.Ordinal);
        int length = end == NetworkEnd.Pool ? 256 : 2 * 2 * 256;
        int[] tfliteShape = end == NetworkEnd.FeatureMap ? [1, 2, 2, 256] : denseHead ? [1, 256] : [1, 1, 1, 256];
        Assert.Equal(tfliteShape, operators[^1].OutputShape);
        Assert.Equal(end == NetworkEnd.FeatureMap ? "CONV_2D" : denseHead ? "RESHAPE" : "AVERAGE_POOL_2D", operators[^1].Kind);

        using var twin = new OrtReference(onnx);
        Assert.Equal(end == NetworkEnd.FeatureMap ? [1, 2, 2, 256] : denseHead ? [1, 256] : [1, 256, 1, 1], twin.OutputShapes.Single());
        // The float twin converter's reading of the same file, and the classifier file cut where the headless one ends.
        using var converted = new OrtReference(TfliteToOnnx.Convert(tflite));
        int at = operators.Count - 1 - (denseHead ? 1 : 0);
        using var cut = new OrtReference(TfliteToOnnx.Convert(TfliteCut.Truncate(classifier, at)));
        foreach ((string name, float[] input) in Compare.RandomImages(2, 64 * 64 * 3, 90))
        {
            float[] expected = twin.Run(input, 3, 64);
            Assert.Equal(length, expected.Length);
            Assert.True(expected.Max() > 0.1f, $"{name}: outputs at most {expected.Max()}");
            float[] fromConverter = converted.Run(input, 3, 64), fromCut = cut.Run(input, 3, 64);
            if (end == NetworkEnd.FeatureMap)
                (fromConverter, fromCut) = (OrtReference.NchwToNhwc(fromConverter, 256, 2, 2), OrtReference.NchwToNhwc(fromCut, 256, 2, 2));
            float difference = MathF.Max(Compare.MaxAbsDifference(expected, fromConverter), Compare.MaxAbsDifference(expected, fromCut));
            output.WriteLine($"{name}: max |difference| {difference:E2}");
            Assert.True(difference <= 1e-6f, $"{name}: max |difference| {difference}");
        }
    }

    /// <summary>The mean of each channel of an H×W×C map over its positions: what the global average pool gives.</summary>
    private static float[] ChannelMeans(float[] nhwc, int channels) =>
        Enumerable.Range(0, channels).Select(c => Enumerable.Range(0, nhwc.Length / channels).Average(p => nhwc[p * channels + c])).ToArray();

    private static string Shape(OrtReference ort) => string.Join(" ", ort.OutputShapes.Select(s => $"[{string.Join(",", s)}]"));
}
