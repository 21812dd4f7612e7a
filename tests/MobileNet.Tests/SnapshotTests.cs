using System.Reflection;
using MobileNet.Generator.Emitting;
using MobileNet.Testing;
using MobileNet.Tests.Infrastructure;
using Shouldly;
using Xunit;

namespace MobileNet.Tests;

/// <summary>
/// The generated source for a small network, reviewed and approved; the weight data file is left out, and
/// the package version in [GeneratedCode] is a placeholder so that a release does not change the snapshots.
/// </summary>
public sealed class SnapshotTests
{
    [Fact]
    public void GeneratedNetworkMatchesTheApprovedSource()
    {
        var options = new NetworkOptions(0.25, 64) { Nhwc = true, Pads = PadStyle.TfExplicit, BatchNormEpsilon = 1e-3f, Head = HeadStyle.Conv1x1, Classes = 10, Softmax = true };
        GeneratorRun run = GeneratorHarness.Generate(GeneratorHarness.Source(options.Alpha, options.Resolution), SyntheticOnnx.Build(options), compile: false);
        Assert.Empty(run.Diagnostics);
        run.MainSource.ShouldMatchApproved(c => c.SubFolder("Approved").WithDiscriminator("V1_025_64").NoDiff().WithFileExtension(".cs").WithScrubber(WithoutVersion));
    }

    [Fact]
    public void GeneratedV2NetworkMatchesTheApprovedSource()
    {
        var options = new NetworkOptions(0.35, 64) { Version = 2, Classes = 10, Softmax = true };
        GeneratorRun run = GeneratorHarness.Generate(GeneratorHarness.Source(options.Alpha, options.Resolution, extra: ", Version = 2"), SyntheticOnnx.Build(options), compile: false);
        Assert.Empty(run.Diagnostics);
        run.MainSource.ShouldMatchApproved(c => c.SubFolder("Approved").WithDiscriminator("V2_035_64").NoDiff().WithFileExtension(".cs").WithScrubber(WithoutVersion));
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

    private static string WithoutVersion(string source) =>
        source.Replace($"GeneratedCode(\"MobileNet.Generator\", \"{Emitter.GeneratorVersion}\")", $"GeneratedCode(\"MobileNet.Generator\", \"(package version)\")");
}
