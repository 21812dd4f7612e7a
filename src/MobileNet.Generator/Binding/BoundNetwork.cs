using System.Collections.Generic;
using MobileNet.Generator.Lowering;
using MobileNet.Generator.Model;

namespace MobileNet.Generator.Binding;

internal enum LayerRole { Stem, Depthwise, Pointwise, Bottleneck, Pool, Classifier, Softmax }

/// <summary>
/// A layer of the file matched to its place in the architecture. A V2 <see cref="LayerRole.Bottleneck"/>
/// holds its three convolutions in <see cref="Block"/>; <see cref="Op"/> is then its depthwise conv.
/// <paramref name="Name"/> is what <c>FeatureMaps</c> calls its output ("block11"), for the layers whose outputs can be tapped.
/// </summary>
internal sealed record BoundLayer(LayerRole Role, GraphOp Op, Bottleneck? Block = null, string? Name = null)
{
    /// <summary>The suffix that names a bottleneck's expanded tensor: "block13/expand".</summary>
    public const string ExpansionSuffix = "/expand";

    /// <summary>The name of the expanded tensor of a bottleneck that has one.</summary>
    public string? ExpansionName => Block?.Expand is not null && Name is not null ? Name + ExpansionSuffix : null;
}

/// <summary>
/// An inverted residual: 1×1 expand (absent when the expansion is 1), 3×3 depthwise, linear 1×1 project, and the
/// residual add when stride is 1 and the widths match. <paramref name="Add"/> is the add's integer form, for a
/// quantised file: the skip's and the sum's quantisation, which the projection's output need not share.
/// </summary>
internal sealed record Bottleneck(GraphOp? Expand, GraphOp Depthwise, GraphOp Project, bool Residual, QuantizedOp? Add = null)
{
    public int InC => (Expand ?? Depthwise).InC;
    public int InH => (Expand ?? Depthwise).InH;
    public int InW => (Expand ?? Depthwise).InW;
    public int Hidden => Depthwise.InC;
}

/// <summary>
/// One tensor <c>Run</c> writes: the output of <see cref="BoundNetwork.Layers"/>[<paramref name="Layer"/>], or
/// with <paramref name="Expansion"/> the expanded tensor inside that bottleneck. <paramref name="Name"/> is the
/// <c>FeatureMaps</c> name, or null for the single output of a network that has one.
/// </summary>
internal sealed record BoundOutput(string? Name, OutputKind Kind, int Layer, bool Expansion, int Height, int Width, int Channels)
{
    public int Length => Height * Width * Channels;
}

/// <summary>
/// A weights file that has been checked against the declared architecture and cut where the attribute
/// asks (<see cref="OutputSelector"/>): what the planner works from. <see cref="LeftOut"/> lists the file's
/// layers after the cut, for the docs.
/// </summary>
internal sealed class BoundNetwork(int version, double alpha, int resolution, NetworkGraph graph, IReadOnlyList<BoundLayer> layers, int classCount,
    IReadOnlyList<BoundOutput>? outputs = null, string? leftOut = null)
{
    public int Version { get; } = version;
    public double Alpha { get; } = alpha;
    public int Resolution { get; } = resolution;
    public NetworkGraph Graph { get; } = graph;
    public IReadOnlyList<BoundLayer> Layers { get; } = layers;
    /// <summary>The classifier's outputs, or 0 when the file has no classifier.</summary>
    public int ClassCount { get; } = classCount;
    /// <summary>What <c>Run</c> writes; until <see cref="OutputSelector"/> cuts the network, the file's own last tensor.</summary>
    public IReadOnlyList<BoundOutput> Outputs { get; } = outputs ?? [OutputSelector.FileOutput(layers)];
    /// <summary>The file's layers after the cut and their weights ("the classifier (256 → 1001) and the softmax: 257,257 weights"), or null.</summary>
    public string? LeftOut { get; } = leftOut;
}
