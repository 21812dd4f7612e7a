using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using MobileNet.Generator.Model;
using MobileNet.Generator.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace MobileNet.Generator;

/// <summary>
/// Generates a specialised MobileNet into each class marked <c>[MobileNet]</c>. Only wiring lives here:
/// the attribute is parsed into a <see cref="NetworkRequest"/>, the bridged model files are collected,
/// and <see cref="NetworkGenerator"/> does the rest. Generation runs on the request's spec, which holds no
/// source location, and every model between the steps is equatable, so edits that touch neither the
/// attribute's values nor the model file reuse the cached output. Its diagnostics name a site rather than a
/// location; a separate output places them where the attribute now stands.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class MobileNetGenerator : IIncrementalGenerator
{
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        IncrementalValuesProvider<NetworkRequest> requests = context.SyntaxProvider
            .ForAttributeWithMetadataName(RequestParser.AttributeName, static (node, _) => node is ClassDeclarationSyntax, RequestParser.Parse)
            .WithTrackingName("Requests");

        IncrementalValuesProvider<LocatedDiagnostic> unbound = context.SyntaxProvider
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
                Property(options, "MSBuildProjectDirectory"),
                Property(options, "RuntimeIdentifier"),
                string.Equals(Property(options, "PublishAot"), "true", StringComparison.OrdinalIgnoreCase) ? Property(options, "IlcInstructionSet") : null,
                !string.Equals(Property(options, "Optimize"), "false", StringComparison.OrdinalIgnoreCase)));

        IncrementalValuesProvider<GenerationResult> results = requests
            .Select(static (request, _) => request.Spec)
            .WithTrackingName("Specs")
            .Combine(models)
            .Combine(project)
            .Select(static (input, ct) => NetworkGenerator.Generate(input.Left.Left, input.Left.Right, input.Right, ct))
            .WithTrackingName("Results");

        context.RegisterSourceOutput(results, static (output, result) =>
        {
            foreach (GeneratedFile file in result.Files)
                output.AddSource(file.HintName, file.Text);
        });

        // The diagnostics, without the generated text, joined by key with where each request now stands.
        IncrementalValueProvider<ImmutableArray<KeyedDiagnostics>> diagnostics = results
            .Select(static (result, _) => new KeyedDiagnostics(result.Key, result.Diagnostics))
            .Where(static keyed => keyed.Diagnostics.Count > 0)
            .Collect();
        IncrementalValueProvider<ImmutableArray<(RequestKey Key, RequestLocations Locations)>> locations = requests
            .Select(static (request, _) => (request.Spec.Key, request.Locations))
            .Collect();
        context.RegisterSourceOutput(diagnostics.Combine(locations), static (output, input) =>
        {
            var at = new Dictionary<RequestKey, RequestLocations>();
            foreach ((RequestKey key, RequestLocations locations) in input.Right)
                at[key] = locations;
            foreach (KeyedDiagnostics keyed in input.Left)
            {
                RequestLocations? where = at.TryGetValue(keyed.Key, out RequestLocations? found) ? found : null;
                foreach (DiagnosticInfo diagnostic in keyed.Diagnostics)
                    output.ReportDiagnostic(diagnostic.ToDiagnostic(where?.Of(diagnostic.Site)));
            }
        });
    }

    private sealed record KeyedDiagnostics(RequestKey Key, EquatableArray<DiagnosticInfo> Diagnostics);

    /// <summary>An MSBuild property MobileNetGen.props makes visible, or null when it is not set.</summary>
    private static string? Property(AnalyzerConfigOptionsProvider options, string name) =>
        options.GlobalOptions.TryGetValue("build_property." + name, out string? value) && value.Length > 0 ? value : null;
}
