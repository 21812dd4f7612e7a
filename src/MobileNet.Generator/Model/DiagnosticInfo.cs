using Microsoft.CodeAnalysis;

namespace MobileNet.Generator.Model;

/// <summary>
/// A diagnostic as pipeline data: the descriptor, the <see cref="DiagnosticSite"/> it points at and the
/// message arguments. It holds no location, so that a generation result stays equal when the attribute
/// only moves; <see cref="ToDiagnostic"/> places it.
/// </summary>
internal sealed record DiagnosticInfo(DiagnosticDescriptor Descriptor, DiagnosticSite Site, EquatableArray<string> Arguments)
{
    /// <summary>A diagnostic whose arguments are made safe to show: text from a model file or the attribute cannot break the message's line or run on without end.</summary>
    public static DiagnosticInfo Create(DiagnosticDescriptor descriptor, DiagnosticSite site, params string[] arguments) =>
        new(descriptor, site, System.Array.ConvertAll(arguments, a => DisplayText.Clean(a)));

    public Diagnostic ToDiagnostic(LocationInfo? location = null) =>
        Diagnostic.Create(Descriptor, location?.ToLocation(), [.. Arguments]);
}

/// <summary>A diagnostic already placed, for the checks that run on syntax and need no cached spec (MNG016).</summary>
internal sealed record LocatedDiagnostic(DiagnosticInfo Info, LocationInfo? Location)
{
    public Diagnostic ToDiagnostic() => Info.ToDiagnostic(Location);
}
