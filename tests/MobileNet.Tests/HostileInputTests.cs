using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using System.Xml.Linq;
using MobileNet.Generator;
using MobileNet.Generator.Model;
using MobileNet.Testing;
using MobileNet.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace MobileNet.Tests;

/// <summary>
/// A model file is input from outside, read inside the compiler: text from it never becomes code,
/// every broken structure is a diagnostic in bounded time and memory, and a cancelled build stops.
/// </summary>
public sealed class HostileInputTests
{
    // TFLite builtin codes and option-table types (schema.fbs).
    private const int Conv2D = 3, Relu = 19, Pad = 34, Custom = 32, Conv2DOptions = 1;

    /// <summary>Text that would end a comment, a line or a string, reorder what an editor shows, or run on.</summary>
    public static readonly string[] HostileNames =
    [
        "*/ class Injected { } /*",
        "\"); System.Environment.Exit(1); (\"",
        "a\nb", "a\r\n#error injected", "a\u2028b", "a\u2029b", "a\u0085b", "\u202Egnp.exe", "</summary><summary>", "a\0b",
        new string('x', 10_000),
    ];

    [Fact]
    public void DisplayTextEscapesEveryLineTerminatorControlAndBidiCharacter()
    {
        Assert.Equal("a\\u000Ab", DisplayText.Name("a\nb"));
        Assert.Equal("a\\u000D\\u000A#error injected", DisplayText.Name("a\r\n#error injected"));
        Assert.Equal("a\\u2028b a\\u2029b a\\u0085b \\u202Egnp.exe a\\u0000b", DisplayText.Clean("a\u2028b a\u2029b a\u0085b \u202Egnp.exe a\0b"));
        Assert.Equal("lone \\uD800 surrogate, a pair 😀 kept", DisplayText.Clean("lone \uD800 surrogate, a pair 😀 kept"));
        // A long name keeps its start and its end; a cut never splits a surrogate pair.
        Assert.Equal("a" + new string('x', 29) + "…" + new string('x', 28) + "z", DisplayText.Name("a" + new string('x', 10_000) + "z"));
        Assert.Equal("a" + string.Concat(Enumerable.Repeat("😀", 14)) + "…" + string.Concat(Enumerable.Repeat("😀", 15)), DisplayText.Name("a" + string.Concat(Enumerable.Repeat("😀", 40))));
        Assert.Equal("&lt;/summary&gt; &amp; \\u000A", DisplayText.XmlDoc("</summary> & \n"));
        Assert.Same("conv_1/Relu6", DisplayText.Name("conv_1/Relu6"));
        // Tag characters (U+E0041, format characters outside the BMP) hide text; both halves are escaped.
        Assert.Equal("a\\uDB40\\uDC41b", DisplayText.Clean("a\U000E0041b"));
        Assert.Equal("'1', '2', '3', '4', '5', '6', … (9 in all)", DisplayText.List(Enumerable.Range(1, 9).Select(i => $"'{i}'"), ", "));
        foreach (string name in HostileNames)
            Assert.DoesNotContain(DisplayText.Name(name), c => char.IsControl(c) || c is '\u2028' or '\u2029' or '\u202E');
    }

    [Fact]
    public void AProducerNameCannotInjectCodeAndTheDocsStayWellFormed()
    {
        // The last occurrence of a protobuf field wins, so appending ModelProto.producer_name (2) replaces it.
        string producer = "pwn\r\n}}} [System.Runtime.CompilerServices.ModuleInitializer] internal static void Boom() { } /*\u2028*/ </summary> #error x \u202E\u0085"
            + new string('y', 10_000);
        byte[] model = SyntheticOnnx.Build(new NetworkOptions(0.25, 32) { Classes = 10 }).Concat(new ProtoWriter().String(2, producer).ToArray()).ToArray();

        GeneratorRun run = GeneratorHarness.Generate(GeneratorHarness.Source(0.25, 32, weights: "models/a \\\"quoted\\\" <b> & ../path.onnx"), model, modelName: "models/a \"quoted\" <b> & ../path.onnx");
        Assert.Empty(run.Diagnostics);
        Assert.Empty(run.CompileErrors);
        Assert.NotNull(run.Network);
        string summary = run.MainSource.Split('\n').Single(l => l.Contains("written by"));
        Assert.Contains("written by pwn\\u000D\\u000A}}} [System.Runtime.CompilerServices.ModuleInitializer]…)", summary);
        Assert.Contains("<c>models/a \"quoted\" &lt;b&gt; &amp; ../path.onnx</c>", summary);
        Assert.DoesNotContain("Boom", run.MainSource);

        (var problems, string xml) = GeneratorHarness.Documentation(run);
        Assert.Empty(problems);
        XElement member = XDocument.Parse(xml).Descendants("member").Single(m => (string?)m.Attribute("name") == "T:Tests.Net");
        Assert.Contains("written by pwn\\u000D\\u000A}}}", member.Element("summary")!.Value);
    }

    [Theory]
    [MemberData(nameof(HostileNameCases))]
    public void NamesFromTheFileAreShortenedAndEscapedInDiagnostics(string name, bool tflite)
    {
        GeneratorRun run = tflite
            ? Run(TfliteWithUnsupportedOperator(name), ".tflite")
            : Run(OnnxWithUnsupportedNode(name), ".onnx");
        Diagnostic d = Assert.Single(run.Diagnostics);
        Assert.Equal("MNG006", d.Id);
        string message = d.GetMessage();
        Assert.Contains("is not supported", message);
        Assert.DoesNotContain(message, c => char.IsControl(c) || c is '\u2028' or '\u2029' or '\u202E' or '\u0085');
        Assert.True(message.Length < 400, message);
        // The ONNX builder names the node after its output, "<name>_node"; TFLite names an operator by its output.
        Assert.Contains(DisplayText.Name(tflite ? name : name + "_node"), message);
    }

    public static IEnumerable<object[]> HostileNameCases() =>
        HostileNames.SelectMany(n => new[] { new object[] { n, false }, new object[] { n, true } });

    [Theory]
    [InlineData("Alpha = double.NaN, Resolution = 64", "MNG008")]
    [InlineData("Alpha = 1e300, Resolution = 64", "MNG008")]
    [InlineData("Alpha = 0.25, Resolution = -5", "MNG009")]
    [InlineData("Alpha = 0.25, Resolution = int.MaxValue", "MNG009")]
    [InlineData("Alpha = 0.25, Resolution = 64, Normalization = (InputNormalization)99", "MNG015")]
    [InlineData("Alpha = 0.25, Resolution = 64, Version = int.MinValue", "MNG010")]
    public void EveryAttributeValueIsChecked(string arguments, string id)
    {
        string source = $$"""
            using MobileNet;
            namespace Tests;
            [MobileNet({{arguments}}, Weights = "models/model.onnx")]
            public partial class Net;
            """;
        GeneratorRun run = GeneratorHarness.Generate(source, SyntheticOnnx.Build(new NetworkOptions(0.25, 64)), compile: false);
        Diagnostic d = Assert.Single(run.Diagnostics);
        Assert.Equal(id, d.Id);
        run.ShouldHaveNoNetwork(id);
    }

    [Fact]
    public void WeightsPathsMatchExactlyAndAnAbsoluteOrDotDotPathResolves()
    {
        byte[] model = SyntheticOnnx.Build(new NetworkOptions(0.25, 64));
        GeneratorRun otherCase = GeneratorHarness.Generate(GeneratorHarness.Source(0.25, 64, weights: "Models/Model.onnx"), model, compile: false);
        Diagnostic d = Assert.Single(otherCase.Diagnostics);
        Assert.Equal("MNG003", d.Id);
        Assert.Equal("The weights file 'Models/Model.onnx' is not registered: did you mean 'models/model.onnx', which differs from it only in case?", d.GetMessage());

        foreach (string weights in new[] { "/project/models/model.onnx", "sub/../models/model.onnx" })
            Assert.Empty(GeneratorHarness.Generate(GeneratorHarness.Source(0.25, 64, weights: weights), model, compile: false).Diagnostics);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void TheAttributeOnTwoPartialDeclarationsIsOneDiagnosticAndOneNetwork(bool twoFiles)
    {
        const string Second = "using MobileNet;\nnamespace Tests;\n[MobileNet(Alpha = 0.5, Resolution = 64, Weights = \"models/model.onnx\")]\npublic partial class Net { }\n";
        byte[] model = SyntheticOnnx.Build(new NetworkOptions(0.25, 64));
        GeneratorRun run = twoFiles
            ? GeneratorHarness.GenerateWith(GeneratorHarness.Source(0.25, 64), [GeneratorHarness.BridgeFile("models/model.onnx", model)], compile: false, otherFile: Second)
            : GeneratorHarness.Generate(GeneratorHarness.Source(0.25, 64) + "\n" + Second[(Second.IndexOf('[') - 0)..], model, compile: false);
        Diagnostic d = Assert.Single(run.Diagnostics);
        Assert.True(d.Id == "MNG013", d.ToString());
        Assert.Contains("carries [MobileNet] more than once", d.GetMessage());
        Assert.EndsWith(twoFiles ? "Net2.cs" : "Net.cs", d.Location.GetLineSpan().Path);
        Assert.Equal(2, run.Sources.Count);
    }

    [Fact]
    public void CyclesAreDiagnosticsNamingTheirNodes()
    {
        // ONNX: conv → relu → identity, whose output is the relu's input again.
        var g = new OnnxGraphBuilder();
        g.Node("Conv", ["input", g.Initializer("w", [8, 3, 3, 3], new float[8 * 27])], ["c"], new OnnxAttr.Ints("kernel_shape", 3, 3), new OnnxAttr.Ints("strides", 2, 2), new OnnxAttr.Ints("pads", 1, 1, 1, 1));
        g.Node("Relu", ["c"], ["r"]);
        g.Node("Identity", ["r"], ["c"]);
        string onnx = Single(Run(g.Build(13, "input", [1, 3, 64, 64], "out", [1, 10]), ".onnx"), "MNG006");
        Assert.Contains("the graph has a cycle: nodes 'r_node' → 'c_node' lead back to tensor 'c'", onnx);

        // TFLite: a convolution, then an operator that writes its own input.
        byte[] model = Tflite(t =>
        {
            int c = t.Tensor("c", [1, 32, 32, 8]);
            t.Op(Conv2D, [0, ConvWeights(t)], [c], Conv2DOptions, new FbTable().Byte(0, 0).Int(1, 2).Int(2, 2));
            t.Op(Relu, [c], [c]);
        });
        Assert.Contains("the graph has a cycle: operator 1 'c' leads back to tensor 'c'", Single(Run(model, ".tflite"), "MNG006"));
    }

    [Fact]
    public void StructuralDamageIsADiagnosticNotAnInternalFailure()
    {
        // Conv2DOptions without stride fields read as stride 0.
        Assert.Contains("strides 0×0 are not supported (1 to 64)", Single(Run(Tflite(t => t.Op(Conv2D, [0, ConvWeights(t)], [t.Tensor("c", [1, 32, 32, 8])], Conv2DOptions, new FbTable().Byte(0, 0))), ".tflite"), "MNG006"));
        // SAME padding with strides [0, 0].
        var g = new OnnxGraphBuilder();
        g.Node("Conv", ["input", g.Initializer("w", [8, 3, 3, 3], new float[8 * 27])], ["c"], new OnnxAttr.Str("auto_pad", "SAME_UPPER"), new OnnxAttr.Ints("strides", 0, 0));
        Assert.Contains("strides 0×0 are not supported (1 to 64)", Single(Run(g.Build(13, "input", [1, 3, 64, 64], "c", [1, 8, 32, 32]), ".onnx"), "MNG006"));
        // A subgraph input of −1.
        var t = new TfliteBuilder();
        t.Inputs.Add(-1);
        t.Outputs.Add(t.Tensor("out", [1, 10]));
        Assert.Contains("the subgraph's inputs name tensor -1 of 1", Single(Run(t.Build(), ".tflite"), "MNG005"));
        // An operator without outputs.
        Assert.Contains("operator 0 has no output", Single(Run(Tflite(t => t.Op(Relu, [0], [])), ".tflite"), "MNG005"));
        // A node without outputs.
        byte[] noOutput = new ProtoWriter().Message(7, gr => gr.Message(1, n => n.String(1, "input").String(4, "Relu"))).ToArray();
        Assert.Contains("node 'Relu' (Relu) has no output", Single(Run(noOutput, ".onnx"), "MNG005"));
        // A shape whose element count wraps int32 and 64-bit arithmetic, with four bytes of data.
        Assert.Contains("but 4 bytes of data", Single(Run(Tflite(t => t.Tensor("huge", [65536, 65536, 65536, 65536], 0, t.Buffer(new byte[4]))), ".tflite"), "MNG005"));
        // Quantisation scales that are not numbers, and zero points outside their type.
        Assert.Contains("quantisation scale NaN", Single(Run(QuantizedInput(float.NaN, 128), ".tflite"), "MNG005"));
        Assert.Contains("the zero point 300, outside the range of its type UInt8", Single(Run(QuantizedInput(0.5f, 300), ".tflite"), "MNG005"));
        // An empty file.
        Assert.Contains("the file is empty", Single(Run([], ".tflite"), "MNG005"));
        // An Add with one input.
        var add = new OnnxGraphBuilder();
        add.Node("Conv", ["input", add.Initializer("w", [8, 3, 3, 3], new float[8 * 27])], ["c"], new OnnxAttr.Ints("kernel_shape", 3, 3), new OnnxAttr.Ints("strides", 2, 2), new OnnxAttr.Ints("pads", 1, 1, 1, 1));
        add.Node("Add", ["c"], ["a"]);
        Assert.Contains("node 'a_node' (Add): it has 1 inputs; Add takes two", Single(Run(add.Build(13, "input", [1, 3, 64, 64], "a", [1, 8, 32, 32]), ".onnx"), "MNG006"));
        // A kernel larger than its padded input.
        Assert.Contains("a 3×3 kernel does not fit a 2×2 input padded by (0,0,0,0)",
            Single(Run(Tflite(t => t.Op(Conv2D, [0, ConvWeights(t)], [t.Tensor("c", [1, 1, 1, 8])], Conv2DOptions, new FbTable().Byte(0, 1).Int(1, 2).Int(2, 2)), height: 2), ".tflite"), "MNG006"));
        // A PAD whose output goes anywhere but into a convolution.
        Assert.Contains("it follows a PAD; only a convolution may take a PAD's output", Single(Run(Tflite(t =>
        {
            int padded = t.Tensor("padded", [1, 66, 66, 3]);
            t.Op(Pad, [0, t.Constant("paddings", [4, 2], [0, 0, 1, 1, 1, 1, 0, 0])], [padded]);
            t.Op(Relu, [padded], [t.Tensor("r", [1, 66, 66, 3])]);
        }), ".tflite"), "MNG006"));
    }

    [Fact]
    public void LimitsAreNamedAndHoldBeforeAnythingLargeIsAllocated()
    {
        // More nodes than any MobileNet.
        var g = new OnnxGraphBuilder();
        for (int i = 0; i < 4097; i++)
            g.Node("Identity", [i == 0 ? "input" : $"t{i - 1}"], [$"t{i}"]);
        Assert.Contains("nodes in the graph: 4,097, more than the limit of 4,096", Single(Run(g.Build(13, "input", [1, 3, 64, 64], "t4096", [1, 3, 64, 64]), ".onnx"), "MNG014"));

        // 20 MB of packed int64 values behind a one-element tensor: refused without decoding them.
        byte[] packed = Enumerable.Repeat((byte)1, 20 << 20).ToArray();
        byte[] tensor = new ProtoWriter().PackedInt64(1, [1]).Varint(2, 7).String(8, "ints").Bytes(7, packed).ToArray();
        byte[] onnx = new ProtoWriter().Message(7, gr => gr.Bytes(5, tensor)).ToArray();
        (string message, long allocated) = Measure(onnx, ".onnx");
        Assert.Contains("tensor 'ints' has 1 elements but holds more values", message);
        Assert.True(allocated < onnx.Length, $"{allocated:N0} bytes allocated for a {onnx.Length:N0}-byte file");

        // An unused 20 MB uint8 buffer behind a quantised tensor: past the weights limit before it is dequantised.
        byte[] tflite = Tflite(t =>
        {
            int buffer = t.Buffer(new byte[20 << 20]);
            t.Tensor("unused", [20 << 20], 3, buffer, quantization: (0.5f, 0));
        });
        (message, allocated) = Measure(tflite, ".tflite");
        Assert.Contains("weights in the file: 20,971,520, more than the limit of 16,777,216", message);
        Assert.True(allocated < tflite.Length, $"{allocated:N0} bytes allocated for a {tflite.Length:N0}-byte file");
    }

    private static GeneratorRun Run(byte[] model, string extension) =>
        GeneratorHarness.Generate(GeneratorHarness.Source(0.25, 64, weights: "models/model" + extension), model, compile: false, modelName: "models/model" + extension);

    private static string Single(GeneratorRun run, string id)
    {
        Diagnostic d = Assert.Single(run.Diagnostics);
        Assert.True(d.Id == id, d.ToString());
        run.ShouldHaveNoNetwork(id);
        return d.GetMessage();
    }

    /// <summary>The front end's message and the bytes it allocated on a file, bypassing the bridge's base64.</summary>
    private static (string Message, long Allocated) Measure(byte[] model, string extension)
    {
        NetworkSpec request = Request("models/model" + extension);
        long before = GC.GetAllocatedBytesForCurrentThread();
        GenerationResult result = NetworkGenerator.Generate(request, model, emit: false, CancellationToken.None);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        DiagnosticInfo d = Assert.Single(result.Diagnostics);
        return (d.ToDiagnostic().GetMessage(), allocated);
    }

    internal static NetworkSpec Request(string weights, double alpha = 0.25, int resolution = 64) =>
        new(new TargetType("Tests", new[] { "partial class Net" }, "Net", "Tests.Net", false, null), 1, alpha, resolution, weights, 0);

    /// <summary>A TFLite file with one 64×64×3 input (tensor 0) and whatever <paramref name="build"/> adds.</summary>
    private static byte[] Tflite(Action<TfliteBuilder> build, int height = 64)
    {
        var t = new TfliteBuilder();
        t.Inputs.Add(t.Tensor("input", [1, height, height, 3]));
        build(t);
        t.Outputs.Add(t.Tensor("out", [1, 10]));
        return t.Build();
    }

    private static int ConvWeights(TfliteBuilder t) => t.Constant("w", [8, 3, 3, 3], new float[8 * 27]);

    private static byte[] QuantizedInput(float scale, long zeroPoint)
    {
        var t = new TfliteBuilder();
        t.Inputs.Add(t.Tensor("input", [1, 64, 64, 3], type: 3, quantization: (scale, zeroPoint)));
        t.Outputs.Add(t.Tensor("out", [1, 10]));
        return t.Build();
    }

    private static byte[] OnnxWithUnsupportedNode(string name)
    {
        var g = new OnnxGraphBuilder();
        g.Node("Conv", ["input", g.Initializer("w", [8, 3, 3, 3], new float[8 * 27])], ["c"], new OnnxAttr.Ints("kernel_shape", 3, 3), new OnnxAttr.Ints("strides", 2, 2), new OnnxAttr.Ints("pads", 1, 1, 1, 1));
        g.Node("Hardmax", ["c"], [name]);
        return g.Build(13, "input", [1, 3, 64, 64], name, [1, 8, 32, 32]);
    }

    /// <summary>A custom operator whose custom code and output tensor are both named <paramref name="name"/>.</summary>
    private static byte[] TfliteWithUnsupportedOperator(string name)
    {
        FbTable Tensor(string tensor) => new FbTable().Ref(0, FbScalars.Ints(1, 64, 64, 3)).Ref(3, new FbString(tensor));
        var subgraph = new FbTable()
            .Ref(0, new FbTables([Tensor("input"), Tensor(name)])).Ref(1, FbScalars.Ints(0)).Ref(2, FbScalars.Ints(1))
            .Ref(3, new FbTables([new FbTable().UInt(0, 0).Ref(1, FbScalars.Ints(0)).Ref(2, FbScalars.Ints(1))]));
        var model = new FbTable().UInt(0, 3)
            .Ref(1, new FbTables([new FbTable().Byte(0, Custom).Ref(1, new FbString(name)).Int(3, Custom)]))
            .Ref(2, new FbTables([subgraph]))
            .Ref(4, new FbTables([new FbTable()]));
        return FlatBufferWriter.Write(model, "TFL3");
    }

    [Fact]
    public void TablesThatShareAVectorCannotMakeTheReaderDecodeItWithoutEnd()
    {
        // One 400 KB vector: a converter writes each vector once, so decoding it a third time means tables share it.
        byte[] file = FlatBufferWriter.Write(new FbTable().Ref(0, FbScalars.Floats(new float[100_000])), "TFL3");
        var fb = new MobileNet.Generator.Reading.FlatBufferReader(file);
        int root = fb.Root("TFL3");
        Assert.Equal(100_000, fb.Floats(root, 0).Length);
        Assert.Equal(100_000, fb.Floats(root, 0).Length);
        var limit = Assert.Throws<MobileNet.Generator.Reading.ModelLimitException>(() => fb.Floats(root, 0));
        Assert.Contains("bytes of vectors and strings decoded (tables that share data): 1,200,000", limit.Message);
    }
}
