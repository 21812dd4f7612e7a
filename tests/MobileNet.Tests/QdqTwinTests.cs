using System;
using System.IO;
using System.Linq;
using Microsoft.ML.OnnxRuntime;
using MobileNet.Generator.Reading;
using MobileNet.Testing;
using MobileNet.Tests.Infrastructure;
using Shouldly;
using Xunit;
using Xunit.Abstractions;

namespace MobileNet.Tests;

/// <summary>
/// The QDQ twin of a quantised .tflite (<see cref="TfliteToOnnx.ConvertQdq"/>) is the same network as the file: ONNX Runtime,
/// which fuses it to its integer operators, agrees with the generated integer network (which is LiteRT's, bit for bit)
/// on the repository's photos. This is what lets the benchmarks time ONNX Runtime's integer path against ours.
/// </summary>
public sealed class QdqTwinTests(ITestOutputHelper output)
{
    /// <summary>
    /// Each file, with the most quantisation steps of the output (1/256 each, in probability) by which ONNX Runtime may differ,
    /// and the operators ONNX Runtime leaves in float. Measured on the photos and four random images (this test's log):
    /// Coral's V1 0.5-160 and V2 1.0-224 give every one of the 1001 outputs equal, on every input. The convolutions requantise
    /// alike (ours as XNNPACK does, ORT's MLAS too: the int32 sum times one float scale per channel, rounded half to even); what
    /// could differ is the last bit of that scale, and ORT's own QLinearAdd and QLinearSoftmax against XNNPACK's fixed-point add
    /// and TFLite's table softmax; none of it reached the output here. So the bound is 0. person_detect differs by up to 3 steps (2 and 3 on the photos,
    /// 1 on one random image): ONNX Runtime turns int8 activations into uint8 on x86 (its QDQ s8→u8 conversion) but cannot so
    /// turn the graph's int8 input and output, so the stem convolution and the softmax, whose QDQ pairs then mix the two types,
    /// stay unfused and run in float.
    /// </summary>
    public static TheoryData<string, double, int, int, int, string[]> Models => new()
    {
        { "models/coral/mobilenet_v1_0.5_160_quant.tflite", 0.5, 160, 3, 0, [] },
        { "models/coral/mobilenet_v2_1.0_224_quant.tflite", 1.0, 224, 3, 0, [] },
        { "models/tflm/person_detect.tflite", 0.25, 96, 1, 3, ["Conv", "Softmax"] },
    };

    [Theory]
    [MemberData(nameof(Models))]
    public void OnnxRuntimeOnTheQdqTwinAgreesWithTheIntegerNetwork(string file, double alpha, int resolution, int channels, int bound, string[] leftInFloat)
    {
        GeneratorRun run = IntegerExecutionTests.Generate(file, alpha, resolution);
        // The int8 file's class takes sbyte spans, the uint8 files' byte spans.
        bool signed = run.Network!.GetMethod("Run", [typeof(ReadOnlySpan<sbyte>), typeof(Span<sbyte>), typeof(Span<byte>)]) is not null;
        // Coral's test photos for the ImageNet classifiers, TFLite Micro's two for person_detect; then random images, for
        // inputs unlike the training data.
        var inputs = (channels == 3 ? new[] { "chelsea.png", "coffee.png", "grace_hopper.bmp" }.Select(image => (image, LiteRtReferenceTests.Rgb(image, resolution)))
                : new[] { "person.bmp", "no_person.bmp" }.Select(image => (image, LiteRtReferenceTests.Grey(image))))
            .Concat(Enumerable.Range(0, 4).Select(seed => ($"random {seed}", IntegerExecutionTests.RandomBytes(resolution * resolution * channels, seed))));
        string optimized = Path.Combine(Path.GetTempPath(), $"qdq-{Guid.NewGuid():N}.onnx");
        try
        {
            using var options = new SessionOptions { IntraOpNumThreads = 1, GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL, OptimizedModelFilePath = optimized };
            using var session = new InferenceSession(TfliteToOnnx.ConvertQdq(File.ReadAllBytes(RepositoryFiles.Path(file))), options);
            foreach ((string name, byte[] nhwc) in inputs)
            {
                int[] expected = Codes(IntegerExecutionTests.RunQuantized(run, nhwc), signed), actual = Codes(RunOrt(session, nhwc, channels, resolution, signed), signed);
                int worst = expected.Zip(actual).Max(p => Math.Abs(p.First - p.Second)), differ = expected.Zip(actual).Count(p => p.First != p.Second);
                output.WriteLine($"{Path.GetFileName(file)} on {name}: top-1 {Top1(expected)} (ours) {Top1(actual)} (ORT), {differ} of {expected.Length} outputs differ, by at most {worst}");
                Top1(actual).ShouldBe(Top1(expected), name);
                worst.ShouldBeLessThanOrEqualTo(bound, name);
            }
            // What ONNX Runtime made of the twin: its integer operators wherever the QDQ groups fused, which is what the benchmarks time.
            OnnxModel fused = OnnxReader.TryRead(File.ReadAllBytes(optimized), out string? error) ?? throw new InvalidDataException(error);
            output.WriteLine("ONNX Runtime's optimised graph: " + string.Join(", ", fused.Nodes.GroupBy(n => n.OpType).Select(g => $"{g.Count()} {g.Key}")));
            fused.Nodes.Count(n => n.OpType == "QLinearConv").ShouldBeGreaterThan(0);
            fused.Nodes.Select(n => n.OpType).Where(op => op is "Conv" or "Add" or "AveragePool" or "Softmax").ShouldBe(leftInFloat);
        }
        finally
        {
            File.Delete(optimized);
        }
    }

    private static byte[] RunOrt(InferenceSession session, byte[] nhwc, int channels, int size, bool signed)
    {
        // NCHW, as the twin takes it: the bytes through the runtime's float transposition (exact for 8-bit values).
        float[] nchw = new float[nhwc.Length];
        TensorLayout.NhwcToNchw(nhwc.Select(b => (float)b).ToArray(), nchw, channels, size, size);
        byte[] input = nchw.Select(v => (byte)v).ToArray();
        long[] shape = [1, channels, size, size];
        using OrtValue value = signed
            ? OrtValue.CreateTensorValueFromMemory(input.Select(b => (sbyte)b).ToArray(), shape)
            : OrtValue.CreateTensorValueFromMemory(input, shape);
        using var results = session.Run(new RunOptions(), [session.InputNames.Single()], [value], [session.OutputNames.Single()]);
        return signed ? results[0].GetTensorDataAsSpan<sbyte>().ToArray().Select(v => (byte)v).ToArray() : results[0].GetTensorDataAsSpan<byte>().ToArray();
    }

    private static int[] Codes(byte[] stored, bool signed) => stored.Select(b => signed ? (int)(sbyte)b : b).ToArray();

    private static int Top1(int[] codes) => Array.IndexOf(codes, codes.Max());
}
