using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using MobileNet.Generator.Binding;
using MobileNet.Generator.Kernels;
using MobileNet.Generator.Kernels.Depthwise;
using MobileNet.Generator.Kernels.Gemm;
using MobileNet.Generator.Kernels.RowStream;
using MobileNet.Generator.Kernels.Stem;
using MobileNet.Generator.Lowering;

namespace MobileNet.Generator.Planning;

/// <summary>
/// Chooses a kernel per layer, packs its weights, and places the activations in one workspace.
/// The layers form a chain (a V2 residual is added inside its bottleneck, from the bottleneck's own
/// input), so activation i is only alive while layer i writes it and layer i+1 reads it: even
/// activations sit at the start of the workspace and odd ones at its end, a layer's scratch between
/// them, and the workspace is the largest input + output + scratch of any layer. Every buffer starts on
/// a 64-byte boundary of the workspace, which <c>Run</c> aligns first: a 512-bit load that straddles two
/// cache lines costs two, and a workspace 8 bytes off a line measured 5-10 % slower end to end.
/// </summary>
internal static class Planner
{
    public const int Lanes = 4;

    /// <summary>Floats per 64 bytes: where each buffer in the workspace starts, and the slack that lets <c>Run</c> align the workspace.</summary>
    public const int Alignment = 16;

    /// <param name="widths">The vector widths each kernel gets a branch for.</param>
    public static ExecutionPlan Plan(BoundNetwork network, IReadOnlyList<VectorWidth> widths, CancellationToken cancellationToken = default)
    {
        var layers = new List<PlannedLayer>();
        int inStride = network.Graph.InputChannels;
        IReadOnlyList<BoundLayer> bound = network.Layers;
        var plannedOf = new int[bound.Count]; // the planned layer that computes each bound one
        for (int i = 0; i < bound.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            plannedOf[i] = layers.Count;
            PlannedLayer layer;
            if (i + 1 < bound.Count && Fuses(bound[i], bound[i + 1]))
            {
                plannedOf[i + 1] = layers.Count;
                layer = PlanBottleneck(layers.Count, new Bottleneck(null, bound[i].Op, bound[++i].Op, Residual: false), inStride, bound[i].Name, widths, KernelKind.DepthwiseSeparable);
            }
            else
                layer = PlanLayer(layers.Count, bound[i], inStride, widths);
            layers.Add(layer);
            inStride = layer.OutStride;
        }

        var outputs = new List<PlannedOutput>();
        foreach (BoundOutput output in network.Outputs)
        {
            PlannedLayer layer = layers[plannedOf[output.Layer]];
            var planned = PlannedOutput.For(output, layer.Index, output.Expansion ? layer.HiddenStride : layer.Kernel == KernelKind.Softmax ? output.Channels : layer.OutStride);
            outputs.Add(planned);
            if (output.Expansion)
                layer.ExpansionOutput = planned;
        }

        // Softmax writes to the caller's span; every other layer produces a workspace activation.
        PlannedLayer[] producing = layers.Where(l => l.Kernel != KernelKind.Softmax).ToArray();
        int Output(int i) => RoundUp(producing[i].OutputLength, Alignment);
        int Input(int i) => i == 0 ? 0 : Output(i - 1);
        int workspace = RoundUp(Enumerable.Range(0, producing.Length).Max(i => Input(i) + Output(i) + producing[i].ScratchLength), Alignment);
        int untiled = RoundUp(Enumerable.Range(0, producing.Length).Max(i => Math.Max(producing[i].UntiledPeak, Input(i) + Output(i))), Alignment);

        int previous = -1;
        for (int i = 0; i < producing.Length; i++)
        {
            PlannedLayer layer = producing[i];
            layer.InputOffset = previous;
            layer.OutputOffset = i % 2 == 0 ? 0 : workspace - Output(i);
            layer.ScratchOffset = i % 2 == 0 ? Output(i) : Input(i);
            previous = layer.OutputOffset;
        }
        foreach (PlannedLayer softmax in layers.Where(l => l.Kernel == KernelKind.Softmax))
            softmax.InputOffset = previous;

        return new ExecutionPlan(network, layers, outputs, workspace + Alignment - 1, untiled, producing.Sum(l => l.ActivationsLength), widths);
    }

    private static PlannedLayer PlanLayer(int index, BoundLayer bound, int inStride, IReadOnlyList<VectorWidth> widths)
    {
        GraphOp op = bound.Op;
        if (bound.Block is { } block)
            return PlanBottleneck(index, block, inStride, bound.Name, widths);

        int outStride = RoundUp(op.OutC, Lanes);
        // A 1×1 convolution and the classifier are GEMMs: the classifier's of one pixel, with tiles of its own.
        var gemm = new GemmLayout(op.InC, inStride, op.OutC, outStride);
        GemmSchedule? schedule = bound.Role switch
        {
            LayerRole.Pointwise => GemmSchedule.Choose(op.OutH * op.OutW, gemm, widths),
            LayerRole.Classifier => GemmSchedule.Choose(1, gemm, VectorWidth.ClassifierFor(widths)),
            _ => null,
        };
        var depthwise = new DepthwiseLayout(op.OutC, outStride);
        var stem = new StemLayout(op.InC, op.OutC, outStride, op.KernelH, op.KernelW);
        (KernelKind kernel, float[] packed, int outputLength) = bound.Role switch
        {
            LayerRole.Stem => (KernelKind.ConvKxK, stem.Pack(op.Weights, op.Bias), op.OutH * op.OutW * outStride),
            LayerRole.Depthwise => (KernelKind.Depthwise3x3, depthwise.Pack(op.Weights, op.Bias), op.OutH * op.OutW * outStride),
            LayerRole.Pointwise => (KernelKind.Pointwise, gemm.Pack(op.Weights, op.Bias), op.OutH * op.OutW * outStride),
            LayerRole.Pool => (KernelKind.GlobalAveragePool, Array.Empty<float>(), inStride),
            LayerRole.Classifier => (KernelKind.Dense, gemm.Pack(op.Weights, op.Bias), outStride),
            _ => (KernelKind.Softmax, Array.Empty<float>(), 0),
        };
        return new PlannedLayer
        {
            Index = index, Kernel = kernel, Op = op, Name = bound.Name, Gemm = schedule,
            Depthwise = kernel == KernelKind.Depthwise3x3 ? DepthwiseSchedules(depthwise, op, widths) : null,
            Stem = kernel == KernelKind.ConvKxK ? StemSchedule.Choose(stem, op.InH, op.InW, op.OutH, op.OutW, op.StrideW, op.Pads.Top, op.Pads.Left, widths) : null,
            MethodName = $"Layer{index:D2}_{MethodSuffix(kernel, op)}",
            InStride = inStride, OutStride = outStride, OutputLength = outputLength, ActivationsLength = outputLength,
            // The stem and a depthwise layer read a row of zeros where the window hangs over the top or bottom of the image.
            ScratchLength = kernel is KernelKind.Depthwise3x3 or KernelKind.ConvKxK ? op.InW * inStride : 0,
            Weights = packed.Length > 0 ? [new PackedWeights("", packed)] : [],
            Macs = Counting.Macs(op), Parameters = Counting.Parameters(op),
        };
    }

    /// <summary>
    /// Whether a V1 depthwise conv and the pointwise conv after it run as one kernel, row by row (as a V2
    /// bottleneck without expansion), so that each depthwise row is projected while it is still in cache.
    /// The row-wise GEMM reads all the pointwise weights once per row, so it pays only while they fit in
    /// the L1 cache: measured on V1 1.0-224 and 0.5-160, fusing the layers with larger weights (the later,
    /// smaller-resolution ones) was 5-20 % slower per layer, fusing the first ones up to 6 % faster.
    /// </summary>
    private static bool Fuses(BoundLayer depthwise, BoundLayer pointwise) =>
        depthwise.Role == LayerRole.Depthwise && pointwise.Role == LayerRole.Pointwise
        && (long)pointwise.Op.InC * pointwise.Op.OutC * sizeof(float) <= FusedWeightBytes;

    /// <summary>The largest pointwise weights a fused separable layer streams per row: a typical L1 data cache (32-48 KiB).</summary>
    public const int FusedWeightBytes = 32 * 1024;

    private static PlannedLayer PlanBottleneck(int index, Bottleneck block, int inStride, string? name, IReadOnlyList<VectorWidth> widths, KernelKind kernel = KernelKind.Bottleneck)
    {
        GraphOp dw = block.Depthwise, project = block.Project;
        int hidden = RoundUp(block.Hidden, Lanes), outStride = RoundUp(project.OutC, Lanes);
        int row = block.InW * hidden;
        var stream = RowStreamLayout.For(row, block.Expand is not null, dw.OutH, dw.StrideH, dw.OutW * hidden, Alignment);
        var weights = new List<PackedWeights>();
        GemmSchedule? expansion = null;
        if (block.Expand is { } expand)
        {
            // One input row at a time.
            var expandLayout = new GemmLayout(expand.InC, inStride, expand.OutC, hidden);
            weights.Add(new PackedWeights("Expand", expandLayout.Pack(expand.Weights, expand.Bias)));
            expansion = GemmSchedule.Choose(block.InW, expandLayout, widths);
        }
        var depthwise = new DepthwiseLayout(dw.OutC, hidden);
        weights.Add(new PackedWeights("Depthwise", depthwise.Pack(dw.Weights, dw.Bias)));
        // The output rows the depthwise filter makes at a time, projected together.
        var projectLayout = new GemmLayout(project.InC, hidden, project.OutC, outStride);
        weights.Add(new PackedWeights("Project", projectLayout.Pack(project.Weights, project.Bias)));
        var projections = DepthwiseSchedule.RowCounts(dw.OutH).ToDictionary(rows => rows, rows => GemmSchedule.Choose(rows * dw.OutW, projectLayout, widths));

        // Untiled: expand → E, depthwise → D, project → P, the input kept for the residual throughout.
        int input = block.InH * block.InW * inStride, expanded = block.InH * row, filtered = dw.OutH * dw.OutW * hidden, output = dw.OutH * dw.OutW * outStride;
        int keep = block.Residual ? input : 0;
        int untiled = new[] { block.Expand is null ? 0 : input + expanded, (block.Expand is null ? input : expanded + keep) + filtered, filtered + output + keep }.Max();

        GraphOp[] ops = block.Expand is null ? [dw, project] : [block.Expand, dw, project];
        return new PlannedLayer
        {
            Index = index, Kernel = kernel, Op = dw, Block = block, Name = name, Expand = expansion, Projections = projections, Depthwise = DepthwiseSchedules(depthwise, dw, widths),
            MethodName = kernel == KernelKind.DepthwiseSeparable
                ? $"Layer{index:D2}_DepthwiseSeparableS{dw.StrideH}"
                : $"Layer{index:D2}_Bottleneck{(block.Expand is null ? 1 : block.Hidden / block.InC)}S{dw.StrideH}",
            InStride = inStride, OutStride = outStride, HiddenStride = hidden, OutputLength = output,
            RowStream = stream, ScratchLength = stream.Length,
            UntiledPeak = untiled, ActivationsLength = (block.Expand is null ? 0 : expanded) + filtered + output,
            Weights = [.. weights],
            Macs = ops.Sum(Counting.Macs), Parameters = ops.Sum(Counting.Parameters),
        };
    }

    private static string MethodSuffix(KernelKind kernel, GraphOp op) => kernel switch
    {
        KernelKind.ConvKxK => $"Conv{op.KernelH}x{op.KernelW}S{op.StrideH}",
        KernelKind.Depthwise3x3 => $"Depthwise3x3S{op.StrideH}",
        KernelKind.Pointwise => "Pointwise",
        KernelKind.GlobalAveragePool => "GlobalAveragePool",
        KernelKind.Dense => "Dense",
        _ => "Softmax",
    };

    /// <summary>A depthwise filter's schedule for each number of output rows it makes at a time.</summary>
    private static IReadOnlyDictionary<int, DepthwiseSchedule> DepthwiseSchedules(DepthwiseLayout layout, GraphOp dw, IReadOnlyList<VectorWidth> widths) =>
        DepthwiseSchedule.RowCounts(dw.OutH).ToDictionary(rows => rows, rows => DepthwiseSchedule.Choose(layout, rows, dw.InW, dw.OutW, dw.StrideW, dw.Pads.Left, widths));

    public static int RoundUp(int value, int multiple) => (value + multiple - 1) / multiple * multiple;
}

/// <summary>MACs and parameters as the MobileNet papers count them: convolution and classifier weights, no biases, BatchNorm, pooling or adds.</summary>
internal static class Counting
{
    public static long Macs(GraphOp op) => op.Kind switch
    {
        OpKind.Conv => (long)op.KernelH * op.KernelW * (op.InC / op.Group) * op.OutC * op.OutH * op.OutW,
        OpKind.FullyConnected => (long)op.InC * op.OutC,
        _ => 0,
    };

    public static long Parameters(GraphOp op) => op.Kind is OpKind.Conv or OpKind.FullyConnected ? op.Weights.Length : 0;
}
