using System.Collections.Generic;
using MobileNet.Generator.Lowering;

namespace MobileNet.Generator.Binding;

/// <summary>
/// Matches a <see cref="NetworkGraph"/> to MobileNet V2 at a given α and resolution, bottleneck by
/// bottleneck: widths, strides, the linear projection (no activation) and the residual add exactly
/// where stride is 1 and input and output widths match.
/// </summary>
internal static class V2Binder
{
    public static BoundNetwork? Bind(NetworkGraph graph, double alpha, int resolution, out string? mismatch)
    {
        var layers = new List<BoundLayer>();
        mismatch = LayerMatcher.InputMismatch(graph, resolution);
        if (mismatch is not null)
            return null;

        IReadOnlyList<GraphOp> ops = graph.Ops;
        int next = 0;
        GraphOp? Peek() => next < ops.Count ? ops[next] : null;
        GraphOp? Take() => next < ops.Count ? ops[next++] : null;

        int size = V1Architecture.Downsample(resolution, 2);
        GraphOp? stem = Take();
        mismatch = Conv(stem, "the stem", "conv 3×3", 3, 2, resolution, graph.InputChannels, size, V2Architecture.ChannelOptions(V2Architecture.StemChannels, alpha), depthwise: false, linear: false);
        if (mismatch is not null)
            return null;
        layers.Add(new BoundLayer(LayerRole.Stem, stem!, Name: OutputSelector.StemName));
        int channels = stem!.OutC;

        int index = 0;
        foreach ((int expansion, int width, int stride) in V2Architecture.Blocks())
        {
            string block = $"bottleneck {index}", name = $"block{index++}";
            int first = next; // the bottleneck's input is the output of operation first − 1
            int hidden = channels * expansion, outSize = V1Architecture.Downsample(size, stride);
            int[] outOptions = V2Architecture.ChannelOptions(width, alpha);
            GraphOp? expand = null;
            if (expansion != 1)
            {
                expand = Take();
                mismatch = Conv(expand, block, "expand 1×1", 1, 1, size, channels, size, [hidden], depthwise: false, linear: false);
            }
            GraphOp? depthwise = mismatch is null ? Take() : null;
            mismatch ??= Conv(depthwise, block, "depthwise 3×3", 3, stride, size, hidden, outSize, [hidden], depthwise: true, linear: false);
            GraphOp? project = mismatch is null ? Take() : null;
            mismatch ??= Conv(project, block, "linear project 1×1", 1, 1, outSize, hidden, outSize, outOptions, depthwise: false, linear: true);
            if (mismatch is not null)
                return null;

            bool residual = stride == 1 && project!.OutC == channels;
            GraphOp? add = Peek() is { Kind: OpKind.Add } a ? a : null;
            if (residual != add is not null)
            {
                mismatch = residual
                    ? $"{block} expected the residual add of its input ({size}×{size}×{channels}, stride 1, {channels} → {channels} channels); found {LayerMatcher.Describe(Peek())}"
                    : $"{block} has a residual add, but a stride-{stride} {channels} → {project!.OutC} bottleneck has none";
                return null;
            }
            if (add is not null)
            {
                if (add.ResidualFrom != first - 1)
                {
                    mismatch = $"{block}: node '{add.Name}' adds the output of another layer than the bottleneck's input";
                    return null;
                }
                next++;
            }
            layers.Add(new BoundLayer(LayerRole.Bottleneck, depthwise!, new Bottleneck(expand, depthwise!, project!, residual, add?.Quantized), name));
            (size, channels) = (outSize, project!.OutC);
        }

        GraphOp? last = Take();
        mismatch = Conv(last, "the last conv", "conv 1×1", 1, 1, size, channels, size, V2Architecture.LastChannelOptions(alpha), depthwise: false, linear: false);
        if (mismatch is not null)
            return null;
        layers.Add(new BoundLayer(LayerRole.Pointwise, last!, Name: OutputSelector.LastName));

        mismatch = LayerMatcher.BindHead(ops, ref next, size, last!.OutC, layers, out int classes);
        return mismatch is null ? new BoundNetwork(2, alpha, resolution, graph, layers, classes) : null;
    }

    private static string? Conv(GraphOp? op, string where, string kind, int kernel, int stride, int inSize, int inC, int outSize, int[] outChannels, bool depthwise, bool linear)
    {
        string expected = $"{kind}{(linear ? " (no activation)" : "")}, stride {stride}, {inSize}×{inSize}×{inC} → {outSize}×{outSize}×{string.Join(" or ", outChannels)}";
        bool matches = LayerMatcher.ConvMatches(op, kernel, stride, inSize, inC, outSize, outChannels, depthwise) && op!.IsLinear == linear;
        return matches ? null : $"{where} expected {expected}; found {LayerMatcher.Describe(op)}";
    }
}
