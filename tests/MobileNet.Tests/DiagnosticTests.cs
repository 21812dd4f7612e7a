using System;
using System.IO;
using System.Linq;
using MobileNet.Generator;
using MobileNet.Generator.Model;
using MobileNet.Testing;
using MobileNet.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace MobileNet.Tests;

/// <summary>One test per diagnostic ID: each says what is wrong, where, and no network is generated (see <see cref="StandInTests"/> for what the class gets instead).</summary>
public sealed class DiagnosticTests
{
    private static readonly byte[] SmallModel = SyntheticOnnx.Build(new NetworkOptions(0.25, 64));

    private static Diagnostic Single(GeneratorRun run, string id)
    {
        Diagnostic diagnostic = Assert.Single(run.Diagnostics);
        Assert.Equal(id, diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        // Like System.Text.Json's generator, locations are rebuilt from path and span so that no model holds a syntax tree.
        Assert.Equal($"{GeneratorHarness.ProjectDirectory}/Net.cs", diagnostic.Location.GetLineSpan().Path);
        run.ShouldHaveNoNetwork(id);
        return diagnostic;
    }

    private static string Located(GeneratorRun run, Diagnostic diagnostic) =>
        run.Input.SyntaxTrees.Single().GetText().ToString(diagnostic.Location.SourceSpan);

    [Fact]
    public void MNG001_ClassNotPartial()
    {
        GeneratorRun run = GeneratorHarness.Generate(GeneratorHarness.Source(0.25, 64).Replace("public partial class Net", "public class Net"), SmallModel, compile: false);
        Diagnostic d = Single(run, "MNG001");
        Assert.Equal("Net", Located(run, d));
        Assert.Contains("'Net' must be declared partial", d.GetMessage());
    }

    [Fact]
    public void MNG002_NoWeights()
    {
        GeneratorRun run = GeneratorHarness.Generate(GeneratorHarness.Source(0.25, 64).Replace(", Weights = \"models/model.onnx\"", ""), SmallModel, compile: false);
        Diagnostic d = Single(run, "MNG002");
        Assert.StartsWith("MobileNet(", Located(run, d));
    }

    [Fact]
    public void MNG003_ModelNotRegistered()
    {
        GeneratorRun run = GeneratorHarness.Generate(GeneratorHarness.Source(0.25, 64, weights: "models/other.onnx"), SmallModel, compile: false);
        Diagnostic d = Single(run, "MNG003");
        Assert.Equal("\"models/other.onnx\"", Located(run, d));
        Assert.Equal("The weights file 'models/other.onnx' is not registered: add <MobileNetModel Include=\"models/other.onnx\" /> to the project file (registered: models/model.onnx)", d.GetMessage());
    }

    [Theory]
    // Two edits (a transposition) and one: the registered path is suggested instead of registering the typo.
    [InlineData("models/mobilenet_v1_0.5_160_qaunt.tflite", "did you mean 'models/mobilenet_v1_0.5_160_quant.tflite'?")]
    [InlineData("models/mobilenet_v1_0.25_128_quant.tflit", "did you mean 'models/mobilenet_v1_0.25_128_quant.tflite'?")]
    // Three edits from both: another size, which is to be registered, not corrected.
    [InlineData("models/mobilenet_v1_0.75_192_quant.tflite",
        "add <MobileNetModel Include=\"models/mobilenet_v1_0.75_192_quant.tflite\" /> to the project file (registered: models/mobilenet_v1_0.25_128_quant.tflite, models/mobilenet_v1_0.5_160_quant.tflite)")]
    [InlineData("resnet50.onnx",
        "add <MobileNetModel Include=\"resnet50.onnx\" /> to the project file (registered: models/mobilenet_v1_0.25_128_quant.tflite, models/mobilenet_v1_0.5_160_quant.tflite)")]
    public void MNG003_ATypoSuggestsTheNearestRegisteredPath(string weights, string advice)
    {
        AdditionalText[] registered = [GeneratorHarness.BridgeFile("models/mobilenet_v1_0.25_128_quant.tflite", SmallModel), GeneratorHarness.BridgeFile("models/mobilenet_v1_0.5_160_quant.tflite", SmallModel)];
        GeneratorRun run = GeneratorHarness.GenerateWith(GeneratorHarness.Source(0.25, 64, weights), registered, compile: false);
        Assert.Equal($"The weights file '{weights}' is not registered: {advice}", Single(run, "MNG003").GetMessage());
    }

    [Fact]
    public void MNG004_ModelFileMissing()
    {
        Diagnostic d = Single(GeneratorHarness.Generate(GeneratorHarness.Source(0.25, 64), model: null, compile: false), "MNG004");
        Assert.Contains("'models/model.onnx' does not exist", d.GetMessage());
    }

    [Fact]
    public void MNG005_TruncatedFile()
    {
        Diagnostic d = Single(GeneratorHarness.Generate(GeneratorHarness.Source(0.25, 64), SmallModel[..(SmallModel.Length / 2)], compile: false), "MNG005");
        Assert.Contains("truncated", d.GetMessage());
    }

    [Fact]
    public void MNG006_UnsupportedOperator()
    {
        // Swap the first Clip for an operator the generator does not know: the node is named in the message.
        byte[] model = Replace(SmallModel, "Clip", "Gelu");
        Diagnostic d = Single(GeneratorHarness.Generate(GeneratorHarness.Source(0.25, 64), model, compile: false), "MNG006");
        Assert.Contains("(Gelu): the operator Gelu is not supported", d.GetMessage());
    }

    [Fact]
    public void MNG006_NonFiniteWeights()
    {
        // A BatchNorm variance of −1 − ε folds to NaN weights: refuse the file rather than emit a network that outputs NaN.
        var g = new OnnxGraphBuilder();
        g.Node("Conv", ["input", g.Initializer("W", [8, 3, 3, 3], new float[216])], ["y"], new OnnxAttr.Ints("kernel_shape", 3, 3));
        g.Node("BatchNormalization", ["y", g.Initializer("s", [8], new float[8]), g.Initializer("b", [8], new float[8]), g.Initializer("m", [8], new float[8]),
            g.Initializer("v", [8], System.Linq.Enumerable.Repeat(-2f, 8).ToArray())], ["z"]);
        Diagnostic d = Single(GeneratorHarness.Generate(GeneratorHarness.Source(0.25, 64), g.Build(13, "input", [1, 3, 64, 64], "z", [1, 8, 62, 62]), compile: false), "MNG006");
        Assert.Contains("NaN or infinity", d.GetMessage());
    }

    [Fact]
    public void MNG006_BranchingGraph()
    {
        var g = new OnnxGraphBuilder();
        g.Node("Relu", ["input"], ["a"]);
        g.Node("Relu", ["input"], ["b"]);
        Diagnostic d = Single(GeneratorHarness.Generate(GeneratorHarness.Source(0.25, 64), g.Build(13, "input", [1, 3, 64, 64], "a", [1, 3, 64, 64]), compile: false), "MNG006");
        Assert.Contains("tensor 'input' feeds 2 nodes", d.GetMessage());
    }

    [Fact]
    public void MNG007_WidthMismatchNamesTheLayerAndShapes()
    {
        Diagnostic d = Single(GeneratorHarness.Generate(GeneratorHarness.Source(0.5, 64), SmallModel, compile: false), "MNG007");
        Assert.Equal("The weights file 'models/model.onnx' does not match MobileNet V1 α=0.5 at 64×64: the file is MobileNet V1 α=0.25, so set Alpha = 0.25; " +
            "layer 0 expected conv 3×3, stride 2, 64×64×3 → 32×32×16; found node 'conv_0_node': 3×3 conv, stride 2, 64×64×3 → 32×32×8", d.GetMessage());
    }

    [Fact]
    public void MNG007_ResolutionMismatch()
    {
        Diagnostic d = Single(GeneratorHarness.Generate(GeneratorHarness.Source(0.25, 96), SmallModel, compile: false), "MNG007");
        Assert.Equal("The weights file 'models/model.onnx' does not match MobileNet V1 α=0.25 at 96×96: the file is MobileNet V1 α=0.25 at 64×64, so set Resolution = 64; " +
            "the input is 64×64×3, expected 96×96×3 (or ×1 for greyscale)", d.GetMessage());
    }

    // Coral's V1 α=0.25 at 128×128 and V2 α=1 at 224×224: each mistake on a real file names what the file is and the values that fit it.
    [Theory]
    [InlineData("mobilenet_v1_0.25_128_quant.tflite", "Alpha = 0.5, Resolution = 128",
        "does not match MobileNet V1 α=0.5 at 128×128: the file is MobileNet V1 α=0.25, so set Alpha = 0.25; " +
        "layer 0 expected conv 3×3, stride 2, 128×128×3 → 64×64×16; found node 'MobilenetV1/MobilenetV1/Conv2d…/Conv2d_0/BatchNorm_Fold/bias': 3×3 conv, stride 2, 128×128×3 → 64×64×8")]
    [InlineData("mobilenet_v1_0.25_128_quant.tflite", "Alpha = 0.5, Resolution = 160",
        "does not match MobileNet V1 α=0.5 at 160×160: the file is MobileNet V1 α=0.25 at 128×128, so set Alpha = 0.25 and Resolution = 128; " +
        "the input is 128×128×3, expected 160×160×3 (or ×1 for greyscale)")]
    [InlineData("mobilenet_v1_0.25_128_quant.tflite", "Version = 2, Alpha = 0.25, Resolution = 128",
        "does not match MobileNet V2 α=0.25 at 128×128: the file is MobileNet V1 α=0.25, so set Version = 1 (or remove Version); " +
        "bottleneck 0 expected linear project 1×1 (no activation), stride 1, 64×64×8 → 64×64×8; found node 'MobilenetV1/MobilenetV1/Conv2d…pointwise/BatchNorm_Fold/bias': 1×1 conv, stride 1, 64×64×8 → 64×64×16")]
    [InlineData("mobilenet_v2_1.0_224_quant.tflite", "Alpha = 1.0, Resolution = 224",
        "does not match MobileNet V1 α=1 at 224×224: the file is MobileNet V2 α=1, so set Version = 2; " +
        "layer 2 expected pointwise 1×1, stride 1, 112×112×32 → 112×112×64; found node 'MobilenetV2/expanded_conv/proj…/project/BatchNorm_Fold/bias1': 1×1 conv, stride 1, 112×112×32 → 112×112×16")]
    [InlineData("mobilenet_v2_1.0_224_quant.tflite", "Version = 1, Alpha = 0.5, Resolution = 224",
        "does not match MobileNet V1 α=0.5 at 224×224: the file is MobileNet V2 α=1, so set Version = 2 and Alpha = 1; " +
        "layer 0 expected conv 3×3, stride 2, 224×224×3 → 112×112×16; found node 'MobilenetV2/Conv/Relu6;Mobilen…etV2/Conv/BatchNorm_Fold/bias': 3×3 conv, stride 2, 224×224×3 → 112×112×32")]
    public void MNG007_OnARealFileSaysWhatTheFileIs(string file, string arguments, string message)
    {
        string source = $$"""
            using MobileNet;
            namespace Tests;
            [MobileNet({{arguments}}, Weights = "models/{{file}}")]
            public partial class Net;
            """;
        GeneratorRun run = GeneratorHarness.Generate(source, File.ReadAllBytes(RepositoryFiles.Path("models/coral/" + file)), compile: false, modelName: "models/" + file);
        Assert.Equal($"The weights file 'models/{file}' {message}", Single(run, "MNG007").GetMessage());
    }

    [Fact]
    public void MNG007_StrideMismatchDeepInTheNetwork()
    {
        // Block 12 (layer 25) must have stride 1 (the paper's table misprints 2); a file with stride 2 is rejected there.
        var options = new NetworkOptions(0.25, 64);
        byte[] model = SyntheticOnnx.Build(options);
        GeneratorRun run = GeneratorHarness.Generate(GeneratorHarness.Source(0.25, 64), TamperStrides(model, convIndex: 25), compile: false);
        // No published MobileNet has this stride there: the message says where the file departs, and claims nothing about what it is.
        Assert.Equal("The weights file 'models/model.onnx' does not match MobileNet V1 α=0.25 at 64×64: " +
            "layer 25 expected depthwise 3×3, stride 1, 2×2×256 → 2×2×256; found node 'conv_25_node': depthwise 3×3 conv, stride 2, 2×2×256 → 1×1×256", Single(run, "MNG007").GetMessage());
    }

    [Fact]
    public void LongNodeNamesKeepTheirStartAndTheirEnd()
    {
        // The builder names each node after its output: "<output>_node", here 200 characters.
        string output = "MobilenetV1/MobilenetV1/" + new string('x', 153) + "/Conv2d_13/Hardmax";
        Assert.Equal(200, (output + "_node").Length);
        var g = new OnnxGraphBuilder();
        g.Node("Conv", ["input", g.Initializer("w", [8, 3, 3, 3], new float[8 * 27])], ["c"], new OnnxAttr.Ints("kernel_shape", 3, 3), new OnnxAttr.Ints("strides", 2, 2), new OnnxAttr.Ints("pads", 1, 1, 1, 1));
        g.Node("Hardmax", ["c"], [output]);
        GeneratorRun run = GeneratorHarness.Generate(GeneratorHarness.Source(0.25, 64), g.Build(13, "input", [1, 3, 64, 64], output, [1, 8, 32, 32]), compile: false);
        Assert.Equal("The weights file 'models/model.onnx' holds a graph the generator does not support: " +
            "node 'MobilenetV1/MobilenetV1/xxxxxx…xxxxxx/Conv2d_13/Hardmax_node' (Hardmax): the operator Hardmax is not supported", Single(run, "MNG006").GetMessage());
    }

    [Theory]
    [InlineData("Alpha = 0.25", "Alpha = 0", "MNG008", "0")]
    [InlineData("Alpha = 0.25", "Alpha = 3.5", "MNG008", "3.5")]
    [InlineData("Resolution = 64", "Resolution = 16", "MNG009", "16")]
    [InlineData("MobileNet(", "MobileNet(Version = 3, ", "MNG010", "3")]
    public void UnsupportedArgumentsPointAtTheArgument(string from, string to, string id, string argument)
    {
        GeneratorRun run = GeneratorHarness.Generate(GeneratorHarness.Source(0.25, 64).Replace(from, to), SmallModel, compile: false);
        Assert.Equal(argument, Located(run, Single(run, id)));
    }

    [Fact]
    public void MNG011_UnsupportedFormat()
    {
        GeneratorRun run = GeneratorHarness.Generate(GeneratorHarness.Source(0.25, 64, weights: "models/model.pb"), SmallModel, compile: false, modelName: "models/model.pb");
        Assert.Contains("use an ONNX (.onnx) or TensorFlow Lite (.tflite) file", Single(run, "MNG011").GetMessage());
    }

    [Fact]
    public void MNG012_AFailureInsideAStageIsADiagnosticNotACrash()
    {
        // An impossible request (no weights path, which the parser never lets through) makes the reader fail:
        // the generator must still not throw, and the class still gets a stand-in's members.
        GeneratorRun ok = GeneratorHarness.Generate(GeneratorHarness.Source(0.25, 64), SmallModel, compile: false);
        Assert.Empty(ok.Diagnostics);
        var target = new TargetType("Tests", new[] { "public partial class Net" }, "Net", "Tests.Net", false, null);
        var request = new NetworkSpec(target, 1, 0.25, 64, Weights: null, 0);
        GenerationResult result = NetworkGenerator.Generate(request, SmallModel, emit: true, default);
        DiagnosticInfo d = Assert.Single(result.Diagnostics);
        Assert.Equal("MNG012", d.Descriptor.Id);
        Assert.Contains("was not generated: see the build's error MNG012", Assert.Single(result.Files).Text);
    }

    [Fact]
    public void ModelsOutsideTheProjectAreNamedByTheirLink()
    {
        var bridge = new GeneratorHarness.InMemoryText("/project/obj/mobilenet/x.mobilenet.b64",
            GeneratorHarness.Bridge("/elsewhere/shared/model.onnx", SmallModel, link: "models/small.onnx"));
        GeneratorRun run = GeneratorHarness.GenerateWith(GeneratorHarness.Source(0.25, 64, weights: "models/small.onnx"), [bridge], compile: false);
        Assert.Empty(run.Diagnostics);
        Assert.Equal(2, run.Sources.Count);
    }

    [Fact]
    public void GarbageAndTruncatedFilesAreDiagnosticsNeverCrashes()
    {
        var random = new Random(42);
        byte[] real = FloatTwin.Of(RepositoryFiles.Path("models/coral/mobilenet_v1_0.25_128_quant.tflite"));
        var files = new[] { Array.Empty<byte>(), new byte[] { 0xFF }, new byte[] { 0x3A, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x7F } }
            .Concat(new[] { 16, 1000, 100_000 }.Select(n => { var b = new byte[n]; random.NextBytes(b); return b; }))
            .Concat(new[] { 1, 10, 100, 1000, 10_000, 100_000, real.Length / 2, real.Length - 1 }.Select(n => real[..n]));
        foreach (byte[] file in files)
        {
            GeneratorRun run = GeneratorHarness.Generate(GeneratorHarness.Source(0.25, 128), file, compile: false);
            Diagnostic d = Assert.Single(run.Diagnostics);
            Assert.True(d.Id is "MNG005" or "MNG006", $"{file.Length} bytes: {d}");
            run.ShouldHaveNoNetwork(d.Id);
        }
    }

    /// <summary>Replaces an ASCII string of the same length inside a serialised model.</summary>
    private static byte[] Replace(byte[] model, string from, string to)
    {
        byte[] copy = (byte[])model.Clone();
        byte[] pattern = System.Text.Encoding.ASCII.GetBytes(from);
        int at = copy.AsSpan().IndexOf(pattern);
        Assert.True(at >= 0);
        System.Text.Encoding.ASCII.GetBytes(to).CopyTo(copy, at);
        return copy;
    }

    /// <summary>Rewrites the strides attribute of the <paramref name="convIndex"/>-th Conv node from 1,1 to 2,2.</summary>
    private static byte[] TamperStrides(byte[] model, int convIndex)
    {
        // strides = [1, 1] is serialised as the name "strides" followed by packed ints 01 01; find the occurrence for this conv.
        byte[] copy = (byte[])model.Clone();
        byte[] name = System.Text.Encoding.ASCII.GetBytes("strides");
        int at = -1;
        for (int i = 0; i <= convIndex; i++)
            at = copy.AsSpan(at + 1).IndexOf(name) + at + 1;
        int value = copy.AsSpan(at).IndexOf(new byte[] { 0x42, 0x02 }) + at + 2; // field 8 (ints), packed, 2 bytes
        Assert.Equal(new byte[] { 1, 1 }, copy[value..(value + 2)]);
        copy[value] = copy[value + 1] = 2;
        return copy;
    }
}
