using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using System.Text;
using System.Threading;
using MobileNet.Generator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace MobileNet.Tests.Infrastructure;

public delegate void RunNetwork(ReadOnlySpan<float> input, Span<float> output, Span<float> workspace);

/// <summary>The static Run of a network with two or three FeatureMaps, one span per map.</summary>
public delegate void RunTwoMaps(ReadOnlySpan<float> input, Span<float> first, Span<float> second, Span<float> workspace);
public delegate void RunThreeMaps(ReadOnlySpan<float> input, Span<float> first, Span<float> second, Span<float> third, Span<float> workspace);

/// <summary>What the generator made of one attribute: its diagnostics, its sources and, if they compiled, the network.</summary>
public sealed class GeneratorRun
{
    public required ImmutableArray<Diagnostic> Diagnostics { get; init; }
    public required IReadOnlyDictionary<string, string> Sources { get; init; }
    /// <summary>
    /// Errors and warnings from compiling the user's code with the generated code: users build with warnings as
    /// errors, so there must be none, not even after a generator error (the class then has a stand-in's members).
    /// </summary>
    public required ImmutableArray<Diagnostic> CompileErrors { get; init; }
    public required GeneratorDriver Driver { get; init; }
    public required IReadOnlyList<AdditionalText> AdditionalFiles { get; init; }
    public required CSharpCompilation Input { get; init; }
    public Type? Network { get; init; }

    public string MainSource => Sources.Single(s => s.Key.EndsWith(".MobileNet.g.cs", StringComparison.Ordinal)).Value;

    public int Constant(string name) => (int)Network!.GetField(name)!.GetValue(null)!;

    public RunNetwork Run => RunWith<RunNetwork>(1);

    /// <summary>The static Run with <paramref name="outputs"/> output spans, as <typeparamref name="T"/>.</summary>
    public T RunWith<T>(int outputs) where T : Delegate =>
        Network!.GetMethod("Run", [typeof(ReadOnlySpan<float>), .. Enumerable.Repeat(typeof(Span<float>), outputs + 1)])!.CreateDelegate<T>();

    /// <summary>
    /// The generator reported <paramref name="id"/> and made no network: the class has only a stand-in's
    /// members, which name the error, or nothing where it cannot take them (MNG001 not partial, MNG013 duplicate).
    /// </summary>
    public void ShouldHaveNoNetwork(string id)
    {
        if (id is "MNG001" or "MNG013")
        {
            Assert.Empty(Sources);
            return;
        }
        string standIn = Assert.Single(Sources).Value;
        Assert.Contains($"was not generated: see the build's error {id}", standIn);
    }
}

/// <summary>
/// Drives the generator in-process, as the Regex generator's tests do: a compilation in memory, the
/// model handed over exactly as the MSBuild bridge would hand it, and the result compiled and loaded.
/// </summary>
public static class GeneratorHarness
{
    public const string ProjectDirectory = "/project";

    private static readonly MetadataReference[] References =
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Select(p => MetadataReference.CreateFromFile(p))
            .Append(MetadataReference.CreateFromFile(typeof(MobileNetAttribute).Assembly.Location))
            .ToArray();

    public static string Source(double alpha, int resolution, string weights = "models/model.onnx", string extra = "") =>
        $$"""
        using MobileNet;
        namespace Tests;
        [MobileNet(Alpha = {{alpha.ToString(System.Globalization.CultureInfo.InvariantCulture)}}, Resolution = {{resolution}}, Weights = "{{weights}}"{{extra}})]
        public partial class Net;
        """;

    /// <summary>A bridge file's text, as MobileNetGen.targets writes it for a model at <paramref name="modelPath"/>.</summary>
    public static string Bridge(string modelPath, byte[]? model, string? link = null) =>
        $"MobileNetGen-Bridge/1 {(model is null ? "missing" : "ok")}\nsource: {modelPath}\nlink: {link}\n" + (model is null ? "" : Convert.ToBase64String(model, Base64FormattingOptions.InsertLineBreaks));

    /// <summary>
    /// Generates for <paramref name="source"/> with <paramref name="model"/> registered as
    /// <paramref name="modelName"/> (null bytes: registered, but the file is missing), and compiles unless told not to.
    /// </summary>
    /// <param name="optimization">How the user's project compiles: Release, or Debug as a Debug build of an app does.</param>
    /// <param name="runtimeIdentifier">The build's RuntimeIdentifier, as MobileNetGen.props hands it to the generator.</param>
    /// <param name="aotInstructionSet">The IlcInstructionSet of a NativeAOT build (PublishAot true); null for a JIT build.</param>
    public static GeneratorRun Generate(string source, byte[]? model, bool compile = true, string modelName = "models/model.onnx",
        OptimizationLevel optimization = OptimizationLevel.Release, string? runtimeIdentifier = null, string? aotInstructionSet = null) =>
        GenerateWith(source, [BridgeFile(modelName, model)], compile, optimization: optimization, runtimeIdentifier: runtimeIdentifier, aotInstructionSet: aotInstructionSet);

    public static AdditionalText BridgeFile(string modelName, byte[]? model) =>
        new InMemoryText($"{ProjectDirectory}/obj/mobilenet/{Path.GetFileName(modelName)}.mobilenet.b64", Bridge($"{ProjectDirectory}/{modelName}", model));

    /// <param name="otherFile">A second source file of the project, if any (Net2.cs).</param>
    public static GeneratorRun GenerateWith(string source, IReadOnlyList<AdditionalText> additionalFiles, bool compile = true, string? otherFile = null,
        OptimizationLevel optimization = OptimizationLevel.Release, string? runtimeIdentifier = null, string? aotInstructionSet = null)
    {
        var parse = new CSharpParseOptions(LanguageVersion.Latest);
        SyntaxTree[] trees = new[] { (Text: source, Name: "Net.cs"), (Text: otherFile, Name: "Net2.cs") }
            .Where(f => f.Text is not null)
            .Select(f => CSharpSyntaxTree.ParseText(f.Text!, parse, path: $"{ProjectDirectory}/{f.Name}", encoding: Encoding.UTF8))
            .ToArray();
        CSharpCompilation input = CSharpCompilation.Create("GeneratedNetwork" + Guid.NewGuid().ToString("N"), trees, References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, optimizationLevel: optimization, nullableContextOptions: NullableContextOptions.Enable));

        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            [new MobileNetGenerator().AsSourceGenerator()], additionalFiles, parse, new Options(runtimeIdentifier, aotInstructionSet, optimization == OptimizationLevel.Release),
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));
        driver = driver.RunGeneratorsAndUpdateCompilation(input, out Compilation output, out ImmutableArray<Diagnostic> diagnostics);
        GeneratorDriverRunResult result = driver.GetRunResult();
        var sources = result.Results.SelectMany(r => r.GeneratedSources).ToDictionary(s => s.HintName, s => s.SourceText.ToString());

        Type? network = null;
        ImmutableArray<Diagnostic> errors = [];
        if (compile)
        {
            using var stream = new MemoryStream();
            var emit = output.Emit(stream);
            errors = emit.Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).ToImmutableArray();
            if (emit.Success)
            {
                stream.Position = 0;
                var context = new AssemblyLoadContext(output.AssemblyName, isCollectible: true);
                network = context.LoadFromStream(stream).GetType("Tests.Net");
                if (network is not null)
                    JitLimits.Check(network);
            }
        }
        return new GeneratorRun { Diagnostics = diagnostics, Sources = sources, CompileErrors = errors, Driver = driver, AdditionalFiles = additionalFiles, Input = input, Network = network };
    }

    /// <summary>
    /// Compiles the run's input and generated sources with XML documentation checked (as a project with
    /// GenerateDocumentationFile does) and returns the compiler's errors and warnings and the XML file.
    /// </summary>
    public static (ImmutableArray<Diagnostic> Problems, string Xml) Documentation(GeneratorRun run)
    {
        var parse = new CSharpParseOptions(LanguageVersion.Latest, DocumentationMode.Diagnose);
        SyntaxTree[] trees = run.Input.SyntaxTrees.Select(t => CSharpSyntaxTree.ParseText(t.GetText(), parse, t.FilePath))
            .Concat(run.Sources.Select(s => CSharpSyntaxTree.ParseText(SourceText.From(s.Value, Encoding.UTF8), parse, s.Key)))
            .ToArray();
        CSharpCompilation compilation = CSharpCompilation.Create("Documented", trees, References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        using var pe = new MemoryStream();
        using var xml = new MemoryStream();
        var emit = compilation.Emit(pe, xmlDocumentationStream: xml);
        return (emit.Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).ToImmutableArray(), Encoding.UTF8.GetString(xml.ToArray()));
    }

    public sealed class InMemoryText(string path, string text) : AdditionalText
    {
        public override string Path { get; } = path;
        public override SourceText GetText(CancellationToken cancellationToken = default) => SourceText.From(text, Encoding.UTF8);
    }

    /// <summary>The build properties MobileNetGen.props makes visible, with Optimize as the compilation's own.</summary>
    private sealed class Options(string? runtimeIdentifier, string? aotInstructionSet, bool optimize) : AnalyzerConfigOptionsProvider
    {
        public override AnalyzerConfigOptions GlobalOptions { get; } = new Values(new()
        {
            ["build_property.MSBuildProjectDirectory"] = ProjectDirectory,
            ["build_property.RuntimeIdentifier"] = runtimeIdentifier ?? "",
            ["build_property.PublishAot"] = aotInstructionSet is null ? "" : "true",
            ["build_property.IlcInstructionSet"] = aotInstructionSet ?? "",
            ["build_property.Optimize"] = optimize ? "true" : "false",
        });
        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => Values.Empty;
        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => Values.Empty;

        private sealed class Values(Dictionary<string, string> values) : AnalyzerConfigOptions
        {
            public static readonly Values Empty = new([]);
            public override bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value) => values.TryGetValue(key, out value);
        }
    }
}
