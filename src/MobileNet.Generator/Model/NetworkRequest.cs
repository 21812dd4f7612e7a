namespace MobileNet.Generator.Model;

/// <summary>
/// What one <c>[MobileNet]</c> attribute asks for, with the locations its diagnostics point at.
/// <paramref name="IsDuplicate"/>: the class has the attribute on an earlier partial declaration, which
/// alone generates; this one only reports MNG013. <paramref name="Output"/> is the attribute's
/// <c>MobileNetOutput</c> value; <paramref name="FeatureMaps"/> the layer names it lists, null entries as empty strings.
/// </summary>
internal sealed record NetworkRequest(
    TargetType Target,
    int Version,
    double Alpha,
    int Resolution,
    string? Weights,
    int Normalization,
    LocationInfo? AttributeLocation,
    ArgumentLocations Arguments,
    bool IsDuplicate = false,
    int Output = 0,
    EquatableArray<string> FeatureMaps = default)
{
    /// <summary>The attribute's Resolution when it does not set one.</summary>
    public const int DefaultResolution = 224;

    /// <summary>Input sizes from 32 to 1024 pixels; others are MNG009.</summary>
    public bool ResolutionIsSupported => Resolution is >= 32 and <= 1024;
}

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
    string? NotPartial,
    LocationInfo? Location);

/// <summary>Where each named argument of the attribute stands; each falls back to the attribute itself.</summary>
internal sealed record ArgumentLocations(LocationInfo? Version, LocationInfo? Alpha, LocationInfo? Resolution, LocationInfo? Weights, LocationInfo? Normalization,
    LocationInfo? Output = null, LocationInfo? FeatureMaps = null);
