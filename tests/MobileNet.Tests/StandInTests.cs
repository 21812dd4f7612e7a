using System;
using MobileNet.Testing;
using MobileNet.Tests.Infrastructure;
using Xunit;

namespace MobileNet.Tests;

/// <summary>
/// After a generator error the class keeps the network's public members, so that the user's code that
/// uses them compiles and the generator's error is the build's only one; the members throw, naming it.
/// </summary>
public sealed class StandInTests
{
    private static readonly byte[] SmallModel = SyntheticOnnx.Build(new NetworkOptions(0.25, 64));

    /// <summary>Every public member, used as an app would: spans sized by the constants, a constant division, both Run overloads.</summary>
    private const string App = """
        using System;
        using MobileNet;
        namespace Tests;
        internal static class App
        {
            private const int PixelsPerClass = Net.InputLength / Net.OutputLength;
            private const double MacsPerByte = (double)Net.MultiplyAccumulates / Net.WeightBytes;

            public static int Classify(byte[] pixels, int width, int height)
            {
                var input = new float[Net.InputSize * Net.InputSize * Net.InputChannels];
                Span<float> output = new float[Net.OutputLength];
                PixelNormalization normalization = Net.Normalization;
                Net.Preprocess(pixels, width, height, 3, input);
                new Net().Run(input, output);
                Net.Run(input, output, new float[Net.WorkspaceLength]);
                int scores = Net.OutputIsProbability ? 0 : 1;
                return scores + PixelsPerClass + (int)MacsPerByte + (int)normalization.Mean(0);
            }
        }
        """;

    [Theory]
    [InlineData("MNG007", 0.5, "models/model.onnx")] // the file is α = 0.25
    [InlineData("MNG003", 0.25, "models/other.onnx")] // no such model registered
    public void TheGeneratorsErrorIsTheOnlyError(string id, double alpha, string weights)
    {
        GeneratorRun run = GeneratorHarness.GenerateWith(GeneratorHarness.Source(alpha, 96, weights),
            [GeneratorHarness.BridgeFile("models/model.onnx", SmallModel)], otherFile: App);

        Assert.Equal(id, Assert.Single(run.Diagnostics).Id);
        run.ShouldHaveNoNetwork(id);
        Assert.Empty(run.CompileErrors);
        Assert.Empty(GeneratorHarness.Documentation(run).Problems);
        Assert.Equal(96, run.Constant("InputSize"));
        Assert.Equal(96 * 96 * 3, run.Constant("InputLength"));
        var thrown = Assert.Throws<InvalidOperationException>(() => run.Run(new float[96 * 96 * 3], new float[1001], new float[96 * 96 * 3]));
        Assert.Equal($"The MobileNet of Tests.Net was not generated: see the build's error {id}.", thrown.Message);
    }

    [Fact]
    public void AStaticClassGetsOnlyTheStaticRunAndAnUnsupportedResolutionTheDefaultSize()
    {
        string source = GeneratorHarness.Source(0.25, 16).Replace("public partial class Net", "public static partial class Net");
        GeneratorRun run = GeneratorHarness.Generate(source, SmallModel);

        Assert.Equal("MNG009", Assert.Single(run.Diagnostics).Id);
        Assert.Empty(run.CompileErrors);
        Assert.Equal(224, run.Constant("InputSize"));
        Assert.Null(run.Network!.GetMethod("Run", [typeof(ReadOnlySpan<float>), typeof(Span<float>)]));
    }
}
