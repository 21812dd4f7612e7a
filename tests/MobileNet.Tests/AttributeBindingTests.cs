using System.Linq;
using MobileNet.Testing;
using MobileNet.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace MobileNet.Tests;

/// <summary>
/// [MobileNet] without <c>using MobileNet;</c> binds to the namespace MobileNet, and the compiler's CS0616
/// ("is not an attribute class") does not say what is missing: MNG016 does, at the same place.
/// </summary>
public sealed class AttributeBindingTests
{
    private static readonly byte[] Model = SyntheticOnnx.Build(new NetworkOptions(0.25, 64));

    [Fact]
    public void WithoutTheUsingTheAttributeIsExplained()
    {
        const string source = """
            namespace App;
            [MobileNet(Alpha = 0.25, Resolution = 64, Weights = "models/model.onnx")]
            public partial class Classifier;
            """;
        GeneratorRun run = GeneratorHarness.Generate(source, Model, compile: false);

        Diagnostic mng016 = Assert.Single(run.Diagnostics);
        Assert.Equal("MNG016", mng016.Id);
        Assert.Equal("[MobileNet] on 'Classifier' binds to the namespace MobileNet, not to its attribute (the compiler's CS0616): add 'using MobileNet;' to this file, or enable implicit usings, which bring it in",
            mng016.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        Diagnostic cs0616 = run.Input.GetDiagnostics().Single(d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal("CS0616", cs0616.Id);
        Assert.Equal(cs0616.Location.SourceSpan, mng016.Location.SourceSpan);
    }

    [Theory]
    [InlineData("using MobileNet;\nnamespace App;\n[MobileNet(")]
    [InlineData("global using MobileNet;\nnamespace App;\n[MobileNet(")]
    [InlineData("namespace App;\n[MobileNet.MobileNet(")]
    [InlineData("namespace MobileNet.App;\n[MobileNet(")]
    public void BoundAttributesGenerateWithoutMng016(string head)
    {
        string source = head + "Alpha = 0.25, Resolution = 64, Weights = \"models/model.onnx\")]\npublic partial class Classifier;";
        GeneratorRun run = GeneratorHarness.Generate(source, Model, compile: false);

        Assert.Empty(run.Diagnostics);
        Assert.Contains(run.Sources.Keys, name => name.EndsWith(".MobileNet.g.cs", System.StringComparison.Ordinal));
    }
}
