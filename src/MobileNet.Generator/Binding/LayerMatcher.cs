using System.Collections.Generic;
using System.Linq;
using MobileNet.Generator.Lowering;

namespace MobileNet.Generator.Binding;

/// <summary>
/// What the V1 and V2 binders match alike: the input, a convolution's structure, the head after the last
/// convolution, and the words a mismatch uses for the operation it found.
/// </summary>
internal static class LayerMatcher
{
    /// <summary>
    /// The head both versions share: global average pool, classifier (fully connected or 1×1 conv on the
    /// pooled map), optional softmax, nothing else. A file may end before the pool (a feature extractor) or
    /// after it (an embedding extractor, such as Coral's for imprinting).
    /// </summary>
    public static string? BindHead(IReadOnlyList<GraphOp> ops, ref int next, int size, int channels, List<BoundLayer> layers, out int classes)
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
                ActivationMin = head.ActivationMin, ActivationMax = head.ActivationMax, Quantized = head.Quantized,
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

    /// <summary>Why the graph's input is not the image the attribute declares, or null.</summary>
    public static string? InputMismatch(NetworkGraph graph, int resolution) =>
        graph.InputHeight != resolution || graph.InputWidth != resolution || graph.InputChannels is not (1 or 3)
            ? $"the input is {graph.InputHeight}×{graph.InputWidth}×{graph.InputChannels}, expected {resolution}×{resolution}×3 (or ×1 for greyscale)"
            : null;

    /// <summary>Whether <paramref name="op"/> is the convolution the architecture has here: kernel, stride, shapes, one of the widths α allows, depthwise or dense.</summary>
    public static bool ConvMatches(GraphOp? op, int kernel, int stride, int inSize, int inC, int outSize, int[] outChannels, bool depthwise) =>
        op is { Kind: OpKind.Conv }
        && op.KernelH == kernel && op.KernelW == kernel && op.StrideH == stride && op.StrideW == stride
        && op.InH == inSize && op.InW == inSize && op.InC == inC
        && op.OutH == outSize && op.OutW == outSize && outChannels.Contains(op.OutC)
        && (depthwise ? op.Group == inC && op.OutC == inC : op.Group == 1);

    /// <summary>The operation a mismatch found, in the words of its message.</summary>
    public static string Describe(GraphOp? op) => op switch
    {
        null => "the end of the graph",
        { Kind: OpKind.Conv } => $"node '{op.Name}': {(op.IsDepthwise ? "depthwise " : op.Group > 1 ? $"grouped ({op.Group}) " : "")}{op.KernelH}×{op.KernelW} conv, stride {op.StrideH}, {op.InH}×{op.InW}×{op.InC} → {op.OutH}×{op.OutW}×{op.OutC}",
        { Kind: OpKind.GlobalAveragePool } => $"node '{op.Name}': global average pool over {op.InH}×{op.InW}×{op.InC}",
        { Kind: OpKind.FullyConnected } => $"node '{op.Name}': fully connected {op.InC} → {op.OutC}",
        { Kind: OpKind.Add } => $"node '{op.Name}': a residual add on {op.OutH}×{op.OutW}×{op.OutC}",
        _ => $"node '{op.Name}': {op.Kind}",
    };
}
