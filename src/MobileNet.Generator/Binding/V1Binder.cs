using System.Collections.Generic;
using MobileNet.Generator.Lowering;

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
        mismatch = LayerMatcher.InputMismatch(graph, resolution);
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

        mismatch = LayerMatcher.BindHead(ops, ref next, size, channels, layers, out int classes);
        return mismatch is null ? new BoundNetwork(1, alpha, resolution, graph, layers, classes) : null;
    }

    private static string? Conv(GraphOp? op, int index, string kind, LayerRole role, int kernel, int stride, int inSize, int inC, int outSize, int[] outChannels, bool depthwise, List<BoundLayer> layers, string? name = null)
    {
        if (!LayerMatcher.ConvMatches(op, kernel, stride, inSize, inC, outSize, outChannels, depthwise))
            return $"layer {index} expected {kind}, stride {stride}, {inSize}×{inSize}×{inC} → {outSize}×{outSize}×{string.Join(" or ", outChannels)}; found {LayerMatcher.Describe(op)}";
        layers.Add(new BoundLayer(role, op!, Name: name));
        return null;
    }
}
