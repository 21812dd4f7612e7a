using System.Collections.Generic;

namespace MobileNet.Generator.Binding;

internal enum LayerRole { Stem, Depthwise, Pointwise, Pool, Classifier, Softmax }

/// <summary>A layer of the file matched to its place in the architecture.</summary>
internal sealed record BoundLayer(LayerRole Role, GraphOp Op);

/// <summary>A weights file that has been checked against the declared architecture: what the planner works from.</summary>
internal sealed class BoundNetwork(int version, double alpha, int resolution, NetworkGraph graph, IReadOnlyList<BoundLayer> layers, int classCount)
{
    public int Version { get; } = version;
    public double Alpha { get; } = alpha;
    public int Resolution { get; } = resolution;
    public NetworkGraph Graph { get; } = graph;
    public IReadOnlyList<BoundLayer> Layers { get; } = layers;
    public int ClassCount { get; } = classCount;
}
