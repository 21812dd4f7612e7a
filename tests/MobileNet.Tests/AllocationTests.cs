using System;
using MobileNet.Testing;
using MobileNet.Tests.Infrastructure;
using Xunit;

namespace MobileNet.Tests;

public sealed class AllocationTests
{
    [Fact]
    public void RunAllocatesNothing()
    {
        var options = new NetworkOptions(0.25, 96) { Softmax = true };
        GeneratorRun run = GeneratorHarness.Generate(GeneratorHarness.Source(options.Alpha, options.Resolution), SyntheticOnnx.Build(options));
        RunNetwork network = run.Run;
        float[] input = Compare.RandomImage(run.Constant("InputLength"), 7);
        var output = new float[run.Constant("OutputLength")];
        var workspace = new float[run.Constant("WorkspaceLength")];
        network(input, output, workspace); // first call: JIT and static data set-up are not per-call costs

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 100; i++)
            network(input, output, workspace);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        Assert.Equal(1f, System.Linq.Enumerable.Sum(output), 3);
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
