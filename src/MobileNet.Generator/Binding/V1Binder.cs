using System.Collections.Generic;
using System.Linq;

namespace MobileNet.Generator.Binding;

/// <summary>
/// Matches a <see cref="NetworkGraph"/> to MobileNet V1 at a given α and resolution, layer by layer, by
/// structure: kernel, stride, group and shapes. The classifier's width is whatever the file has.
/// </summary>
internal static class V1Binder
{
    /// <summary>Returns the bound network, or null with the first mismatch in <paramref name="mismatch"/>.</summary>
    public static BoundNetwork? Bind(NetworkGraph graph, double alpha, int resolution, out string? mismatch)
    {
        var layers = new List<BoundLayer>();
        mismatch = V2Binder.InputMismatch(graph, resolution);
        if (mismatch is not null)
            return null;

        IReadOnlyList<GraphOp> ops = graph.Ops;
        int next = 0;
        GraphOp? Take() => next < ops.Count ? ops[next++] : null;

        int size = resolution, channels = graph.InputChannels;
        int stemOut = V1Architecture.Downsample(size, 2);
        mismatch = Conv(Take(), 0, "conv 3×3", LayerRole.Stem, 3, 2, size, channels, stemOut, V1Architecture.ChannelOptions(V1Architecture.StemChannels, alpha), depthwise: false, layers, OutputSelector.StemName);
        if (mismatch is not null)
            return null;
        size = stemOut;
        channels = layers[0].Op.OutC;

        for (int b = 0; b < V1Architecture.Blocks.Count; b++)
        {
            (int stride, int width) = V1Architecture.Blocks[b];
            int outSize = V1Architecture.Downsample(size, stride);
            mismatch = Conv(Take(), 2 * b + 1, "depthwise 3×3", LayerRole.Depthwise, 3, stride, size, channels, outSize, [channels], depthwise: true, layers)
                ?? Conv(Take(), 2 * b + 2, "pointwise 1×1", LayerRole.Pointwise, 1, 1, outSize, channels, outSize, V1Architecture.ChannelOptions(width, alpha), depthwise: false, layers, $"block{b + 1}");
            if (mismatch is not null)
                return null;
            size = outSize;
            channels = layers[layers.Count - 1].Op.OutC;
        }

        mismatch = BindHead(ops, ref next, size, channels, layers, out int classes);
        return mismatch is null ? new BoundNetwork(1, alpha, resolution, graph, layers, classes) : null;
    }

    /// <summary>
    /// The head both versions share: global average pool, classifier (fully connected or 1×1 conv on the
    /// pooled map), optional softmax, nothing else. A file may end before the pool (a feature extractor) or
    /// after it (an embedding extractor, such as Coral's for imprinting).
    /// </summary>
    internal static string? BindHead(IReadOnlyList<GraphOp> ops, ref int next, int size, int channels, List<BoundLayer> layers, out int classes)
    {
        classes = 0;
        if (next == ops.Count)
            return null;
        GraphOp pool = ops[next++];
        if (pool.Kind != OpKind.GlobalAveragePool)
            return $"after the last convolution expected the global average pool over {size}×{size}×{channels} or the end of the graph, found {Describe(pool)}";
        layers.Add(new BoundLayer(LayerRole.Pool, pool, Name: OutputSelector.PoolName));

        if (next == ops.Count)
            return null;
        GraphOp head = ops[next++];
        GraphOp? classifier = head switch
        {
            { Kind: OpKind.FullyConnected } => head,
            { Kind: OpKind.Conv, KernelH: 1, KernelW: 1, InH: 1, InW: 1, Group: 1 } => new GraphOp
            {
                Kind = OpKind.FullyConnected, Name = head.Name, InC = head.InC, OutC = head.OutC, Weights = head.Weights, Bias = head.Bias,
                ActivationMin = head.ActivationMin, ActivationMax = head.ActivationMax,
            },
            _ => null,
        };
        if (classifier is null || classifier.InC != channels)
            return $"after the pool expected the classifier (a fully connected layer or 1×1 convolution from {channels} features) or the end of the graph, found {Describe(head)}";
        layers.Add(new BoundLayer(LayerRole.Classifier, classifier));

        if (next < ops.Count)
        {
            GraphOp rest = ops[next++];
            if (rest.Kind != OpKind.Softmax || next < ops.Count)
                return $"expected nothing but an optional Softmax after the classifier, found {Describe(rest)}";
            layers.Add(new BoundLayer(LayerRole.Softmax, rest));
        }
        classes = classifier.OutC;
        return null;
    }

    private static string? Conv(GraphOp? op, int index, string kind, LayerRole role, int kernel, int stride, int inSize, int inC, int outSize, int[] outChannels, bool depthwise, List<BoundLayer> layers, string? name = null)
    {
        if (!ConvMatches(op, kernel, stride, inSize, inC, outSize, outChannels, depthwise))
            return $"layer {index} expected {kind}, stride {stride}, {inSize}×{inSize}×{inC} → {outSize}×{outSize}×{string.Join(" or ", outChannels)}; found {Describe(op)}";
        layers.Add(new BoundLayer(role, op!, Name: name));
        return null;
    }

    internal static bool ConvMatches(GraphOp? op, int kernel, int stride, int inSize, int inC, int outSize, int[] outChannels, bool depthwise) =>
        op is { Kind: OpKind.Conv }
        && op.KernelH == kernel && op.KernelW == kernel && op.StrideH == stride && op.StrideW == stride
        && op.InH == inSize && op.InW == inSize && op.InC == inC
        && op.OutH == outSize && op.OutW == outSize && outChannels.Contains(op.OutC)
        && (depthwise ? op.Group == inC && op.OutC == inC : op.Group == 1);

    internal static string Describe(GraphOp? op) => op switch
    {
        null => "the end of the graph",
        { Kind: OpKind.Conv } => $"node '{op.Name}': {(op.IsDepthwise ? "depthwise " : op.Group > 1 ? $"grouped ({op.Group}) " : "")}{op.KernelH}×{op.KernelW} conv, stride {op.StrideH}, {op.InH}×{op.InW}×{op.InC} → {op.OutH}×{op.OutW}×{op.OutC}",
        { Kind: OpKind.GlobalAveragePool } => $"node '{op.Name}': global average pool over {op.InH}×{op.InW}×{op.InC}",
        { Kind: OpKind.FullyConnected } => $"node '{op.Name}': fully connected {op.InC} → {op.OutC}",
        { Kind: OpKind.Add } => $"node '{op.Name}': a residual add on {op.OutH}×{op.OutW}×{op.OutC}",
        _ => $"node '{op.Name}': {op.Kind}",
    };
}
