using System.Linq;
using MobileNet.Testing;
using MobileNet.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace MobileNet.Tests;

/// <summary>A build for an ARM64 runtime identifier gets each kernel's 128-bit branch alone: smaller code, the same results.</summary>
public sealed class TargetWidthTests(ITestOutputHelper log)
{
    [Theory]
    [InlineData(1, 0.25, 64)]
    [InlineData(2, 0.35, 64)]
    public void AnArm64BuildHasOnlyTheNeonBranchAndTheSameResults(int version, double alpha, int resolution)
    {
        byte[] model = SyntheticOnnx.Build(new NetworkOptions(alpha, resolution) { Version = version, Classes = 10, Softmax = true });
        string source = GeneratorHarness.Source(alpha, resolution, extra: $", Version = {version}");
        GeneratorRun any = GeneratorHarness.Generate(source, model);
        GeneratorRun arm64 = GeneratorHarness.Generate(source, model, runtimeIdentifier: "linux-arm64");
        Assert.Empty(arm64.Diagnostics);
        Assert.Empty(arm64.CompileErrors);

        Assert.Contains("Vector512", any.MainSource);
        Assert.DoesNotContain("Vector512", arm64.MainSource);
        Assert.DoesNotContain("Vector256", arm64.MainSource);
        Assert.DoesNotContain("IsHardwareAccelerated", arm64.MainSource);
        log.WriteLine($"V{version} {alpha}-{resolution}: {any.MainSource.Length:N0} characters of code for any machine, {arm64.MainSource.Length:N0} for linux-arm64");
        Assert.True(arm64.MainSource.Length < any.MainSource.Length / 2);

        // Every width adds its products in the same order, so the 128-bit branch (run here on x64) gives the very same bits.
        float[] input = Compare.RandomImage(resolution * resolution * 3, 3);
        float[] expected = new float[10], actual = new float[10];
        any.Run(input, expected, new float[any.Constant("WorkspaceLength")]);
        arm64.Run(input, actual, new float[arm64.Constant("WorkspaceLength")]);
        Assert.Equal(expected, actual);
    }

    [Theory]
    [InlineData("x86-64-v3", new[] { "Vector256" }, new[] { "Vector512", "IsHardwareAccelerated" })]
    [InlineData("avx2,bmi,bmi2,lzcnt,movbe,fma", new[] { "Vector256" }, new[] { "Vector512", "IsHardwareAccelerated" })]
    [InlineData("x86-64-v4", new[] { "Vector512.IsHardwareAccelerated", "Vector256" }, new[] { "Vector256.IsHardwareAccelerated" })]
    public void AnX64NativeAotBuildHasTheBranchesItsInstructionSetTakesAndTheSameResults(string instructionSet, string[] present, string[] absent)
    {
        var options = new NetworkOptions(0.25, 64) { Classes = 10, Softmax = true };
        byte[] model = SyntheticOnnx.Build(options);
        string source = GeneratorHarness.Source(0.25, 64);
        GeneratorRun any = GeneratorHarness.Generate(source, model);
        GeneratorRun aot = GeneratorHarness.Generate(source, model, runtimeIdentifier: "linux-x64", aotInstructionSet: instructionSet);
        Assert.Empty(aot.Diagnostics);
        Assert.Empty(aot.CompileErrors);
        foreach (string text in present)
            Assert.Contains(text, aot.MainSource);
        foreach (string text in absent)
            Assert.DoesNotContain(text, aot.MainSource);
        log.WriteLine($"{instructionSet}: {aot.MainSource.Length:N0} characters of code, {any.MainSource.Length:N0} for any machine");

        // Run here (AVX2), the build keeps to its own branch: the same bits as every other width.
        float[] input = Compare.RandomImage(64 * 64 * 3, 5);
        float[] expected = new float[10], actual = new float[10];
        any.Run(input, expected, new float[any.Constant("WorkspaceLength")]);
        aot.Run(input, actual, new float[aot.Constant("WorkspaceLength")]);
        Assert.Equal(expected, actual);
    }

    /// <summary>
    /// Unoptimised code inlines nothing, so a Debug build's kernels call the BCL's FusedMultiplyAdd, which the
    /// JIT expands even there, instead of the runtime's short-named KernelMath helpers; its GEMMs broadcast
    /// rather than multiply by lane. The arithmetic is the same, and so are the bits.
    /// </summary>
    [Theory]
    [InlineData(null)]
    [InlineData("linux-arm64")]
    public void ADebugBuildCallsTheIntrinsicsTheJitExpandsAndGivesTheSameResults(string? runtimeIdentifier)
    {
        byte[] model = SyntheticOnnx.Build(new NetworkOptions(0.25, 64) { Classes = 10, Softmax = true });
        string source = GeneratorHarness.Source(0.25, 64);
        GeneratorRun release = GeneratorHarness.Generate(source, model, runtimeIdentifier: runtimeIdentifier);
        GeneratorRun debug = GeneratorHarness.Generate(source, model, optimization: Microsoft.CodeAnalysis.OptimizationLevel.Debug, runtimeIdentifier: runtimeIdentifier);
        Assert.Empty(debug.Diagnostics);
        Assert.Empty(debug.CompileErrors);

        Assert.Contains(" = Fma(", release.MainSource);
        Assert.Contains(" = FmaLane(", release.MainSource);
        Assert.Contains("using static MobileNet.KernelMath;", release.MainSource);
        Assert.Contains(" = FusedMultiplyAdd(", debug.MainSource);
        Assert.DoesNotContain(" = Fma(", debug.MainSource);
        Assert.DoesNotContain(" = FmaLane(", debug.MainSource);
        Assert.DoesNotContain("KernelMath", debug.MainSource);

        float[] input = Compare.RandomImage(64 * 64 * 3, 9);
        float[] expected = new float[10], actual = new float[10];
        release.Run(input, expected, new float[release.Constant("WorkspaceLength")]);
        debug.Run(input, actual, new float[debug.Constant("WorkspaceLength")]);
        Assert.Equal(expected, actual);
    }

    [Theory]
    [InlineData("linux-x64")]
    [InlineData("win-x64")]
    [InlineData("")]
    public void OtherBuildsKeepEveryBranch(string runtimeIdentifier)
    {
        var options = new NetworkOptions(0.25, 64);
        GeneratorRun run = GeneratorHarness.Generate(GeneratorHarness.Source(0.25, 64), SyntheticOnnx.Build(options), compile: false, runtimeIdentifier: runtimeIdentifier,
            aotInstructionSet: runtimeIdentifier == "win-x64" ? "native" : null); // "native": whatever CPU builds it, unknown here
        Assert.Contains("Vector512.IsHardwareAccelerated", run.MainSource);
        Assert.Contains("Vector256.IsHardwareAccelerated", run.MainSource);
    }
}
