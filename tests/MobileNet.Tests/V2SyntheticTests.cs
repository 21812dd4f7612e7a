using System.Globalization;
using System.Text.RegularExpressions;
using MobileNet.Testing;
using MobileNet.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;
using Xunit.Abstractions;

namespace MobileNet.Tests;

/// <summary>MobileNet V2 over the α × resolution grid and the exporters' conventions, each against ONNX Runtime; V2's diagnostics and paper totals.</summary>
public sealed partial class V2SyntheticTests(ITestOutputHelper output)
{
    public static TheoryData<NetworkOptions> Configurations => new()
    {
        // torchvision: NCHW, symmetric pads, BN ε 1e-5, Clip(0, 6) with constant inputs, Flatten + Gemm, 1000 classes.
        new NetworkOptions(0.35, 96) { Version = 2 },
        // BN folded by the exporter, Gemm with transB.
        new NetworkOptions(0.5, 128) { Version = 2, BatchNormEpsilon = null, Head = HeadStyle.GemmTransposed, Seed = 2 },
        // Odd maps on the way down (100 → 50 → 25 → 13 → 7 → 4).
        new NetworkOptions(0.75, 100) { Version = 2, Seed = 3 },
        // tf2onnx: NHWC + Transpose, TF SAME explicit pads, BN ε 1e-3, 1×1 conv head with 1001 classes, softmax.
        new NetworkOptions(1.0, 160) { Version = 2, Nhwc = true, Pads = PadStyle.TfExplicit, BatchNormEpsilon = 1e-3f, Head = HeadStyle.Conv1x1, Classes = 1001, Softmax = true, Seed = 4 },
        // α above 1 widens the last conv (1664 at 1.3); auto_pad SAME_UPPER.
        new NetworkOptions(1.3, 112) { Version = 2, Pads = PadStyle.TfAutoPad, Seed = 5 },
        // 1792 wide at 1.4; an odd resolution; opset 10 Clip with attributes.
        new NetworkOptions(1.4, 97) { Version = 2, Activation = ActivationStyle.ClipAttributes, Head = HeadStyle.GemmTransposed, Classes = 1001, Seed = 6 },
    };

    [Theory]
    [MemberData(nameof(Configurations))]
    public void MatchesOnnxRuntime(NetworkOptions options)
    {
        byte[] model = SyntheticOnnx.Build(options);
        GeneratorRun run = GeneratorHarness.Generate(GeneratorHarness.Source(options.Alpha, options.Resolution, extra: ", Version = 2"), model);
        Assert.Empty(run.Diagnostics);
        Assert.Empty(run.CompileErrors);
        using var ort = new OrtReference(model);
        float worst = Compare.AgainstOnnxRuntime(run, ort, Compare.RandomImages(2, options.Resolution * options.Resolution * 3, 300), 3, options.Resolution, 5, output);
        output.WriteLine($"{options}: worst max |difference| {worst:E2}");
    }

    /// <summary>
    /// Run aligns the workspace to 64 bytes itself: wherever the caller's span starts, within exactly
    /// WorkspaceLength floats, the result is the same to the bit (α 0.75 at 100: rows that are not whole cache lines).
    /// </summary>
    [Fact]
    public void ResultDoesNotDependOnWhereTheWorkspaceStarts()
    {
        var options = new NetworkOptions(0.75, 100) { Version = 2, Seed = 3 };
        GeneratorRun run = GeneratorHarness.Generate(GeneratorHarness.Source(options.Alpha, options.Resolution, extra: ", Version = 2"), SyntheticOnnx.Build(options));
        int length = run.Constant("WorkspaceLength");
        float[] input = Compare.RandomImage(run.Constant("InputLength"), 5);
        var expected = new float[run.Constant("OutputLength")];
        run.Run(input, expected, new float[length]);
        var buffer = new float[length + 16];
        for (int start = 0; start < 16; start++)
        {
            var actual = new float[expected.Length];
            System.Array.Fill(buffer, float.NaN); // stale values must not leak into the result
            run.Run(input, actual, new System.Span<float>(buffer, start, length));
            Assert.Equal(expected, actual);
        }
    }

    [Theory]
    [InlineData(1.0, 224, 300, 3.47)]
    [InlineData(0.35, 96, 11, 1.66)]
    [InlineData(1.4, 224, 582, 6.06)]
    public void GeneratedDocsPrintThePublishedTotals(double alpha, int resolution, int megaMacs, double megaParameters)
    {
        GeneratorRun run = GeneratorHarness.Generate(GeneratorHarness.Source(alpha, resolution, extra: ", Version = 2"),
            SyntheticOnnx.Build(new NetworkOptions(alpha, resolution) { Version = 2 }), compile: false);
        Assert.Empty(run.Diagnostics);
        Match total = TotalLine().Match(run.MainSource);
        long macs = long.Parse(total.Groups[1].Value, NumberStyles.AllowThousands, CultureInfo.InvariantCulture);
        long parameters = long.Parse(total.Groups[2].Value, NumberStyles.AllowThousands, CultureInfo.InvariantCulture);
        output.WriteLine($"V2 {alpha}-{resolution}: {macs:N0} MACs, {parameters:N0} parameters");
        // The slim table's MACs are the exact count truncated; its parameters are rounded (MOBILENET_SPEC.md §8).
        Assert.Equal(megaMacs, (int)(macs / 1_000_000));
        Assert.Equal(megaParameters, System.Math.Round(parameters / 1e6, 2));
    }

    [Fact]
    public void TiledWorkspaceIsSmallerThanMaterialisingTheExpansion()
    {
        GeneratorRun run = GeneratorHarness.Generate(GeneratorHarness.Source(1.0, 224, extra: ", Version = 2"),
            SyntheticOnnx.Build(new NetworkOptions(1.0, 224) { Version = 2 }), compile: false);
        Match line = WorkspaceLine().Match(run.MainSource);
        Assert.True(line.Success, "the docs state both workspaces");
        long tiled = long.Parse(line.Groups[1].Value, NumberStyles.AllowThousands, CultureInfo.InvariantCulture);
        long untiled = long.Parse(line.Groups[2].Value, NumberStyles.AllowThousands, CultureInfo.InvariantCulture);
        output.WriteLine($"V2 1.0-224 workspace: {tiled * 4:N0} bytes tiled, {untiled * 4:N0} bytes with the expanded tensors in full");
        // The largest expanded tensor (112×112×96 floats) alone is bigger than the whole tiled workspace.
        Assert.True(tiled < 112 * 112 * 96, $"{tiled}");
        Assert.True(untiled > 2 * tiled, $"{tiled} vs {untiled}");
    }

    [Fact]
    public void AnAlpha1FileDeclaredAs075()
    {
        string message = Mismatch(new NetworkOptions(1.0, 96) { Version = 2 }, 0.75, 96);
        Assert.Contains("MobileNet V2 α=0.75 at 96×96: the file is MobileNet V2 α=1, so set Alpha = 1; the stem expected conv 3×3, stride 2, 96×96×3 → 48×48×24; found node 'conv_0_node': 3×3 conv, stride 2, 96×96×3 → 48×48×32", message);
    }

    [Fact]
    public void V1FileDeclaredAsV2()
    {
        string message = Mismatch(new NetworkOptions(1.0, 96), 1.0, 96);
        Assert.Contains("bottleneck 0 expected linear project 1×1 (no activation), stride 1, 48×48×32 → 48×48×16; found node", message);
    }

    [Fact]
    public void MissingResidual()
    {
        string message = Mismatch(new NetworkOptions(1.0, 96) { Version = 2, DropResidualAt = 0 }, 1.0, 96);
        Assert.Contains("bottleneck 2 expected the residual add of its input (24×24×24, stride 1, 24 → 24 channels)", message);
    }

    [Fact]
    public void WrongLastConvWidth()
    {
        string message = Mismatch(new NetworkOptions(1.0, 96) { Version = 2, LastChannels = 1024 }, 1.0, 96);
        Assert.Contains("the last conv expected conv 1×1, stride 1, 3×3×320 → 3×3×1280; found", message);
        Assert.Contains("→ 3×3×1024", message);
    }

    private static string Mismatch(NetworkOptions file, double alpha, int resolution)
    {
        GeneratorRun run = GeneratorHarness.Generate(GeneratorHarness.Source(alpha, resolution, extra: ", Version = 2"), SyntheticOnnx.Build(file), compile: false);
        Diagnostic d = Assert.Single(run.Diagnostics);
        Assert.Equal("MNG007", d.Id);
        return d.GetMessage();
    }

    [GeneratedRegex(@"///\s+total\s+([\d,]+)\s+([\d,]+)")]
    private static partial Regex TotalLine();

    [GeneratedRegex(@"/// ([\d,]+) floats \([\d.]+ KiB\), against ([\d,]+) \([\d.]+ KiB\) with the expanded tensors in full")]
    private static partial Regex WorkspaceLine();
}
