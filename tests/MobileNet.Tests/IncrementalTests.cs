using System.Linq;
using MobileNet.Testing;
using MobileNet.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace MobileNet.Tests;

/// <summary>
/// The pipeline's models are equatable: an unrelated edit reuses the generated network, a new model regenerates it,
/// and an edit to the class's own file that leaves the attribute's values alone reuses it too, while the
/// diagnostics move with the attribute.
/// </summary>
public sealed class IncrementalTests
{
    private static readonly byte[] Model = SyntheticOnnx.Build(new NetworkOptions(0.25, 64));

    [Fact]
    public void AnUnrelatedEditReusesTheCachedNetwork()
    {
        GeneratorRun first = GeneratorHarness.Generate(GeneratorHarness.Source(0.25, 64), Model, compile: false);
        Compilation edited = first.Input.AddSyntaxTrees(CSharpSyntaxTree.ParseText("class Unrelated { int X => 1; }", new CSharpParseOptions(LanguageVersion.Latest)));
        GeneratorDriverRunResult second = first.Driver.RunGenerators(edited).GetRunResult();

        Assert.Equal(IncrementalStepRunReason.Cached, Generation(second));
    }

    [Fact]
    public void AnEditAboveTheClassOrInsideItReusesTheCachedNetwork()
    {
        GeneratorRun first = GeneratorHarness.Generate(GeneratorHarness.Source(0.25, 64), Model, compile: false);
        Assert.Empty(first.Diagnostics);

        // Lines typed above the attribute move every location in the request; a member added to the class changes its declaration.
        (GeneratorDriver driver, Compilation commented, GeneratorDriverRunResult above) = Edit(first.Driver, first.Input, "namespace Tests;", "namespace Tests;\n// a comment\n\n");
        Assert.Equal(IncrementalStepRunReason.Cached, Generation(above));
        Assert.Equal(first.Sources, Sources(above));

        (_, _, GeneratorDriverRunResult inside) = Edit(driver, commented, "public partial class Net;", "public partial class Net\n{\n    public int Added => 1;\n}");
        Assert.Equal(IncrementalStepRunReason.Cached, Generation(inside));
        Assert.Equal(first.Sources, Sources(inside));
        Assert.Empty(inside.Diagnostics);
    }

    [Fact]
    public void ADiagnosticMovesWithTheAttributeWhileTheNetworkStaysCached()
    {
        // α = 0.5 against a 0.25 file: MNG007, at the Weights argument.
        GeneratorRun first = GeneratorHarness.Generate(GeneratorHarness.Source(0.5, 64), Model, compile: false);
        Diagnostic before = Assert.Single(first.Diagnostics);
        Assert.Equal("MNG007", before.Id);
        Assert.Equal("\"models/model.onnx\"", Located(first.Input, before));

        (_, Compilation moved, GeneratorDriverRunResult edited) = Edit(first.Driver, first.Input, "namespace Tests;", "namespace Tests;\n// one\n// two\n// three");
        Assert.Equal(IncrementalStepRunReason.Cached, Generation(edited));
        Assert.Equal(first.Sources, Sources(edited));
        Diagnostic after = Assert.Single(edited.Diagnostics);
        Assert.Equal((before.Id, before.GetMessage()), (after.Id, after.GetMessage()));
        FileLinePositionSpan from = before.Location.GetLineSpan(), to = after.Location.GetLineSpan();
        Assert.Equal(from.StartLinePosition.Line + 3, to.StartLinePosition.Line);
        Assert.Equal(from.StartLinePosition.Character, to.StartLinePosition.Character);
        Assert.Equal(from.Path, to.Path);
        Assert.Equal("\"models/model.onnx\"", Located(moved, after));
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

    /// <summary>How the step that reads, binds, plans and emits ran for the only request.</summary>
    private static IncrementalStepRunReason Generation(GeneratorDriverRunResult run) =>
        run.Results.Single().TrackedSteps["Results"].Single().Outputs.Single().Reason;

    private static System.Collections.Generic.Dictionary<string, string> Sources(GeneratorDriverRunResult run) =>
        run.Results.Single().GeneratedSources.ToDictionary(s => s.HintName, s => s.SourceText.ToString());

    private static SyntaxTree Tree(Compilation compilation) => compilation.SyntaxTrees.Single(t => t.FilePath.EndsWith("/Net.cs", System.StringComparison.Ordinal));

    /// <summary>Replaces <paramref name="from"/> with <paramref name="to"/> in the class's file and runs the generator again on the driver that saw the file before.</summary>
    private static (GeneratorDriver Driver, Compilation Edited, GeneratorDriverRunResult Run) Edit(GeneratorDriver driver, Compilation compilation, string from, string to)
    {
        SyntaxTree tree = Tree(compilation);
        string text = tree.GetText().ToString();
        Assert.Contains(from, text);
        Compilation edited = compilation.ReplaceSyntaxTree(tree, tree.WithChangedText(Microsoft.CodeAnalysis.Text.SourceText.From(text.Replace(from, to), System.Text.Encoding.UTF8)));
        driver = driver.RunGenerators(edited);
        return (driver, edited, driver.GetRunResult());
    }

    /// <summary>The text a diagnostic points at in the class's file.</summary>
    private static string Located(Compilation compilation, Diagnostic diagnostic) => Tree(compilation).GetText().ToString(diagnostic.Location.SourceSpan);
}
