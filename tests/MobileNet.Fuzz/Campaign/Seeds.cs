using System;
using System.Collections.Generic;
using System.IO;
using MobileNet.Fuzz.Mutation;
using MobileNet.Fuzz.Onnx;
using MobileNet.Fuzz.Tflite;
using MobileNet.Generator.Model;
using MobileNet.Testing;

namespace MobileNet.Fuzz.Campaign;

/// <summary>A seed model: its bytes, the request that generates it cleanly (with the maps <paramref name="featureMaps"/> names, if any), and its mutator.</summary>
/// <paramref name="arithmetic"/> is the attribute's MobileNetArithmetic (2: integers).
internal sealed class Seed(string name, string origin, byte[] bytes, int version, double alpha, int resolution, string[]? featureMaps = null, int arithmetic = 0)
{
    public string Name { get; } = name;
    /// <summary>The file it was read from, or the synthetic options it was written with.</summary>
    public string Origin { get; } = origin;
    public byte[] Bytes { get; } = bytes;
    public bool IsTflite { get; } = MobileNet.Generator.Reading.TfliteReader.IsTflite(bytes);
    public string Extension => IsTflite ? ".tflite" : ".onnx";

    public NetworkSpec Request { get; } = new(
        new TargetType("Fuzz", new[] { "partial class Net" }, "Net", "Fuzz.Net", IsStatic: false, NotPartial: null),
        version, alpha, resolution, MobileNet.Generator.Reading.TfliteReader.IsTflite(bytes) ? "models/seed.tflite" : "models/seed.onnx",
        Normalization: 0, FeatureMaps: featureMaps ?? [], Arithmetic: arithmetic);

    /// <summary>The emit stage's allocation limit, set by <see cref="SeedCheck"/> from what the seed itself needs (a quarter of it is normal).</summary>
    public long EmitLimit { get; set; }

    private IMutator? _mutator;
    public IMutator Mutator => _mutator ??= IsTflite ? new TfliteMutator(Bytes) : new OnnxMutator(Bytes);
}

/// <summary>The seed models: the real ones committed in models/, the float twin of one of them, and small synthetic ones.</summary>
internal static class Seeds
{
    private sealed record Real(string Name, string File, int Version, double Alpha, int Resolution, bool Twin = false, int Arithmetic = 0);

    private static readonly Real[] RealSeeds =
    [
        new("coral_v1_0.25_128", "coral/mobilenet_v1_0.25_128_quant.tflite", 1, 0.25, 128),
        new("tflm_person_detect", "tflm/person_detect.tflite", 1, 0.25, 96),
        // The same files in integers: the quantised graph, the integer plan and its packers on mutated quantisation.
        new("coral_v1_0.25_128_integer", "coral/mobilenet_v1_0.25_128_quant.tflite", 1, 0.25, 128, Arithmetic: 2),
        new("tflm_person_detect_integer", "tflm/person_detect.tflite", 1, 0.25, 96, Arithmetic: 2),
        // Real weights for the ONNX mutator: the same network as ONNX, derived here rather than committed.
        new("onnx_v1_0.25_128", "coral/mobilenet_v1_0.25_128_quant.tflite", 1, 0.25, 128, Twin: true),
    ];

    // Small networks (10 classes) so that emitting and compiling them is quick; their options are ones the tests show to bind.
    private static IEnumerable<Seed> Synthetic()
    {
        var v1 = new NetworkOptions(0.25, 64) { Nhwc = true, Pads = PadStyle.TfExplicit, BatchNormEpsilon = 1e-3f, Head = HeadStyle.Conv1x1, Classes = 10, Softmax = true };
        yield return new Seed("synthetic_onnx_v1_0.25_64", $"SyntheticOnnx {v1}", SyntheticOnnx.Build(v1), 1, 0.25, 64);
        var v2 = new NetworkOptions(0.35, 64) { Version = 2, Classes = 10, Softmax = true };
        yield return new Seed("synthetic_onnx_v2_0.35_64", $"SyntheticOnnx {v2}", SyntheticOnnx.Build(v2), 2, 0.35, 64);
        // A headless export tapped inside a bottleneck and at its end: the output selection on mutated files.
        var backbone = new NetworkOptions(0.35, 64) { Version = 2, Ends = NetworkEnd.FeatureMap };
        yield return new Seed("synthetic_onnx_v2_0.35_64_backbone", $"SyntheticOnnx {backbone}", SyntheticOnnx.Build(backbone), 2, 0.35, 64, ["block13/expand", "last"]);
        var tflite = new TfliteV1Options(0.25, 64) { Classes = 10 };
        yield return new Seed("synthetic_tflite_v1_0.25_64", $"SyntheticTfliteV1 {tflite}", SyntheticTfliteV1.Build(tflite).Tflite, 1, 0.25, 64);
    }

    /// <summary>All seeds. The real models are committed, so a missing one is an error (FileNotFoundException), not a seed to skip.</summary>
    public static List<Seed> Load()
    {
        string models = Path.Combine(RepositoryRoot(), "models");
        var seeds = new List<Seed>();
        foreach (Real real in RealSeeds)
        {
            string path = Path.Combine(models, real.File);
            seeds.Add(real.Twin
                ? new Seed(real.Name, $"float twin of {path}", FloatTwin.Of(path), real.Version, real.Alpha, real.Resolution)
                : new Seed(real.Name, path, File.ReadAllBytes(path), real.Version, real.Alpha, real.Resolution, arithmetic: real.Arithmetic));
        }
        seeds.AddRange(Synthetic());
        return seeds;
    }

    /// <summary>The folder holding MobileNetGen.sln, above the current directory or above this program.</summary>
    private static string RepositoryRoot()
    {
        foreach (string start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
            for (DirectoryInfo? dir = new(start); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "MobileNetGen.sln")))
                    return dir.FullName;
        throw new InvalidOperationException("MobileNetGen.sln was not found above the current directory or the fuzzer's binaries.");
    }
}
