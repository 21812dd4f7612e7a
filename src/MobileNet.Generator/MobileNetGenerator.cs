using MobileNet.Generator.Model;
using MobileNet.Generator.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MobileNet.Generator;

/// <summary>
/// Generates a specialised MobileNet into each class marked <c>[MobileNet]</c>. Only wiring lives here:
/// the attribute is parsed into a <see cref="NetworkRequest"/>, the bridged model files are collected,
/// and <see cref="NetworkGenerator"/> does the rest. Every model between the steps is equatable, so
/// edits that touch neither the attribute nor the model file reuse the cached output.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class MobileNetGenerator : IIncrementalGenerator
{
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        IncrementalValuesProvider<NetworkRequest> requests = context.SyntaxProvider
            .ForAttributeWithMetadataName(RequestParser.AttributeName, static (node, _) => node is ClassDeclarationSyntax, RequestParser.Parse)
            .WithTrackingName("Requests");

        IncrementalValuesProvider<DiagnosticInfo> unbound = context.SyntaxProvider
            .CreateSyntaxProvider(RequestParser.MayBeUnbound, RequestParser.ParseUnbound)
            .Where(static diagnostic => diagnostic is not null)!;
        context.RegisterSourceOutput(unbound, static (output, diagnostic) => output.ReportDiagnostic(diagnostic.ToDiagnostic()));

        IncrementalValueProvider<EquatableArray<BridgedModel>> models = context.AdditionalTextsProvider
            .Select(static (file, ct) => ModelBridge.Read(file, ct))
            .Where(static model => model is not null)
            .Collect()
            .Select(static (list, _) => new EquatableArray<BridgedModel>(list!))
            .WithTrackingName("Models");

        IncrementalValueProvider<ProjectInfo> project = context.AnalyzerConfigOptionsProvider
            .Select(static (options, _) => new ProjectInfo(
                options.GlobalOptions.TryGetValue("build_property.MSBuildProjectDirectory", out string? directory) && directory.Length > 0 ? directory : null));

        IncrementalValuesProvider<GenerationResult> results = requests
            .Combine(models)
            .Combine(project)
            .Select(static (input, ct) => NetworkGenerator.Generate(input.Left.Left, input.Left.Right, input.Right, ct))
            .WithTrackingName("Results");

        context.RegisterSourceOutput(results, static (output, result) =>
        {
            foreach (DiagnosticInfo diagnostic in result.Diagnostics)
                output.ReportDiagnostic(diagnostic.ToDiagnostic());
            foreach (GeneratedFile file in result.Files)
                output.AddSource(file.HintName, file.Text);
        });
    }
}
