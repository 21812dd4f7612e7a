using System.Collections.Generic;

namespace MobileNet.Generator.Binding;

internal enum LayerRole { Stem, Depthwise, Pointwise, Bottleneck, Pool, Classifier, Softmax }

/// <summary>
/// A layer of the file matched to its place in the architecture. A V2 <see cref="LayerRole.Bottleneck"/>
/// holds its three convolutions in <see cref="Block"/>; <see cref="Op"/> is then its depthwise conv.
/// </summary>
internal sealed record BoundLayer(LayerRole Role, GraphOp Op, Bottleneck? Block = null);

/// <summary>An inverted residual: 1×1 expand (absent when the expansion is 1), 3×3 depthwise, linear 1×1 project, and the residual add when stride is 1 and the widths match.</summary>
internal sealed record Bottleneck(GraphOp? Expand, GraphOp Depthwise, GraphOp Project, bool Residual)
{
    public int InC => (Expand ?? Depthwise).InC;
    public int InH => (Expand ?? Depthwise).InH;
    public int InW => (Expand ?? Depthwise).InW;
    public int Hidden => Depthwise.InC;
}

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
