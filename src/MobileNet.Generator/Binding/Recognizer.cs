using MobileNet.Generator.Lowering;

namespace MobileNet.Generator.Binding;

/// <summary>A published MobileNet: what a file is when it binds completely at one of the published widths.</summary>
internal sealed record RecognizedNetwork(int Version, double Alpha, int Resolution);

/// <summary>
/// Tells which published MobileNet a graph is, so that a mismatch can say which attribute values fit the
/// file. It claims only what binds, every layer and the head, at the file's own input size; a graph that
/// binds at no published width is not recognised.
/// </summary>
internal static class Recognizer
{
    public static RecognizedNetwork? Recognize(NetworkGraph graph)
    {
        int resolution = graph.InputHeight;
        if (graph.InputWidth != resolution)
            return null;
        foreach (double alpha in V1Architecture.PublishedAlphas)
            if (V1Binder.Bind(graph, alpha, resolution, out _) is not null)
                return new RecognizedNetwork(1, alpha, resolution);
        foreach (double alpha in V2Architecture.PublishedAlphas)
            if (V2Binder.Bind(graph, alpha, resolution, out _) is not null)
                return new RecognizedNetwork(2, alpha, resolution);
        return null;
    }
}
