using System.Collections.Generic;
using System.Linq;
using System.Threading;
using MobileNet.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MobileNet.Generator.Parsing;

/// <summary>
/// Turns a class carrying <c>[MobileNet]</c> into a <see cref="NetworkRequest"/>: plain data, no symbols or syntax;
/// its spec without locations, which generation runs on, and the locations apart.
/// </summary>
internal static class RequestParser
{
    public const string AttributeName = "MobileNet.MobileNetAttribute";

    public static NetworkRequest Parse(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        var type = (INamedTypeSymbol)context.TargetSymbol;
        AttributeData attribute = OwnAttribute(context, out bool isDuplicate);
        var syntax = attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) as AttributeSyntax;

        int version = 1, resolution = NetworkSpec.DefaultResolution;
        double alpha = 1.0;
        string? weights = null;
        int normalization = 0, output = 0, arithmetic = 0;
        string[] featureMaps = [];
        foreach (KeyValuePair<string, TypedConstant> argument in attribute.NamedArguments)
        {
            // An array's Value throws; FeatureMaps reads its Values.
            object? value = argument.Value.Kind == TypedConstantKind.Array ? null : argument.Value.Value;
            switch (argument.Key)
            {
                case "Version" when value is int v: version = v; break;
                case "Alpha" when value is double a: alpha = a; break;
                case "Resolution" when value is int r: resolution = r; break;
                case "Weights": weights = value as string; break;
                case "Normalization" when value is int n: normalization = n; break;
                case "Output" when value is int o: output = o; break;
                case "Arithmetic" when value is int m: arithmetic = m; break;
                case "FeatureMaps" when argument.Value.Kind == TypedConstantKind.Array && !argument.Value.IsNull:
                    featureMaps = argument.Value.Values.Select(v => v.Value as string ?? "").ToArray();
                    break;
            }
        }

        var spec = new NetworkSpec(ParseTarget(type), version, alpha, resolution, weights, normalization, isDuplicate, output, featureMaps,
            Declaration(type, context.TargetNode), arithmetic);
        Location name = context.TargetNode is TypeDeclarationSyntax declaration ? declaration.Identifier.GetLocation() : context.TargetNode.GetLocation();
        var locations = new RequestLocations(LocationInfo.From(syntax?.GetLocation()), LocationInfo.From(name),
            ArgumentLocation(syntax, "Version"), ArgumentLocation(syntax, "Alpha"),
            ArgumentLocation(syntax, "Resolution"), ArgumentLocation(syntax, "Weights"), ArgumentLocation(syntax, "Normalization"),
            ArgumentLocation(syntax, "Output"), ArgumentLocation(syntax, "FeatureMaps"), ArgumentLocation(syntax, "Arithmetic"));
        return new NetworkRequest(spec, locations);
    }

    /// <summary>A cheap syntactic filter for <see cref="ParseUnbound"/>: an attribute spelt <c>MobileNet</c> on a class.</summary>
    public static bool MayBeUnbound(SyntaxNode node, CancellationToken _) =>
        node is AttributeSyntax { Name: IdentifierNameSyntax { Identifier.ValueText: "MobileNet" }, Parent.Parent: ClassDeclarationSyntax };

    /// <summary>
    /// MNG016 when <c>[MobileNet]</c> bound to the namespace: the compiler's CS0616 ("is not an attribute
    /// class") does not say that the missing piece is a using directive.
    /// </summary>
    public static LocatedDiagnostic? ParseUnbound(GeneratorSyntaxContext context, CancellationToken cancellationToken)
    {
        var attribute = (AttributeSyntax)context.Node;
        SymbolInfo info = context.SemanticModel.GetSymbolInfo(attribute, cancellationToken);
        if (info.Symbol is not null || !info.CandidateSymbols.Any(s => s is INamespaceSymbol { Name: "MobileNet" }))
            return null;
        var declaration = (ClassDeclarationSyntax)attribute.Parent!.Parent!;
        return new LocatedDiagnostic(DiagnosticInfo.Create(DiagnosticDescriptors.AttributeNotBound, DiagnosticSite.Attribute, declaration.Identifier.ValueText),
            LocationInfo.From(attribute.Name.GetLocation()));
    }

    /// <summary>
    /// The attribute written on this declaration. Each declaration that carries one is a request of its
    /// own, and <see cref="GeneratorAttributeSyntaxContext.Attributes"/> holds only those of the
    /// declaration's file; the class's own list spans all its files, in declaration order, and only its
    /// first [MobileNet] may generate.
    /// </summary>
    private static AttributeData OwnAttribute(GeneratorAttributeSyntaxContext context, out bool isDuplicate)
    {
        AttributeData own = context.Attributes[0];
        foreach (AttributeData attribute in context.Attributes)
            if (attribute.ApplicationSyntaxReference is { } reference && context.TargetNode.Span.Contains(reference.Span))
                own = attribute;
        AttributeData first = context.TargetSymbol.GetAttributes().First(a => a.AttributeClass?.ToDisplayString() == AttributeName);
        isDuplicate = !(first.ApplicationSyntaxReference is { } a && own.ApplicationSyntaxReference is { } b && a.SyntaxTree == b.SyntaxTree && a.Span == b.Span);
        return own;
    }

    private static TargetType ParseTarget(INamedTypeSymbol type)
    {
        var declarations = new List<string>();
        string? notPartial = null;
        for (INamedTypeSymbol? t = type; t is not null; t = t.ContainingType)
        {
            bool isPartial = false;
            foreach (SyntaxReference reference in t.DeclaringSyntaxReferences)
                if (reference.GetSyntax() is TypeDeclarationSyntax d && d.Modifiers.Any(SyntaxKind.PartialKeyword))
                    isPartial = true;
            if (!isPartial)
                notPartial = t.Name;
            string keyword = t.IsRecord ? (t.IsValueType ? "record struct" : "record") : t.IsValueType ? "struct" : "class";
            declarations.Insert(0, $"{(t.IsStatic ? "static " : "")}partial {keyword} {t.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat)}");
        }

        string ns = type.ContainingNamespace.IsGlobalNamespace ? "" : type.ContainingNamespace.ToDisplayString();
        return new TargetType(ns, declarations.ToArray(), type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat),
            type.ToDisplayString(), type.IsStatic, notPartial);
    }

    /// <summary>Which of the class's declarations <paramref name="node"/> is: its index among them, in the compilation's order.</summary>
    private static int Declaration(INamedTypeSymbol type, SyntaxNode node)
    {
        for (int i = 0; i < type.DeclaringSyntaxReferences.Length; i++)
            if (type.DeclaringSyntaxReferences[i] is { } reference && reference.SyntaxTree == node.SyntaxTree && reference.Span == node.Span)
                return i;
        return 0;
    }

    private static LocationInfo? ArgumentLocation(AttributeSyntax? syntax, string name)
    {
        if (syntax?.ArgumentList is null)
            return null;
        foreach (AttributeArgumentSyntax argument in syntax.ArgumentList.Arguments)
            if (argument.NameEquals?.Name.Identifier.ValueText == name)
                return LocationInfo.From(argument.Expression.GetLocation());
        return null;
    }
}
