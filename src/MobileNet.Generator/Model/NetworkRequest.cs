namespace MobileNet.Generator.Model;

/// <summary>
/// What the parser reads from one <c>[MobileNet]</c> attribute: the <see cref="NetworkSpec"/> that generation
/// runs on, and the <see cref="RequestLocations"/> its diagnostics are placed at. The two are split so that
/// an edit which only moves the attribute (a line typed above the class) leaves the spec, and so the
/// generated network, cached: only the diagnostics are placed again.
/// </summary>
internal sealed record NetworkRequest(NetworkSpec Spec, RequestLocations Locations);

/// <summary>
/// What one <c>[MobileNet]</c> attribute asks for, without a source location.
/// <paramref name="IsDuplicate"/>: the class has the attribute on an earlier partial declaration, which
/// alone generates; this one only reports MNG013. <paramref name="Output"/> is the attribute's
/// <c>MobileNetOutput</c> value; <paramref name="FeatureMaps"/> the layer names it lists, null entries as empty strings.
/// <paramref name="Declaration"/> is the index, among the class's declarations, of the one carrying the attribute.
/// <paramref name="Arithmetic"/> is the attribute's <c>MobileNetArithmetic</c> value.
/// </summary>
internal sealed record NetworkSpec(
    TargetType Target,
    int Version,
    double Alpha,
    int Resolution,
    string? Weights,
    int Normalization,
    bool IsDuplicate = false,
    int Output = 0,
    EquatableArray<string> FeatureMaps = default,
    int Declaration = 0,
    int Arithmetic = 0)
{
    /// <summary>The attribute's Resolution when it does not set one.</summary>
    public const int DefaultResolution = 224;

    /// <summary>Input sizes from 32 to 1024 pixels; others are MNG009.</summary>
    public bool ResolutionIsSupported => Resolution is >= 32 and <= 1024;

    /// <summary>Identifies the request without a location, so that its diagnostics can be joined to where it now stands.</summary>
    public RequestKey Key => new(Target.FullName, Declaration);
}

/// <summary>A request's identity: the class's full name and which of its declarations carries the attribute.</summary>
internal sealed record RequestKey(string FullName, int Declaration);

/// <summary>The partial class the network is generated into.</summary>
/// <param name="Namespace">The namespace, or an empty string for the global namespace.</param>
/// <param name="Declarations">Declaration headers from the outermost containing type to the class itself, e.g. <c>partial class Classifier</c>.</param>
/// <param name="Name">The class name with type parameters, as written.</param>
/// <param name="IsStatic">Static classes get only the static <c>Run</c>.</param>
/// <param name="NotPartial">The name of the first type in the chain that is not partial, or null.</param>
internal sealed record TargetType(
    string Namespace,
    EquatableArray<string> Declarations,
    string Name,
    string FullName,
    bool IsStatic,
    string? NotPartial);

/// <summary>Where a generation diagnostic points, named rather than located: <see cref="RequestLocations.Of"/> places it.</summary>
internal enum DiagnosticSite
{
    Attribute,
    Version,
    Alpha,
    Resolution,
    Weights,
    Normalization,
    Output,
    FeatureMaps,
    Arithmetic,
    /// <summary>The class's name in the declaration that carries the attribute.</summary>
    ClassName,
}

/// <summary>Where the attribute, each of its named arguments and the class name stand in the source.</summary>
internal sealed record RequestLocations(LocationInfo? Attribute, LocationInfo? ClassName,
    LocationInfo? Version, LocationInfo? Alpha, LocationInfo? Resolution, LocationInfo? Weights, LocationInfo? Normalization,
    LocationInfo? Output, LocationInfo? FeatureMaps, LocationInfo? Arithmetic = null)
{
    /// <summary>The location of <paramref name="site"/>; an argument that is not written falls back to the attribute.</summary>
    public LocationInfo? Of(DiagnosticSite site) => site switch
    {
        DiagnosticSite.ClassName => ClassName,
        DiagnosticSite.Version => Version ?? Attribute,
        DiagnosticSite.Alpha => Alpha ?? Attribute,
        DiagnosticSite.Resolution => Resolution ?? Attribute,
        DiagnosticSite.Weights => Weights ?? Attribute,
        DiagnosticSite.Normalization => Normalization ?? Attribute,
        DiagnosticSite.Output => Output ?? Attribute,
        DiagnosticSite.FeatureMaps => FeatureMaps ?? Attribute,
        DiagnosticSite.Arithmetic => Arithmetic ?? Attribute,
        _ => Attribute,
    };
}
