using Microsoft.CodeAnalysis;

namespace MobileNet.Generator.Model;

/// <summary>A diagnostic as pipeline data: the descriptor, where it points and the message arguments.</summary>
internal sealed record DiagnosticInfo(DiagnosticDescriptor Descriptor, LocationInfo? Location, EquatableArray<string> Arguments)
{
    /// <summary>A diagnostic whose arguments are made safe to show: text from a model file or the attribute cannot break the message's line or run on without end.</summary>
    public static DiagnosticInfo Create(DiagnosticDescriptor descriptor, LocationInfo? location, params string[] arguments) =>
        new(descriptor, location, System.Array.ConvertAll(arguments, a => DisplayText.Clean(a)));

    public Diagnostic ToDiagnostic() =>
        Diagnostic.Create(Descriptor, Location?.ToLocation(), [.. Arguments]);
}
