using System.Linq;
using MobileNet.Testing;
using MobileNet.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace MobileNet.Tests;

/// <summary>The pipeline's models are equatable: an unrelated edit reuses the generated network, a new model regenerates it.</summary>
public sealed class IncrementalTests
{
    private static readonly byte[] Model = SyntheticOnnx.Build(new NetworkOptions(0.25, 64));

    [Fact]
    public void AnUnrelatedEditReusesTheCachedNetwork()
    {
        GeneratorRun first = GeneratorHarness.Generate(GeneratorHarness.Source(0.25, 64), Model, compile: false);
        Compilation edited = first.Input.AddSyntaxTrees(CSharpSyntaxTree.ParseText("class Unrelated { int X => 1; }", new CSharpParseOptions(LanguageVersion.Latest)));
        GeneratorDriverRunResult second = first.Driver.RunGenerators(edited).GetRunResult();

        IncrementalStepRunReason reason = second.Results.Single().TrackedSteps["Results"].Single().Outputs.Single().Reason;
        Assert.True(reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"Results step ran again: {reason}");
    }

    [Fact]
    public void ANewModelFileRegenerates()
    {
        GeneratorRun first = GeneratorHarness.Generate(GeneratorHarness.Source(0.25, 64), Model, compile: false);
        AdditionalText retrained = GeneratorHarness.BridgeFile("models/model.onnx", SyntheticOnnx.Build(new NetworkOptions(0.25, 64) { Seed = 9 }));
        GeneratorDriverRunResult second = first.Driver.ReplaceAdditionalText(first.AdditionalFiles.Single(), retrained).RunGenerators(first.Input).GetRunResult();

        Assert.Equal(IncrementalStepRunReason.Modified, second.Results.Single().TrackedSteps["Results"].Single().Outputs.Single().Reason);
        string Weights(System.Collections.Generic.IEnumerable<(string Hint, string Text)> sources) => sources.Single(s => s.Hint.Contains("Weights")).Text;
        Assert.NotEqual(Weights(first.Sources.Select(s => (s.Key, s.Value))), Weights(second.Results.Single().GeneratedSources.Select(s => (s.HintName, s.SourceText.ToString()))));
    }
}
