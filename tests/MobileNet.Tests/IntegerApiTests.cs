using System;
using System.IO;
using System.Linq;
using System.Reflection;
using MobileNet.Testing;
using MobileNet.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace MobileNet.Tests;

/// <summary>What an integer network's class offers, and what stops a file from running in integers.</summary>
[Collection(Allocations.Name)]
public sealed class IntegerApiTests
{
    private const string Coral = "models/coral/mobilenet_v1_0.25_128_quant.tflite";

    private static GeneratorRun Generate(OptimizationLevel optimization = OptimizationLevel.Release, string extra = ", Arithmetic = MobileNetArithmetic.Integer") =>
        GeneratorHarness.Generate(GeneratorHarness.Source(0.25, 128, "models/model.tflite", extra), File.ReadAllBytes(RepositoryFiles.Path(Coral)),
            modelName: "models/model.tflite", optimization: optimization);

    [Theory]
    [InlineData(OptimizationLevel.Release)]
    [InlineData(OptimizationLevel.Debug)]
    public void EveryRunAllocatesNothing(OptimizationLevel optimization)
    {
        GeneratorRun run = Generate(optimization);
        Assert.Empty(run.CompileErrors);
        object network = Activator.CreateInstance(run.Network!)!;
        var input = new byte[run.Constant("InputLength")];
        new Random(3).NextBytes(input);
        var codes = new byte[run.Constant("OutputLength")];
        var values = new float[codes.Length];
        var image = Enumerable.Range(0, input.Length).Select(i => input[i] / 128f - 1).ToArray();
        SpanRun<byte, byte> bytesRun = Delegate<byte, byte>(network);
        SpanRun<float, float> floatRun = Delegate<float, float>(network);
        Assert.Equal(0, Allocations.Measure(() =>
        {
            for (int i = 0; i < 20; i++)
            {
                bytesRun(input, codes);
                floatRun(image, values);
            }
        }));
        // The float overload quantises Coral's input (scale 1/128, zero point 128) back to the same bytes and dequantises the codes.
        bytesRun(input, codes);
        floatRun(image, values);
        Assert.Equal(codes.Select(c => c / 256f), values);
        Assert.Equal(1f / 256, (float)run.Network!.GetField("OutputScale")!.GetValue(null)!);
        Assert.Equal(128, run.Constant("InputZeroPoint"));
    }

    /// <summary>The instance Run over spans of these types, as a delegate (spans cannot go through reflection's object arrays).</summary>
    private static SpanRun<TIn, TOut> Delegate<TIn, TOut>(object network) =>
        network.GetType().GetMethod("Run", [typeof(ReadOnlySpan<TIn>), typeof(Span<TOut>)])!.CreateDelegate<SpanRun<TIn, TOut>>(network);

    private delegate void SpanRun<TIn, TOut>(ReadOnlySpan<TIn> input, Span<TOut> output);

    [Fact]
    public void AFloatFileCannotRunInIntegersAndSaysSo()
    {
        byte[] file = SyntheticTfliteV1.Build(new TfliteV1Options(0.25, 64) { Classes = 4 }).Tflite;
        GeneratorRun run = GeneratorHarness.Generate(GeneratorHarness.Source(0.25, 64, "models/model.tflite", ", Arithmetic = MobileNetArithmetic.Integer"), file, modelName: "models/model.tflite");
        Diagnostic diagnostic = Assert.Single(run.Diagnostics);
        Assert.Equal("MNG021", diagnostic.Id);
        Assert.Contains("the file's weights are float", diagnostic.GetMessage());
        // Located at the argument, rebuilt from path and span as every generation diagnostic is.
        Assert.Equal("MobileNetArithmetic.Integer", run.Input.SyntaxTrees.Single().GetText().ToString(diagnostic.Location.SourceSpan));
        run.ShouldHaveNoNetwork("MNG021");
    }

    [Fact]
    public void AnUnknownArithmeticIsAnError()
    {
        GeneratorRun run = Generate(extra: ", Arithmetic = (MobileNetArithmetic)7");
        Assert.Equal("MNG020", Assert.Single(run.Diagnostics).Id);
    }

    [Fact]
    public void AQuantisedFileRunsInIntegersUnlessFloatIsAsked()
    {
        GeneratorRun auto = Generate(extra: ""), integer = Generate(), single = Generate(extra: ", Arithmetic = MobileNetArithmetic.Float");
        // Auto is Integer for a quantised TFLite file: the same source, byte for byte.
        Assert.Equal(integer.MainSource, auto.MainSource);
        Assert.NotNull(auto.Network!.GetMethod("Run", [typeof(ReadOnlySpan<byte>), typeof(Span<byte>), typeof(Span<byte>)]));
        Assert.Contains("run in integers as TFLite runs it", auto.MainSource);
        Assert.NotNull(single.Network!.GetMethod("Run", [typeof(ReadOnlySpan<float>), typeof(Span<float>), typeof(Span<float>)]));
        Assert.Contains("uint8 weights dequantised at build time", single.MainSource);
        // 8-bit activations: the integer workspace (bytes) against the float one (floats).
        int bytes = integer.Constant("WorkspaceLength"), floats = single.Constant("WorkspaceLength");
        Assert.True(bytes < floats * sizeof(float) * 0.5, $"integer workspace {bytes:N0} bytes, float {floats * sizeof(float):N0}");

        // What the integer networks do not have yet falls back to float under Auto, and is an error under Integer.
        const string taps = ", FeatureMaps = new[] { \"block11\", \"pool\" }";
        GeneratorRun tapsAuto = Generate(extra: taps), tapsInteger = Generate(extra: taps + ", Arithmetic = MobileNetArithmetic.Integer");
        Assert.DoesNotContain(tapsAuto.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Contains("uint8 weights dequantised at build time", tapsAuto.MainSource);
        Diagnostic error = Assert.Single(tapsInteger.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal("MNG021", error.Id);
        Assert.Contains("several feature maps from one pass do not run in integers yet", error.GetMessage());
    }

    /// <summary>
    /// TF2's converter wraps an int8 network in QUANTIZE operators for uint8 inputs and outputs. In integers the
    /// class takes and gives the file's uint8 codes (the int8 ones inside, each with its sign bit flipped; LiteRT
    /// agrees in <see cref="IntegerExecutionTests"/>), or the classifier's int8 codes when cut there; in float it
    /// drops them, and both classes give the same class.
    /// </summary>
    [Fact]
    public void AnInt8FileBetweenUint8QuantizeOperatorsTakesAndGivesUint8()
    {
        byte[] file = SyntheticQuantizedV1.Build(0.5, 64, seed: 3, int8: true);
        GeneratorRun integer = GeneratorHarness.Generate(GeneratorHarness.Source(0.5, 64, "models/model.tflite"), file, modelName: "models/model.tflite");
        GeneratorRun single = GeneratorHarness.Generate(GeneratorHarness.Source(0.5, 64, "models/model.tflite", ", Arithmetic = MobileNetArithmetic.Float"), file, modelName: "models/model.tflite");
        foreach (GeneratorRun run in new[] { integer, single })
        {
            Assert.Empty(run.Diagnostics);
            Assert.Empty(run.CompileErrors);
        }
        Assert.Contains("int8 weights dequantised at build time", single.MainSource);
        Assert.Equal(128, integer.Constant("InputZeroPoint"));
        Assert.Equal(0, integer.Constant("OutputZeroPoint"));
        Assert.Contains("/// 31  QUANTIZE", integer.MainSource);
        // Cut before the softmax, the network ends on the classifier's int8 codes, not the file's uint8 output.
        GeneratorRun logits = GeneratorHarness.Generate(GeneratorHarness.Source(0.5, 64, "models/model.tflite", ", Output = MobileNetOutput.Logits"), file, modelName: "models/model.tflite");
        Assert.DoesNotContain(logits.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Empty(logits.CompileErrors);
        Assert.Equal(0.1f, (float)logits.Network!.GetField("OutputScale")!.GetValue(null)!);
        Assert.NotNull(logits.Network.GetMethod("Run", [typeof(ReadOnlySpan<byte>), typeof(Span<sbyte>), typeof(Span<byte>)]));
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(logits.MainSource, @"^///\s+\d+\s+QUANTIZE", System.Text.RegularExpressions.RegexOptions.Multiline));

        byte[] input = new byte[64 * 64 * 3];
        new Random(8).NextBytes(input);
        byte[] codes = IntegerExecutionTests.RunQuantized(integer, input);
        float[] probabilities = new float[codes.Length];
        // The float network's input is the real values the uint8 codes stand for: scale 1/128, zero point 128.
        single.Run(input.Select(b => (b - 128f) / 128f).ToArray(), probabilities, new float[single.Constant("WorkspaceLength")]);
        Assert.Equal(Array.IndexOf(codes, codes.Max()), Array.IndexOf(probabilities, probabilities.Max()));
    }

    [Fact]
    public void AQuantisedOnnxModelSaysWhatToUseInstead()
    {
        // The QDQ form onnxruntime's quantizer writes, here the Coral file's twin.
        byte[] qdq = TfliteToOnnx.ConvertQdq(File.ReadAllBytes(RepositoryFiles.Path(Coral)));
        foreach (string arithmetic in new[] { "", ", Arithmetic = MobileNetArithmetic.Integer" })
        {
            GeneratorRun run = GeneratorHarness.Generate(GeneratorHarness.Source(0.25, 128, "models/model.onnx", arithmetic), qdq, compile: false, modelName: "models/model.onnx");
            Diagnostic error = Assert.Single(run.Diagnostics);
            Assert.Equal("MNG006", error.Id);
            Assert.Matches("node '.+' is a (QuantizeLinear|DequantizeLinear): quantised ONNX models \\(QDQ or QLinear operators\\) do not run yet; generate from the float ONNX model, or from the quantised .tflite", error.GetMessage());
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData(", Output = MobileNetOutput.Embedding")]
    public void TheIntegerClassHasEveryConstantOfTheFloatOne(string output)
    {
        GeneratorRun integer = Generate(extra: output), single = Generate(extra: output + ", Arithmetic = MobileNetArithmetic.Float");
        static string[] Constants(GeneratorRun run) => run.Network!.GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral).Select(f => f.Name).ToArray();
        Assert.Empty(Constants(single).Except(Constants(integer)));
        foreach (string shape in new[] { "OutputLength", "OutputHeight", "OutputWidth", "OutputChannels" })
            Assert.Equal(single.Constant(shape), integer.Constant(shape));
    }
}
