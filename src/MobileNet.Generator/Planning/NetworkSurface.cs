using System.Collections.Generic;
using System.Linq;
using MobileNet.Generator.Binding;
using MobileNet.Generator.Model;

namespace MobileNet.Generator.Planning;

/// <summary>
/// The values behind the public members every generated class has: its constants and its normalization.
/// <paramref name="NotGenerated"/> is set for a stand-in: the errors (their IDs) that kept the generator
/// from making the network, which its methods then name.
/// </summary>
internal sealed record NetworkSurface(
    int InputSize,
    int InputChannels,
    int InputLength,
    IReadOnlyList<PlannedOutput> Outputs,
    OutputKind OutputKind,
    long MultiplyAccumulates,
    int WeightBytes,
    int WorkspaceLength,
    InputNormalization Normalization,
    string? NotGenerated = null)
{
    public bool OutputIsProbability => OutputKind == OutputKind.Probabilities;

    /// <summary>The classes of the published ImageNet models, TensorFlow's background class included.</summary>
    private const int ImageNetClasses = 1001;

    /// <summary>
    /// The surface of a class whose network was not generated, so that the code that uses it still compiles
    /// and <paramref name="errors"/> are the build's only errors. The attribute gives the input size (its
    /// default, 224, where it gives an unsupported one) and the normalization; the rest are placeholders: RGB,
    /// 1001 values per output as the published models' classifiers write, and the input's length for each count.
    /// All are positive and of a real network's magnitude, so that a constant expression in the user's code
    /// neither divides by zero nor overflows where the real network's would not. The outputs are the maps
    /// <c>FeatureMaps</c> names, when they are distinct layer names, so that <c>Run</c> takes the same spans.
    /// </summary>
    public static NetworkSurface StandIn(NetworkSpec request, string errors)
    {
        int size = request.ResolutionIsSupported ? request.Resolution : NetworkSpec.DefaultResolution;
        int length = size * size * 3;
        string?[] names = request.FeatureMaps.Count > 0 && request.FeatureMaps.All(n => Identifiers.Output(n) is not null) && request.FeatureMaps.Distinct().Count() == request.FeatureMaps.Count
            ? [.. request.FeatureMaps]
            : [null];
        OutputKind kind = names[0] is not null ? OutputKind.FeatureMap
            : request.Output is > 0 and <= (int)OutputKind.FeatureMap ? (OutputKind)request.Output : OutputKind.Probabilities;
        PlannedOutput[] outputs = names.Select(n => PlannedOutput.For(new BoundOutput(n, kind, 0, false, 1, 1, ImageNetClasses), 0, ImageNetClasses)).ToArray();
        return new NetworkSurface(size, 3, length, outputs, kind, length, length, length,
            InputNormalization.For(request.Normalization, fromFile: null), errors);
    }
}
