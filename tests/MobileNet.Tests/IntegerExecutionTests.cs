using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;
using MobileNet.Testing;
using MobileNet.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace MobileNet.Tests;

/// <summary>
/// Quantised files run in integers (Arithmetic = Integer) against LiteRT, TFLite's own runtime, on the same
/// 8-bit inputs: every output value equal.
/// </summary>
public sealed class IntegerExecutionTests(ITestOutputHelper output)
{
    public static TheoryData<string, double, int, int> Models => new()
    {
        { "models/coral/mobilenet_v1_0.25_128_quant.tflite", 0.25, 128, 3 },
        { "models/coral/mobilenet_v1_0.5_160_quant.tflite", 0.5, 160, 3 },
        { "models/tflm/person_detect.tflite", 0.25, 96, 1 },
        { "models/coral/mobilenet_v2_1.0_224_quant.tflite", 1.0, 224, 3 },
    };

    [Theory]
    [MemberData(nameof(Models))]
    public void EveryOutputEqualsLiteRts(string file, double alpha, int resolution, int channels)
    {
        GeneratorRun run = Generate(file, alpha, resolution);
        int length = resolution * resolution * channels;
        var inputs = (channels == 3 ? new[] { "chelsea.png", "coffee.png", "grace_hopper.bmp" }.Select(image => (image, LiteRtReferenceTests.Rgb(image, resolution))) : [])
            .Concat(Enumerable.Range(0, 3).Select(seed => ($"random {seed}", RandomBytes(length, seed))));
        int mismatches = 0, elements = 0;
        foreach ((string name, byte[] input) in inputs)
        {
            byte[] expected = Assert.Single(LiteRt.Run(RepositoryFiles.Path(file), input)).Data;
            byte[] actual = RunQuantized(run, input);
            int differ = expected.Zip(actual).Count(p => p.First != p.Second);
            int worst = expected.Zip(actual).Max(p => Math.Abs(Value(run, p.First) - Value(run, p.Second)));
            output.WriteLine($"{Path.GetFileName(file)} on {name}: {differ} of {expected.Length} outputs differ from LiteRT's (by at most {worst} steps)");
            mismatches += differ;
            elements += expected.Length;
        }
        Assert.Equal(0, mismatches);
    }

    /// <summary>
    /// 8-bit activations in a workspace of at most 30 % of the float network's (a quarter from the bytes, less
    /// what streaming saves: V2's large expanded maps never exist whole), and person_detect's within 64 KB, half of
    /// TFLite Micro's 136 KB arena. The figures are those the class's docs state.
    /// </summary>
    [Theory]
    [MemberData(nameof(Models))]
    public void TheWorkspaceIsAtMostThirtyPercentOfTheFloatNetworks(string file, double alpha, int resolution, int channels)
    {
        string version = file.Contains("_v2_") ? ", Version = 2" : "";
        GeneratorRun run = GeneratorHarness.Generate(GeneratorHarness.Source(alpha, resolution, "models/model.tflite", version + ", Arithmetic = MobileNetArithmetic.Integer"),
            File.ReadAllBytes(RepositoryFiles.Path(file)), compile: false, modelName: "models/model.tflite");
        Match stated = Regex.Match(run.MainSource, @"a workspace of ([\d,]+) bytes \(the float network's: ([\d,]+)\)");
        Assert.True(stated.Success, "the class's docs state both workspaces");
        int bytes = int.Parse(stated.Groups[1].Value.Replace(",", "")), floats = int.Parse(stated.Groups[2].Value.Replace(",", ""));
        output.WriteLine($"{Path.GetFileName(file)}: {bytes:N0} bytes, {100.0 * bytes / floats:0.0} % of the float network's {floats:N0}");
        Assert.True(bytes <= 0.3 * floats, $"{bytes:N0} bytes, {100.0 * bytes / floats:0.0} % of {floats:N0}");
        if (channels == 1)
            Assert.True(bytes <= 64 * 1024, $"person_detect's workspace is {bytes:N0} bytes");
    }

    /// <summary>
    /// The code every other CPU runs: a build for linux-arm64 has only the ARM64 branches, so on this x64 machine
    /// (no NEON) every GEMM, depthwise filter and stem takes its scalar code, on the same packed data.
    /// </summary>
    [Theory]
    [InlineData("models/coral/mobilenet_v1_0.25_128_quant.tflite", 0.25, 128, 3)]
    [InlineData("models/tflm/person_detect.tflite", 0.25, 96, 1)]
    public void TheScalarKernelsEqualLiteRtToo(string file, double alpha, int resolution, int channels)
    {
        GeneratorRun run = Generate(file, alpha, resolution, runtimeIdentifier: "linux-arm64");
        Assert.Contains("Dp.IsSupported", run.MainSource);
        Assert.DoesNotContain("Avx2.IsSupported", run.MainSource);
        foreach (int seed in new[] { 4, 5 })
        {
            byte[] input = RandomBytes(resolution * resolution * channels, seed);
            Assert.Equal(Assert.Single(LiteRt.Run(RepositoryFiles.Path(file), input)).Data, RunQuantized(run, input));
        }
    }

    /// <summary>
    /// Widths and sizes no published file has, quantised as Coral's files are (<see cref="SyntheticQuantizedV1"/>):
    /// α 0.75's first depthwise layer has 24 channels (a block of 16 and a half block of 8), and an odd
    /// resolution puts stride-2 layers' padding on one side only; on the AVX2 kernels and the scalar code. The int8
    /// variant is TF2's converter's form for uint8 inputs and outputs: int8 inside, QUANTIZE at both ends.
    /// </summary>
    [Theory]
    [InlineData(0.75, 97, null, false)]
    [InlineData(0.75, 97, "linux-arm64", false)]
    [InlineData(0.5, 64, null, false)]
    [InlineData(0.5, 64, null, true)]
    [InlineData(0.5, 64, "linux-arm64", true)]
    public void SyntheticQuantisedFilesEqualLiteRt(double alpha, int resolution, string? runtimeIdentifier, bool int8)
    {
        byte[] file = SyntheticQuantizedV1.Build(alpha, resolution, seed: resolution, int8: int8);
        string path = Path.Combine(Path.GetTempPath(), $"mobilenetgen-quantized-{alpha}-{resolution}-{int8}-{runtimeIdentifier}-{Environment.ProcessId}.tflite");
        File.WriteAllBytes(path, file);
        try
        {
            GeneratorRun run = GeneratorHarness.Generate(GeneratorHarness.Source(alpha, resolution, "models/model.tflite"), file, modelName: "models/model.tflite", runtimeIdentifier: runtimeIdentifier);
            Assert.Empty(run.Diagnostics);
            Assert.Empty(run.CompileErrors);
            Assert.Contains("run in integers as TFLite runs it", run.MainSource);
            if (alpha == 0.75)
                Assert.Contains("the last block: 8 channels", run.MainSource);
            if (int8)
            {
                // The int8 network between the file's QUANTIZE operators, which only flip each code's sign bit.
                Assert.Contains("Layer00_SignFlip(", run.MainSource);
                Assert.Contains("IntegerMath.FlipSigns", run.MainSource);
                Assert.Contains("ReadOnlySpan<byte> input, Span<byte> output, Span<byte> workspace", run.MainSource);
            }
            foreach (int seed in new[] { 6, 7 })
            {
                byte[] input = RandomBytes(resolution * resolution * 3, seed);
                byte[] expected = Assert.Single(LiteRt.Run(path, input)).Data;
                Assert.Equal(expected, RunQuantized(run, input));
                // Random weights still give a spread of probabilities, not one class at 255.
                Assert.True(expected.Count(p => p > 0) > 1, $"outputs {string.Join(", ", expected)}");
            }
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>
    /// TF2's default int8 file: float in, QUANTIZE on 2/255 at −1, the int8 network, DEQUANTIZE out. The class's
    /// float Run quantises and dequantises as LiteRT's QUANTIZE and DEQUANTIZE do: every output float equal, on
    /// random values and on values at a rounding tie of the input's grid.
    /// </summary>
    [Fact]
    public void Tf2sDefaultInt8FileWithFloatEndsEqualsLiteRt()
    {
        const int Resolution = 64;
        byte[] file = SyntheticQuantizedV1.Build(0.5, Resolution, seed: 5, int8: true, floatEnds: true);
        string path = Path.Combine(Path.GetTempPath(), $"mobilenetgen-float-ends-{Environment.ProcessId}.tflite");
        File.WriteAllBytes(path, file);
        try
        {
            GeneratorRun run = GeneratorHarness.Generate(GeneratorHarness.Source(0.5, Resolution, "models/model.tflite"), file, modelName: "models/model.tflite");
            Assert.Empty(run.Diagnostics);
            Assert.Empty(run.CompileErrors);
            Assert.Contains("run in integers as TFLite runs it", run.MainSource);
            Assert.Equal(-1, run.Constant("InputZeroPoint"));
            var network = Activator.CreateInstance(run.Network!)!;
            RunFloats infer = run.Network!.GetMethod("Run", [typeof(ReadOnlySpan<float>), typeof(Span<float>)])!.CreateDelegate<RunFloats>(network);
            var random = new Random(9);
            const float Scale = 2f / 255;
            foreach (bool ties in new[] { false, true })
            {
                float[] input = Enumerable.Range(0, Resolution * Resolution * 3)
                    .Select(_ => ties ? (random.Next(-128, 127) + 0.5f) * Scale : (float)(random.NextDouble() * 2 - 1)).ToArray();
                float[] expected = Assert.Single(LiteRt.Run(path, MemoryMarshal.AsBytes(input.AsSpan()).ToArray())).Float32();
                var actual = new float[expected.Length];
                infer(input, actual);
                Assert.Equal(expected, actual);
            }
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>
    /// The float Run's quantisation is LiteRT's QUANTIZE from float, value for value: a one-operator file on
    /// TF2's input grid (2/255 at −1), on values one ulp either side of each rounding tie (where dividing by
    /// the scale and multiplying by its reciprocal part), at the ties, at random, and beyond the range.
    /// </summary>
    [Fact]
    public void QuantisingFloatsEqualsLiteRtsQuantize()
    {
        const float Scale = 2f / 255;
        const int ZeroPoint = -1;
        var random = new Random(10);
        float[] values = Enumerable.Range(-129, 257).SelectMany(k =>
        {
            float tie = (k + 0.5f) * Scale;
            return new[] { MathF.BitDecrement(tie), tie, MathF.BitIncrement(tie), (float)(random.NextDouble() * 2.2 - 1.1) };
        }).Concat([-5f, 5f, 0f, -0f]).ToArray();
        var t = new TfliteBuilder();
        int input = t.Tensor("input", [1, values.Length]);
        int output = t.Tensor("output", [1, values.Length], 9, quantization: (Scale, ZeroPoint));
        t.Inputs.Add(input);
        t.Outputs.Add(output);
        t.Op(114, [input], [output]);
        string path = Path.Combine(Path.GetTempPath(), $"mobilenetgen-quantize-{Environment.ProcessId}.tflite");
        File.WriteAllBytes(path, t.Build());
        try
        {
            byte[] expected = Assert.Single(LiteRt.Run(path, MemoryMarshal.AsBytes(values.AsSpan()).ToArray())).Data;
            var actual = new sbyte[values.Length];
            IntegerMath.Quantize(values, actual, Scale, ZeroPoint);
            for (int i = 0; i < values.Length; i++)
                Assert.True((sbyte)expected[i] == actual[i], $"{values[i]:R} (0x{BitConverter.SingleToInt32Bits(values[i]):X8}): LiteRT {(sbyte)expected[i]}, ours {actual[i]}");
        }
        finally
        {
            File.Delete(path);
        }
    }

    private delegate void RunFloats(ReadOnlySpan<float> input, Span<float> output);

    private static int Value(GeneratorRun run, byte stored) => run.Network!.GetMethod("Run", [typeof(ReadOnlySpan<sbyte>), typeof(Span<sbyte>), typeof(Span<byte>)]) is null ? stored : (sbyte)stored;

    /// <summary>The static Run over the file's 8-bit type (uint8 or int8), on the stored bytes.</summary>
    public static byte[] RunQuantized(GeneratorRun run, byte[] input)
    {
        var result = new byte[run.Constant("OutputLength")];
        var workspace = new byte[run.Constant("WorkspaceLength")];
        MethodInfo? unsigned = run.Network!.GetMethod("Run", [typeof(ReadOnlySpan<byte>), typeof(Span<byte>), typeof(Span<byte>)]);
        if (unsigned is not null)
            unsigned.CreateDelegate<RunBytes<byte>>()(input, result, workspace);
        else
            run.Network.GetMethod("Run", [typeof(ReadOnlySpan<sbyte>), typeof(Span<sbyte>), typeof(Span<byte>)])!.CreateDelegate<RunBytes<sbyte>>()(
                System.Runtime.InteropServices.MemoryMarshal.Cast<byte, sbyte>(input), System.Runtime.InteropServices.MemoryMarshal.Cast<byte, sbyte>(result.AsSpan()), workspace);
        return result;
    }

    private delegate void RunBytes<T>(ReadOnlySpan<T> input, Span<T> output, Span<byte> workspace);

    internal static GeneratorRun Generate(string file, double alpha, int resolution, string? runtimeIdentifier = null)
    {
        string version = file.Contains("_v2_") ? ", Version = 2" : "";
        GeneratorRun run = GeneratorHarness.Generate(GeneratorHarness.Source(alpha, resolution, "models/model.tflite", version + ", Arithmetic = MobileNetArithmetic.Integer"),
            File.ReadAllBytes(RepositoryFiles.Path(file)), modelName: "models/model.tflite", runtimeIdentifier: runtimeIdentifier);
        Assert.Empty(run.Diagnostics);
        Assert.Empty(run.CompileErrors);
        return run;
    }

    internal static byte[] RandomBytes(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }
}
