using System;
using System.Collections.Generic;
using System.Linq;
using MobileNet.Testing;
using MobileNet.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace MobileNet.Tests;

/// <summary>
/// Cut networks against ONNX Runtime on the same cut: Coral's V1 and V2 tapped at several layers (the twin
/// cut at the same operators), Coral's files truncated as its embedding extractors are, and synthetic
/// headless exports in both formats.
/// </summary>
public sealed class BackboneReferenceTests(ITestOutputHelper log)
{
    private const string CoralV1 = "models/coral/mobilenet_v1_0.25_128_quant.tflite";
    private const string CoralV2 = "models/coral/mobilenet_v2_1.0_224_quant.tflite";

    /// <summary>The taps and, for each, the .tflite operator whose output it is (TfliteToOnnx.Operators lists them).</summary>
    public static TheoryData<string, int, double, int, string, string, string, int[]> CoralTaps => new()
    {
        // Conv2d_11_pointwise, Conv2d_13_pointwise, the pool.
        { CoralV1, 1, 0.25, 128, "block11", "block13", "pool", [22, 26, 27] },
        // expanded_conv_13/expand (SSDLite's first map), Conv_1, the pool.
        { CoralV2, 2, 1.0, 224, "block13/expand", "last", "pool", [47, 61, 62] },
    };

    [Theory]
    [MemberData(nameof(CoralTaps))]
    public void CoralTapsMatchOnnxRuntimeOnTheSameCut(string file, int version, double alpha, int size, string a, string b, string c, int[] operators)
    {
        byte[] tflite = System.IO.File.ReadAllBytes(RepositoryFiles.Path(file));
        GeneratorRun run = GeneratorHarness.Generate(
            GeneratorHarness.Source(alpha, size, "models/model.tflite", $", Version = {version}, FeatureMaps = new[] {{ \"{a}\", \"{b}\", \"{c}\" }}"),
            tflite, modelName: "models/model.tflite");
        Assert.Empty(run.CompileErrors);
        Assert.Equal("MNG019", Assert.Single(run.Diagnostics).Id);
        using var ort = new OrtReference(TfliteToOnnx.Convert(tflite, operators));

        string[] prefixes = new[] { a, b, c }.Select(Prefix).ToArray();
        float[][] outputs = prefixes.Select(p => new float[run.Constant(p + "Length")]).ToArray();
        var workspace = new float[run.Constant("WorkspaceLength")];
        RunThreeMaps network = run.RunWith<RunThreeMaps>(3);
        foreach ((string name, float[] input) in RealModelTests.Photos(size).Take(2).Concat(Compare.RandomImages(1, size * size * 3, 7)))
        {
            network(input, outputs[0], outputs[1], outputs[2], workspace);
            float[][] expected = ort.RunAll(input, 3, size);
            for (int i = 0; i < 3; i++)
            {
                int h = run.Constant(prefixes[i] + "Height"), w = run.Constant(prefixes[i] + "Width"), ch = run.Constant(prefixes[i] + "Channels");
                float difference = Compare.MaxAbsDifference(outputs[i], OrtReference.NchwToNhwc(expected[i], ch, h, w));
                log.WriteLine($"{name}, {new[] { a, b, c }[i]} {h}×{w}×{ch}: max |difference| {difference:E2}, largest value {expected[i].Max():F2}");
                Assert.True(difference <= 1e-4f, $"{name}, {new[] { a, b, c }[i]}: max |difference| {difference}");
            }
        }
    }

    /// <summary>Coral's files cut after the pool, as its embedding extractors are: a headless .tflite generates an embedding network by itself.</summary>
    [Theory]
    [InlineData(CoralV1, 1, 0.25, 128, 27, 256)]
    [InlineData(CoralV2, 2, 1.0, 224, 62, 1280)]
    public void EmbeddingExtractorFilesMatchOnnxRuntime(string file, int version, double alpha, int size, int pool, int features)
    {
        byte[] extractor = TfliteCut.Truncate(System.IO.File.ReadAllBytes(RepositoryFiles.Path(file)), pool);
        GeneratorRun run = GeneratorHarness.Generate(GeneratorHarness.Source(alpha, size, "models/model.tflite", $", Version = {version}, Arithmetic = MobileNetArithmetic.Float"), extractor, modelName: "models/model.tflite");
        Assert.Empty(run.Diagnostics);
        Assert.Equal(features, run.Constant("OutputLength"));
        Assert.Equal(MobileNetOutput.Embedding, (MobileNetOutput)run.Network!.GetField("OutputKind")!.GetValue(null)!);
        Assert.Contains($"→ a {features}-feature embedding", run.MainSource);
        using var ort = new OrtReference(TfliteToOnnx.Convert(extractor));
        CompareSingle(run, ort, RealModelTests.Photos(size).Take(2).Concat(Compare.RandomImages(1, size * size * 3, 3)), size);

        // A headless file cannot give what it lacks.
        GeneratorRun probabilities = GeneratorHarness.Generate(
            GeneratorHarness.Source(alpha, size, "models/model.tflite", $", Version = {version}, Output = MobileNetOutput.Probabilities"), extractor, modelName: "models/model.tflite");
        Assert.Equal("MNG017", Assert.Single(probabilities.Diagnostics).Id);
        Assert.Contains($"Output = Probabilities needs the classifier, but the file ends at the global average pool ({features} features)", probabilities.Diagnostics[0].GetMessage());
    }

    public static IEnumerable<object[]> HeadlessOnnx() =>
        new NetworkOptions[]
        {
            new(0.25, 64) { Ends = NetworkEnd.Pool },
            new(0.25, 64) { Ends = NetworkEnd.FeatureMap },
            new(0.5, 96) { Ends = NetworkEnd.Pool, Head = HeadStyle.Conv1x1, Nhwc = true, Pads = PadStyle.TfExplicit, BatchNormEpsilon = 1e-3f },
            new(0.5, 96) { Ends = NetworkEnd.FeatureMap, Nhwc = true, Pads = PadStyle.TfAutoPad },
            // 307 channels at the end, held 308 apart in the workspace: the maps are copied out without the padding.
            new(0.3, 32) { Ends = NetworkEnd.Pool },
            new(0.3, 48) { Ends = NetworkEnd.FeatureMap },
            new(0.35, 64) { Version = 2, Ends = NetworkEnd.Pool },
            new(0.35, 64) { Version = 2, Ends = NetworkEnd.FeatureMap },
        }.Select(o => new object[] { o });

    [Theory]
    [MemberData(nameof(HeadlessOnnx))]
    public void HeadlessOnnxExportsMatchOnnxRuntime(NetworkOptions options)
    {
        byte[] model = SyntheticOnnx.Build(options);
        GeneratorRun run = GeneratorHarness.Generate(GeneratorHarness.Source(options.Alpha, options.Resolution, extra: $", Version = {options.Version}"), model);
        Assert.Empty(run.Diagnostics);
        Assert.Empty(run.CompileErrors);
        Assert.Equal(options.Ends == NetworkEnd.Pool ? MobileNetOutput.Embedding : MobileNetOutput.FeatureMap, (MobileNetOutput)run.Network!.GetField("OutputKind")!.GetValue(null)!);
        using var ort = new OrtReference(model);
        CompareSingle(run, ort, Compare.RandomImages(2, options.Resolution * options.Resolution * 3, 11), options.Resolution);
    }

    [Theory]
    [InlineData(NetworkEnd.Pool, false)]
    [InlineData(NetworkEnd.Pool, true)]
    [InlineData(NetworkEnd.FeatureMap, false)]
    public void HeadlessTfliteExportsMatchOnnxRuntime(NetworkEnd end, bool denseHead)
    {
        var options = new TfliteV1Options(0.5, 96) { Ends = end, DenseHead = denseHead };
        (byte[] tflite, byte[] onnx) = SyntheticTfliteV1.Build(options);
        GeneratorRun run = GeneratorHarness.Generate(GeneratorHarness.Source(0.5, 96, "models/model.tflite"), tflite, modelName: "models/model.tflite");
        Assert.Empty(run.Diagnostics);
        using var ort = new OrtReference(onnx);
        CompareSingle(run, ort, Compare.RandomImages(2, 96 * 96 * 3, 21), 96);
    }

    /// <summary>A network with one output against ONNX Runtime's, which may be NCHW, NHWC or flat.</summary>
    private void CompareSingle(GeneratorRun run, OrtReference ort, IEnumerable<(string Name, float[] Input)> inputs, int size)
    {
        int h = run.Constant("OutputHeight"), w = run.Constant("OutputWidth"), c = run.Constant("OutputChannels");
        var actual = new float[run.Constant("OutputLength")];
        var workspace = new float[run.Constant("WorkspaceLength")];
        int[] shape = ort.OutputShapes[0];
        bool nchw = shape.Length == 4 && shape[1] == c && h * w > 1;
        foreach ((string name, float[] input) in inputs)
        {
            run.Run(input, actual, workspace);
            float[] expected = ort.Run(input, 3, size);
            if (nchw)
                expected = OrtReference.NchwToNhwc(expected, c, h, w);
            float difference = Compare.MaxAbsDifference(actual, expected);
            log.WriteLine($"{name}: {h}×{w}×{c} ({(nchw ? "NCHW" : "NHWC")} in ONNX Runtime), max |difference| {difference:E2}, largest {expected.Max():F2}");
            Assert.True(difference <= 1e-4f, $"{name}: max |difference| {difference}");
            Assert.True(expected.Max() > 0.1f, "the reference is not all zeros");
        }
    }

    /// <summary>The constant prefix of a FeatureMaps name: "block13/expand" → "Block13Expand".</summary>
    private static string Prefix(string name) => string.Concat(name.Split('/').Select(p => char.ToUpperInvariant(p[0]) + p.Substring(1)));
}
