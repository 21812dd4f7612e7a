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
    int OutputLength,
    bool OutputIsProbability,
    long MultiplyAccumulates,
    int WeightBytes,
    int WorkspaceLength,
    InputNormalization Normalization,
    string? NotGenerated = null)
{
    /// <summary>The classes of the published ImageNet models, TensorFlow's background class included.</summary>
    private const int ImageNetClasses = 1001;

    /// <summary>
    /// The surface of a class whose network was not generated, so that the code that uses it still compiles
    /// and <paramref name="errors"/> are the build's only errors. The attribute gives the input size (its
    /// default, 224, where it gives an unsupported one) and the normalization; the rest are placeholders: RGB,
    /// 1001 probabilities as the published models write, and the input's length for each count. All are
    /// positive and of a real network's magnitude, so that a constant expression in the user's code neither
    /// divides by zero nor overflows where the real network's would not.
    /// </summary>
    public static NetworkSurface StandIn(NetworkRequest request, string errors)
    {
        int size = request.ResolutionIsSupported ? request.Resolution : NetworkRequest.DefaultResolution;
        int length = size * size * 3;
        return new NetworkSurface(size, 3, length, ImageNetClasses, true, length, length, length,
            InputNormalization.For(request.Normalization, fromFile: null), errors);
    }
}
