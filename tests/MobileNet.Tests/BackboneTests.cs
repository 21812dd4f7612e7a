using System;
using System.Linq;
using MobileNet.Testing;
using MobileNet.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace MobileNet.Tests;

/// <summary>
/// A MobileNet as a backbone: cut at the embedding, at the last feature map, or tapped at several layers at
/// once, on Coral's trained weights; the outputs checked against each other and the diagnostics for cuts
/// that do not exist.
/// </summary>
public sealed class BackboneTests
{
    private const string CoralV1 = "models/coral/mobilenet_v1_0.25_128_quant.tflite";
    private const string CoralV2 = "models/coral/mobilenet_v2_1.0_224_quant.tflite";

    private static GeneratorRun Generate(string model, double alpha, int resolution, string extra) =>
        GeneratorHarness.Generate(GeneratorHarness.Source(alpha, resolution, extra: extra), FloatTwin.Of(RepositoryFiles.Path(model)));

    private static float[] Run(GeneratorRun run, float[] input, string prefix = "Output")
    {
        var output = new float[run.Constant(prefix + "Length")];
        run.Run(input, output, new float[run.Constant("WorkspaceLength")]);
        return output;
    }

    [Fact]
    public void TheEmbeddingIsTheMeanOfTheLastFeatureMap()
    {
        GeneratorRun embedding = Generate(CoralV1, 0.25, 128, ", Output = MobileNetOutput.Embedding");
        GeneratorRun map = Generate(CoralV1, 0.25, 128, ", Output = MobileNetOutput.FeatureMap");
        foreach (GeneratorRun run in new[] { embedding, map })
        {
            Assert.Empty(run.CompileErrors);
            Diagnostic info = Assert.Single(run.Diagnostics);
            Assert.Equal(("MNG019", DiagnosticSeverity.Info), (info.Id, info.Severity));
        }
        Assert.Contains("at the global average pool; left out of the build: the classifier (256 → 1001) and the softmax: 257,257 weights", embedding.Diagnostics[0].GetMessage());
        Assert.Contains("at the last convolution; left out of the build: the global average pool, the classifier (256 → 1001) and the softmax: 257,257 weights", map.Diagnostics[0].GetMessage());

        Assert.Equal((256, 1, 1, 256), (embedding.Constant("OutputLength"), embedding.Constant("OutputHeight"), embedding.Constant("OutputWidth"), embedding.Constant("OutputChannels")));
        Assert.Equal((4 * 4 * 256, 4, 4, 256), (map.Constant("OutputLength"), map.Constant("OutputHeight"), map.Constant("OutputWidth"), map.Constant("OutputChannels")));
        Assert.Equal(MobileNetOutput.Embedding, (MobileNetOutput)embedding.Network!.GetField("OutputKind")!.GetValue(null)!);
        Assert.Equal(MobileNetOutput.FeatureMap, (MobileNetOutput)map.Network!.GetField("OutputKind")!.GetValue(null)!);
        Assert.False((bool)embedding.Network!.GetField("OutputIsProbability")!.GetValue(null)!);
        Assert.Contains("→ a 256-feature embedding", embedding.MainSource);
        Assert.DoesNotContain("_Dense", embedding.MainSource);

        float[] photo = RealModelTests.Photo(RepositoryFiles.Path("images/chelsea.png"), 128);
        float[] features = Run(embedding, photo), pixels = Run(map, photo);
        float[] mean = Enumerable.Range(0, 256).Select(c => Enumerable.Range(0, 16).Average(p => pixels[p * 256 + c])).ToArray();
        Assert.True(Compare.MaxAbsDifference(features, mean) < 1e-5f, $"embedding vs mean of the map: {Compare.MaxAbsDifference(features, mean):E2}");
        Assert.True(features.Max() > 0.5f && features.All(v => v >= 0), "the ReLU6 features of a photo are non-negative and not all small");
    }

    [Fact]
    public void LogitsAndProbabilitiesComeFromTheSameClassifier()
    {
        GeneratorRun probabilities = Generate(CoralV1, 0.25, 128, "");
        GeneratorRun logits = Generate(CoralV1, 0.25, 128, ", Output = MobileNetOutput.Logits");
        Assert.Equal("MNG019", Assert.Single(logits.Diagnostics).Id);
        Assert.Contains("at the classifier; left out of the build: the softmax", logits.Diagnostics[0].GetMessage());
        Assert.False((bool)logits.Network!.GetField("OutputIsProbability")!.GetValue(null)!);

        float[] photo = RealModelTests.Photo(RepositoryFiles.Path("images/coffee.png"), 128);
        float[] p = Run(probabilities, photo), z = Run(logits, photo);
        var softmax = new float[z.Length];
        Softmax.Compute(z, softmax);
        Assert.True(Compare.MaxAbsDifference(p, softmax) < 1e-6f);
        Assert.Equal(968, Compare.TopK(z, 1)[0]); // espresso
    }

    [Fact]
    public void ProbabilitiesAddASoftmaxToAFileThatEndsInLogits()
    {
        var options = new NetworkOptions(0.25, 64) { Classes = 10, Softmax = false };
        byte[] model = SyntheticOnnx.Build(options);
        GeneratorRun logits = GeneratorHarness.Generate(GeneratorHarness.Source(0.25, 64), model);
        GeneratorRun probabilities = GeneratorHarness.Generate(GeneratorHarness.Source(0.25, 64, extra: ", Output = MobileNetOutput.Probabilities"), model);
        Assert.Empty(probabilities.Diagnostics);
        Assert.True((bool)probabilities.Network!.GetField("OutputIsProbability")!.GetValue(null)!);
        float[] input = Compare.RandomImage(64 * 64 * 3, 5);
        float[] z = Run(logits, input), p = Run(probabilities, input);
        var softmax = new float[10];
        Softmax.Compute(z, softmax);
        Assert.True(Compare.MaxAbsDifference(p, softmax) < 1e-6f);
        Assert.Equal(1f, p.Sum(), 5);
    }

    [Fact]
    public void SeveralFeatureMapsComeFromOnePass()
    {
        GeneratorRun taps = Generate(CoralV1, 0.25, 128, ", FeatureMaps = new[] { \"block11\", \"block13\", \"pool\" }");
        Assert.Empty(taps.CompileErrors);
        Assert.Contains("at block11, block13 and pool", Assert.Single(taps.Diagnostics).GetMessage());
        Assert.Equal((8, 8, 128), (taps.Constant("Block11Height"), taps.Constant("Block11Width"), taps.Constant("Block11Channels")));
        Assert.Equal(4 * 4 * 256, taps.Constant("Block13Length"));
        Assert.Equal(256, taps.Constant("PoolLength"));

        float[] photo = RealModelTests.Photo(RepositoryFiles.Path("images/squirrel_cls.jpg"), 128);
        float[] block11 = new float[8 * 8 * 128], block13 = new float[4 * 4 * 256], pool = new float[256];
        taps.RunWith<RunThreeMaps>(3)(photo, block11, block13, pool, new float[taps.Constant("WorkspaceLength")]);

        Assert.Equal(Run(Generate(CoralV1, 0.25, 128, ", Output = MobileNetOutput.FeatureMap"), photo), block13);
        Assert.Equal(Run(Generate(CoralV1, 0.25, 128, ", Output = MobileNetOutput.Embedding"), photo), pool);
        GeneratorRun eleven = Generate(CoralV1, 0.25, 128, ", FeatureMaps = new[] { \"block11\" }");
        var single = new float[8 * 8 * 128];
        eleven.Run(photo, single, new float[eleven.Constant("WorkspaceLength")]);
        Assert.Equal(single, block11);
        Assert.True(block11.Max() > 0);
    }

    [Fact]
    public void AV2ExpansionIsTappedInsideItsStreamedBottleneck()
    {
        GeneratorRun taps = Generate(CoralV2, 1.0, 224, ", Version = 2, FeatureMaps = new[] { \"block13/expand\", \"last\" }");
        Assert.Empty(taps.CompileErrors);
        Assert.Equal((14, 14, 576), (taps.Constant("Block13ExpandHeight"), taps.Constant("Block13ExpandWidth"), taps.Constant("Block13ExpandChannels")));
        Assert.Equal((7, 7, 1280), (taps.Constant("LastHeight"), taps.Constant("LastWidth"), taps.Constant("LastChannels")));
        Assert.Empty(GeneratorHarness.Documentation(taps).Problems); // every cref to the three-span Run resolves

        float[] photo = RealModelTests.Photo(RepositoryFiles.Path("images/chelsea.png"), 224);
        float[] expansion = new float[14 * 14 * 576], last = new float[7 * 7 * 1280];
        taps.RunWith<RunTwoMaps>(2)(photo, expansion, last, new float[taps.Constant("WorkspaceLength")]);
        // Each row of the expansion is ReLU6'd and written: no row is left at zero.
        for (int y = 0; y < 14; y++)
            Assert.True(expansion.AsSpan(y * 14 * 576, 14 * 576).ToArray().Max() > 0, $"row {y} of block13/expand is empty");
        Assert.True(expansion.All(v => v is >= 0 and <= 6));
        Assert.Equal(Run(Generate(CoralV2, 1.0, 224, ", Version = 2, Output = MobileNetOutput.FeatureMap"), photo), last);
    }

    [Theory]
    [InlineData(", FeatureMaps = new[] { \"block14\" }", "FeatureMaps names 'block14', which is not a layer of this file; its layers are stem, block1 to block13, pool")]
    [InlineData(", FeatureMaps = new[] { \"block_11\" }", "which is not a layer of this file (did you mean 'block11'?)")]
    [InlineData(", FeatureMaps = new[] { \"block11\", \"block11\" }", "FeatureMaps names 'block11' twice")]
    [InlineData(", Output = MobileNetOutput.Logits, FeatureMaps = new[] { \"block11\" }", "so Output must be FeatureMap or left out, not Logits")]
    public void ACutThatDoesNotExistIsAnErrorAtTheArgument(string extra, string message)
    {
        GeneratorRun run = Generate(CoralV1, 0.25, 128, extra);
        Diagnostic error = Assert.Single(run.Diagnostics);
        Assert.Equal("MNG017", error.Id);
        Assert.Contains(message, error.GetMessage());
        Assert.StartsWith(extra.Contains("Output =") && !extra.Contains("FeatureMaps") ? "MobileNetOutput" : "new[]", run.Input.SyntaxTrees[0].ToString().Substring(error.Location.SourceSpan.Start));
        Assert.Empty(run.CompileErrors);
        run.ShouldHaveNoNetwork("MNG017");
    }

    [Fact]
    public void AnUnknownOutputValueIsAnError()
    {
        GeneratorRun run = Generate(CoralV1, 0.25, 128, ", Output = (MobileNetOutput)7");
        Assert.Equal("MNG018", Assert.Single(run.Diagnostics).Id);
        Assert.Contains("Output = 7 is not supported", run.Diagnostics[0].GetMessage());
    }

    [Fact]
    public void AFailedBackboneKeepsItsOutputSpans()
    {
        const string App = """
            using System;
            using MobileNet;
            namespace Tests;
            internal static class App
            {
                public static float Use(float[] input)
                {
                    var block11 = new float[Net.Block11Length];
                    var block13 = new float[Net.Block13Height * Net.Block13Width * Net.Block13Channels];
                    new Net().Run(input, block11, block13);
                    Net.Run(input, block11, block13, new float[Net.WorkspaceLength]);
                    return Net.OutputKind == MobileNetOutput.FeatureMap ? block11[0] : block13[0];
                }
            }
            """;
        byte[] model = FloatTwin.Of(RepositoryFiles.Path(CoralV1));
        // A file of another width (MNG007), and an Output that contradicts FeatureMaps (MNG017).
        foreach ((double alpha, string output, string id) in new[] { (0.5, "", "MNG007"), (0.25, "Output = MobileNetOutput.Logits, ", "MNG017") })
        {
            GeneratorRun run = GeneratorHarness.GenerateWith(GeneratorHarness.Source(alpha, 128, extra: $", {output}FeatureMaps = new[] {{ \"block11\", \"block13\" }}"),
                [GeneratorHarness.BridgeFile("models/model.onnx", model)], otherFile: App);
            Assert.Equal(id, Assert.Single(run.Diagnostics).Id);
            run.ShouldHaveNoNetwork(id);
            Assert.Empty(run.CompileErrors);
            Assert.Empty(GeneratorHarness.Documentation(run).Problems);
        }
    }

    [Fact]
    public void AHostileFeatureMapsNameStaysInItsMessage()
    {
        string hostile = "x\\r\\n}}} [System.Runtime.CompilerServices.ModuleInitializer] static void Boom() { } */ </summary> #error Boom" + new string('y', 5000);
        GeneratorRun run = Generate(CoralV1, 0.25, 128, $", FeatureMaps = new[] {{ \"{hostile}\", \"block11\" }}");
        Diagnostic error = Assert.Single(run.Diagnostics);
        Assert.Equal("MNG017", error.Id);
        string message = error.GetMessage();
        Assert.DoesNotContain('\n', message);
        Assert.True(message.Length < 400, $"{message.Length} characters");
        Assert.DoesNotContain("Boom", string.Concat(run.Sources.Values));
        Assert.Empty(run.CompileErrors);
    }

    [Fact]
    public void AHeadlessFileOfAnotherWidthSaysWhichWidthItIs()
    {
        byte[] extractor = TfliteCut.Truncate(System.IO.File.ReadAllBytes(RepositoryFiles.Path(CoralV1)), 27);
        GeneratorRun run = GeneratorHarness.Generate(GeneratorHarness.Source(0.5, 128, "models/model.tflite"), extractor, modelName: "models/model.tflite");
        Diagnostic error = Assert.Single(run.Diagnostics);
        Assert.Equal("MNG007", error.Id);
        Assert.Contains("the file is MobileNet V1 α=0.25, so set Alpha = 0.25", error.GetMessage());
    }
}
