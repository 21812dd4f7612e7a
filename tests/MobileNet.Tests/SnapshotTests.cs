using System;
using System.Linq;
using System.Reflection;
using MobileNet.Generator.Emitting;
using MobileNet.Generator.Kernels;
using MobileNet.Generator.Kernels.Depthwise;
using MobileNet.Generator.Kernels.Gemm;
using MobileNet.Generator.Kernels.Stem;
using MobileNet.Generator.Model;
using MobileNet.Testing;
using MobileNet.Tests.Infrastructure;
using Shouldly;
using Xunit;

namespace MobileNet.Tests;

/// <summary>
/// Reviewed and approved generated source, in pieces a reviewer can read: the class (docs, layer table,
/// constants, Run) of a small V1 and V2, one row-streamed layer, and each kernel family's renderer on
/// tiny shapes, so that a change to one kernel shows as a diff of that kernel. The package version in
/// [GeneratedCode] is a placeholder, so that a release does not change the snapshots.
/// </summary>
public sealed class SnapshotTests
{
    private static readonly NetworkOptions V1 = new(0.25, 64) { Nhwc = true, Pads = PadStyle.TfExplicit, BatchNormEpsilon = 1e-3f, Head = HeadStyle.Conv1x1, Classes = 10, Softmax = true };
    private static readonly NetworkOptions V2 = new(0.35, 64) { Version = 2, Classes = 10, Softmax = true };

    [Fact]
    public void TheV1ClassMatchesTheApprovedSource() =>
        ClassHeader(Generate(V1, "")).ShouldMatchApproved(Options("V1_025_64_class"));

    [Fact]
    public void TheV2ClassMatchesTheApprovedSource() =>
        ClassHeader(Generate(V2, ", Version = 2")).ShouldMatchApproved(Options("V2_035_64_class"));

    /// <summary>V2 layer 14 (block 13, SSDLite's tap): a stride-2 inverted residual, 4×4×32 → 2×2×56 through 192 channels, its row loop and the kernels it calls.</summary>
    [Fact]
    public void ARowStreamedBottleneckMatchesTheApprovedSource()
    {
        GeneratorRun run = Generate(V2, ", Version = 2");
        string layer = Methods(run, "Layer14_Bottleneck6S2");
        var kernels = System.Text.RegularExpressions.Regex.Matches(layer, @"^\s+((?:Gemm|Depthwise3x3)\w+)\(", System.Text.RegularExpressions.RegexOptions.Multiline)
            .Select(m => m.Groups[1].Value).Distinct().ToArray();
        Assert.Equal(3, kernels.Length); // the expansion, the depthwise and the projection of its two output rows
        string.Concat(kernels.Prepend(layer).Select(k => k == layer ? k : Methods(run, k + "("))).ShouldMatchApproved(Options("V2_035_64_Layer14"));
    }

    /// <summary>24 channels from 8 over 5 pixels: a 512-bit half column, a 256-bit tail, 128-bit blocks.</summary>
    [Fact]
    public void TheGemmKernelMatchesTheApprovedSource()
    {
        var w = new SourceWriter();
        GemmKernel.Write(w, GemmSchedule.Choose(5, new GemmLayout(8, 8, 24, 24), VectorWidth.All), new GemmOperands("input", "output", "weights", new Clamp(0, 6)));
        w.ToString().ShouldMatchApproved(Options("Gemm_5px_8to24"));
    }

    /// <summary>One row of 5 pixels, 24 channels, stride 1: border chunks, 16 channels in 512-bit vectors and 8 in 128-bit ones.</summary>
    [Fact]
    public void TheDepthwiseKernelMatchesTheApprovedSource()
    {
        var w = new SourceWriter();
        DepthwiseKernel.Write(w, DepthwiseSchedule.Choose(new DepthwiseLayout(24, 24), 1, 5, 5, 1, 1, VectorWidth.All), "dwWeights", new Clamp(0, 6), "");
        w.ToString().ShouldMatchApproved(Options("Depthwise_1x5_24"));
    }

    /// <summary>An 8×8 RGB image to 4×4×8 at stride 2 (TF's SAME): one 256-bit column for the two widest branches.</summary>
    [Fact]
    public void TheStemKernelMatchesTheApprovedSource()
    {
        var w = new SourceWriter();
        StemKernel.Write(w, StemSchedule.Choose(new StemLayout(3, 8, 8, 3, 3), 8, 8, 4, 4, 2, 0, 0, VectorWidth.All), "ref float w = ref MobileNetWeights.Stem.Floats;", new Clamp(0, 6), split: false);
        w.ToString().ShouldMatchApproved(Options("Stem_8x8_to_4x4x8"));
    }

    /// <summary>
    /// TFLite Micro's int8 person detector in integers: the class (layer table with each layer's quantisation,
    /// the 8-bit constants, both Run overloads), its first two layers (the stem on packed 16-bit taps, a
    /// depthwise filter with its interior path), a GEMM, the pool and the softmax.
    /// </summary>
    [Fact]
    public void TheIntegerPersonDetectorMatchesTheApprovedSource()
    {
        GeneratorRun run = GeneratorHarness.Generate(GeneratorHarness.Source(0.25, 96, "models/model.tflite", ", Arithmetic = MobileNetArithmetic.Integer"),
            System.IO.File.ReadAllBytes(RepositoryFiles.Path("models/tflm/person_detect.tflite")), compile: false, modelName: "models/model.tflite");
        Assert.Empty(run.Diagnostics);
        ClassHeader(run).ShouldMatchApproved(Options("PersonDetect_integer_class"));
        string.Concat(new[] { "Layer00_", "Layer01_", "Layer02_", "Layer27_", "Layer29_" }.Select(prefix => Methods(run, prefix)))
            .ShouldMatchApproved(Options("PersonDetect_integer_layers"));
    }

    [Fact]
    public void GeneratedCodeCarriesThePackageVersion()
    {
        // The library is built with the same <Version> as the generator: its informational version, less the "+commit" suffix, is the package's.
        string package = typeof(MobileNetAttribute).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion.Split('+')[0];
        var options = new NetworkOptions(0.25, 64);
        GeneratorRun run = GeneratorHarness.Generate(GeneratorHarness.Source(options.Alpha, options.Resolution), SyntheticOnnx.Build(options), compile: false);
        Assert.Equal(package, Emitter.GeneratorVersion);
        Assert.Contains($"[global::System.CodeDom.Compiler.GeneratedCode(\"MobileNet.Generator\", \"{package}\")]", run.MainSource);
    }

    private static GeneratorRun Generate(NetworkOptions options, string extra)
    {
        GeneratorRun run = GeneratorHarness.Generate(GeneratorHarness.Source(options.Alpha, options.Resolution, extra: extra), SyntheticOnnx.Build(options), compile: false);
        Assert.Empty(run.Diagnostics);
        return run;
    }

    /// <summary>The generated file up to its first layer method: usings, class docs with the layer table, constants, Run.</summary>
    private static string ClassHeader(GeneratorRun run)
    {
        string source = WithoutVersion(run.MainSource);
        int firstLayer = source.IndexOf("\n    /// <summary>Layer 0:", StringComparison.Ordinal);
        Assert.True(firstLayer > 0);
        return source.Substring(0, firstLayer);
    }

    /// <summary>The methods whose names start with <paramref name="prefix"/>, with their docs, in order.</summary>
    private static string Methods(GeneratorRun run, string prefix)
    {
        string[] lines = run.MainSource.Split('\n');
        var text = new System.Text.StringBuilder();
        for (int i = 0; i < lines.Length; i++)
        {
            if (!lines[i].TrimStart().StartsWith($"private static void {prefix}", StringComparison.Ordinal))
                continue;
            int start = i;
            while (start > 0 && lines[start - 1].TrimStart().StartsWith("[", StringComparison.Ordinal) || start > 0 && lines[start - 1].TrimStart().StartsWith("///", StringComparison.Ordinal))
                start--;
            string indent = lines[i].Substring(0, lines[i].Length - lines[i].TrimStart().Length);
            int end = i + 1;
            while (lines[end].TrimEnd('\r') != indent + "}")
                end++;
            for (int j = start; j <= end; j++)
                text.Append(lines[j]).Append('\n');
        }
        Assert.True(text.Length > 0, $"no method {prefix}");
        return text.ToString();
    }

    private static Action<Shouldly.Configuration.ShouldMatchConfigurationBuilder> Options(string name) =>
        c => c.SubFolder("Approved").WithDiscriminator(name).NoDiff().WithFileExtension(".cs");

    private static string WithoutVersion(string source) =>
        source.Replace($"GeneratedCode(\"MobileNet.Generator\", \"{Emitter.GeneratorVersion}\")", $"GeneratedCode(\"MobileNet.Generator\", \"(package version)\")");
}
