using System;
using System.Linq;
using MobileNet.Testing;
using MobileNet.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace MobileNet.Tests;

[Collection(Allocations.Name)]
public sealed class AllocationTests
{
    // A Debug build of the user's app compiles the generated code unoptimised: it must allocate nothing there too.
    [Theory]
    [InlineData(OptimizationLevel.Release)]
    [InlineData(OptimizationLevel.Debug)]
    public void RunAllocatesNothing(OptimizationLevel optimization)
    {
        var options = new NetworkOptions(0.25, 96) { Softmax = true };
        GeneratorRun run = GeneratorHarness.Generate(GeneratorHarness.Source(options.Alpha, options.Resolution), SyntheticOnnx.Build(options), optimization: optimization);
        RunNetwork network = run.Run;
        float[] input = Compare.RandomImage(run.Constant("InputLength"), 7);
        var output = new float[run.Constant("OutputLength")];
        var workspace = new float[run.Constant("WorkspaceLength")];
        Assert.Equal(0, Allocations.Measure(() =>
        {
            for (int i = 0; i < 100; i++)
                network(input, output, workspace);
        }));
        Assert.Equal(1f, System.Linq.Enumerable.Sum(output), 3);
    }

    [Theory]
    [InlineData(OptimizationLevel.Release)]
    [InlineData(OptimizationLevel.Debug)]
    public void V2RunAllocatesNothing(OptimizationLevel optimization)
    {
        var options = new NetworkOptions(0.35, 96) { Version = 2 };
        GeneratorRun run = GeneratorHarness.Generate(GeneratorHarness.Source(0.35, 96, extra: ", Version = 2"), SyntheticOnnx.Build(options), optimization: optimization);
        RunNetwork network = run.Run;
        float[] input = Compare.RandomImage(run.Constant("InputLength"), 1);
        var result = new float[run.Constant("OutputLength")];
        var workspace = new float[run.Constant("WorkspaceLength")];
        Assert.Equal(0, Allocations.Measure(() =>
        {
            for (int i = 0; i < 100; i++)
                network(input, result, workspace);
        }));
    }

    [Theory]
    [InlineData(OptimizationLevel.Release)]
    [InlineData(OptimizationLevel.Debug)]
    public void SeveralFeatureMapsAllocateNothing(OptimizationLevel optimization)
    {
        var options = new NetworkOptions(0.35, 96) { Version = 2 };
        GeneratorRun run = GeneratorHarness.Generate(GeneratorHarness.Source(0.35, 96, extra: ", Version = 2, FeatureMaps = new[] { \"block13/expand\", \"last\", \"pool\" }"),
            SyntheticOnnx.Build(options), optimization: optimization);
        RunThreeMaps network = run.RunWith<RunThreeMaps>(3);
        float[] input = Compare.RandomImage(run.Constant("InputLength"), 2);
        float[] expansion = new float[run.Constant("Block13ExpandLength")], last = new float[run.Constant("LastLength")], pool = new float[run.Constant("PoolLength")];
        var workspace = new float[run.Constant("WorkspaceLength")];
        Assert.Equal(0, Allocations.Measure(() =>
        {
            for (int i = 0; i < 100; i++)
                network(input, expansion, last, pool, workspace);
        }));
        Assert.True(expansion.Max() > 0 && last.Max() > 0 && pool.Max() > 0);

        var wrong = Assert.Throws<ArgumentException>(() => network(input, new float[expansion.Length - 1], last, pool, workspace));
        Assert.Equal("block13Expand", wrong.ParamName);
        Assert.Contains($"exactly {expansion.Length}", wrong.Message);
    }

    [Fact]
    public void PreprocessingAndTopKAllocateNothing()
    {
        var pixels = new byte[300 * 200 * 3];
        var input = new float[160 * 160 * 3];
        var indices = new int[5];
        Assert.Equal(0, Allocations.Measure(() =>
        {
            ImagePreprocessor.Resize(pixels, 300, 200, 3, input, 160, 3, PixelNormalization.TensorFlow);
            Labels.TopK(input, indices);
        }));
        Assert.Equal(-1f, input[0]);
    }

    [Fact]
    public void WrongSpanLengthsNameTheExpectedLength()
    {
        var options = new NetworkOptions(0.25, 64);
        GeneratorRun run = GeneratorHarness.Generate(GeneratorHarness.Source(options.Alpha, options.Resolution), SyntheticOnnx.Build(options));
        RunNetwork network = run.Run;
        int inputLength = run.Constant("InputLength"), outputLength = run.Constant("OutputLength"), workspaceLength = run.Constant("WorkspaceLength");

        var input = Assert.Throws<ArgumentException>(() => network(new float[inputLength - 1], new float[outputLength], new float[workspaceLength]));
        Assert.Equal("input", input.ParamName);
        Assert.Contains($"exactly {inputLength}", input.Message);
        var output = Assert.Throws<ArgumentException>(() => network(new float[inputLength], new float[outputLength + 1], new float[workspaceLength]));
        Assert.Contains($"exactly {outputLength}", output.Message);
        var workspace = Assert.Throws<ArgumentException>(() => network(new float[inputLength], new float[outputLength], new float[workspaceLength - 1]));
        Assert.Contains($"at least {workspaceLength}", workspace.Message);
        network(new float[inputLength], new float[outputLength], new float[workspaceLength + 100]); // a larger workspace is fine
    }
}
