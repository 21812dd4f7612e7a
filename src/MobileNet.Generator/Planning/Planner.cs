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
using MobileNet.Generator.Model;

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

    /// <param name="normalization">How the input is normalised, for the docs and <c>Normalization</c>.</param>
    /// <param name="widths">The vector widths each kernel gets a branch for.</param>
    public static ExecutionPlan Plan(BoundNetwork network, InputNormalization normalization, IReadOnlyList<VectorWidth> widths, CancellationToken cancellationToken = default)
    {
        var sized = new List<SizedLayer>();
        int inStride = network.Graph.InputChannels;
        IReadOnlyList<BoundLayer> bound = network.Layers;
        var plannedOf = new int[bound.Count]; // the planned layer that computes each bound one
        for (int i = 0; i < bound.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            plannedOf[i] = sized.Count;
            SizedLayer layer;
            if (i + 1 < bound.Count && Fuses(bound[i], bound[i + 1]))
            {
                plannedOf[i + 1] = sized.Count;
                layer = PlanBottleneck(sized.Count, new Bottleneck(null, bound[i].Op, bound[++i].Op, Residual: false), inStride, bound[i], widths, KernelKind.DepthwiseSeparable);
            }
            else
                layer = PlanLayer(sized.Count, bound[i], inStride, widths);
            sized.Add(layer);
            inStride = layer.OutStride;
        }

        PlannedOutput[] outputs = network.Outputs.Select(output =>
        {
            SizedLayer layer = sized[plannedOf[output.Layer]];
            return PlannedOutput.For(output, plannedOf[output.Layer], output.Expansion ? layer.HiddenStride : layer.Kernel == KernelKind.Softmax ? output.Channels : layer.OutStride);
        }).ToArray();

        // Softmax, the last layer if any, writes to the caller's span; every other layer produces a workspace activation.
        SizedLayer[] producing = sized.Where(l => l.Kernel != KernelKind.Softmax).ToArray();
        int Output(int i) => RoundUp(producing[i].OutputLength, ExecutionPlan.Alignment);
        int Input(int i) => i == 0 ? 0 : Output(i - 1);
        int workspace = RoundUp(Enumerable.Range(0, producing.Length).Max(i => Input(i) + Output(i) + producing[i].ScratchLength), ExecutionPlan.Alignment);
        int untiled = RoundUp(Enumerable.Range(0, producing.Length).Max(i => Math.Max(producing[i].UntiledPeak, Input(i) + Output(i))), ExecutionPlan.Alignment);

        var layers = new List<PlannedLayer>();
        int previous = -1;
        for (int i = 0; i < sized.Count; i++)
        {
            PlannedOutput? expansion = outputs.FirstOrDefault(o => o.Layer == i && o.Expansion);
            Placement placement = i < producing.Length
                ? new(previous, i % 2 == 0 ? 0 : workspace - Output(i), i % 2 == 0 ? Output(i) : Input(i), expansion)
                : new(previous, 0, 0, expansion);
            layers.Add(sized[i].Place(placement));
            previous = placement.Output;
        }

        // Parts after the first keep their scratch past the single-thread workspace (its slack stays at the very end).
        int partScratch = RoundUp(layers.Where(l => l.Split.Split).Select(l => l.ScratchLength).DefaultIfEmpty(0).Max(), ExecutionPlan.Alignment);

        OutputKind outputKind = outputs.Length == 1 ? outputs[0].Kind : OutputKind.FeatureMap;
        NetworkGraph graph = network.Graph;
        var facts = new PlannedNetwork(network.Version, network.Alpha, network.Resolution, graph.InputChannels, graph.InputLayout, graph.Source,
            normalization, outputKind, OutputSelector.Describe(network.Outputs), network.LeftOut);
        return new ExecutionPlan(facts, layers, outputs, workspace + ExecutionPlan.Alignment - 1, untiled, producing.Sum(l => l.ActivationsLength), widths,
            partScratchAt: workspace, partScratch);
    }

    /// <summary>Where a layer's buffers are in the workspace (see <see cref="PlannedLayer"/>), and its expanded tensor when that is one of <c>Run</c>'s outputs.</summary>
    private readonly record struct Placement(int Input, int Output, int Scratch, PlannedOutput? Expansion);

    /// <summary>
    /// A layer whose kernel, schedules and weights are chosen, with the sizes the workspace is laid out
    /// from; <see cref="Place"/> makes the <see cref="PlannedLayer"/> once its buffers are known.
    /// </summary>
    /// <param name="UntiledPeak">Floats the layer would hold at its peak if it materialised every intermediate tensor (for the docs' comparison).</param>
    /// <param name="ActivationsLength">Floats of every activation the layer computes, intermediate ones included.</param>
    private sealed record SizedLayer(KernelKind Kernel, int OutStride, int HiddenStride, int OutputLength, int ScratchLength, int UntiledPeak, int ActivationsLength,
        Func<Placement, PlannedLayer> Place);

    private static SizedLayer PlanLayer(int index, BoundLayer bound, int inStride, IReadOnlyList<VectorWidth> widths)
    {
        GraphOp op = bound.Op;
        if (bound.Block is { } block)
            return PlanBottleneck(index, block, inStride, bound, widths);

        int outStride = RoundUp(op.OutC, Lanes);
        PlannedOp planned = Operation(op);
        // A 1×1 convolution and the classifier are GEMMs: the classifier's of one pixel, with tiles of its own.
        var gemm = new GemmLayout(op.InC, inStride, op.OutC, outStride);
        LayerSplit split = bound.Role switch
        {
            LayerRole.Stem => LayerSplit.Choose(SplitAxis.Rows, op.OutH, 1, planned.Macs),
            LayerRole.Depthwise => RowPairs(op.OutH, planned.Macs * LayerSplit.DepthwiseCost),
            LayerRole.Pointwise or LayerRole.Classifier => GemmSplit(op.OutH, op.OutH * op.OutW, gemm, planned.Macs),
            _ => LayerSplit.Alone,
        };
        IReadOnlyList<VectorWidth> gemmWidths = bound.Role == LayerRole.Classifier ? VectorWidth.ClassifierFor(widths) : widths;
        (GemmSchedule? schedule, GemmSchedule? lastSchedule) = bound.Role is LayerRole.Pointwise or LayerRole.Classifier
            ? GemmUnits(split, op.OutH, op.OutW, gemm, gemmWidths)
            : (null, null);
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
        // The stem and a depthwise layer read a row of zeros where the window hangs over the top or bottom of the image.
        int scratch = kernel is KernelKind.Depthwise3x3 or KernelKind.ConvKxK ? op.InW * inStride : 0;
        IReadOnlyDictionary<int, DepthwiseSchedule>? depthwiseSchedules = kernel == KernelKind.Depthwise3x3 ? DepthwiseSchedules(depthwise, op, widths) : null;
        StemSchedule? stemSchedule = kernel == KernelKind.ConvKxK ? StemSchedule.Choose(stem, op.InH, op.InW, op.OutH, op.OutW, op.StrideW, op.Pads.Top, op.Pads.Left, widths) : null;
        return new SizedLayer(kernel, outStride, HiddenStride: 0, outputLength, scratch, UntiledPeak: 0, ActivationsLength: outputLength, place => new PlannedLayer
        {
            Index = index, Kernel = kernel, Operation = planned, Name = bound.Name, Gemm = schedule, LastGemm = lastSchedule, Split = split,
            Depthwise = depthwiseSchedules, Stem = stemSchedule,
            MethodName = Identifiers.LayerMethod(index, kernel, planned),
            InStride = inStride, OutStride = outStride, ScratchLength = scratch,
            InputOffset = place.Input, OutputOffset = place.Output, ScratchOffset = place.Scratch,
            Weights = packed.Length > 0 ? [new PackedWeights("", packed)] : [],
            Macs = planned.Macs, Parameters = planned.Parameters,
        });
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

    /// <param name="named">The bound layer whose names the layer takes: the bottleneck, or a fused pair's pointwise convolution.</param>
    private static SizedLayer PlanBottleneck(int index, Bottleneck block, int inStride, BoundLayer named, IReadOnlyList<VectorWidth> widths, KernelKind kernel = KernelKind.Bottleneck)
    {
        GraphOp dw = block.Depthwise, project = block.Project;
        int hidden = RoundUp(block.Hidden, Lanes), outStride = RoundUp(project.OutC, Lanes);
        int row = block.InW * hidden;
        var stream = RowStreamLayout.For(row, block.Expand is not null, dw.OutH, dw.StrideH, dw.OutW * hidden, ExecutionPlan.Alignment);
        var weights = new List<PackedWeights>();
        GemmSchedule? expansion = null;
        if (block.Expand is { } expand)
        {
            // One input row at a time.
            var expandLayout = new GemmLayout(expand.InC, inStride, expand.OutC, hidden);
            weights.Add(new PackedWeights(Identifiers.Expand, expandLayout.Pack(expand.Weights, expand.Bias)));
            expansion = GemmSchedule.Choose(block.InW, expandLayout, widths);
        }
        var depthwise = new DepthwiseLayout(dw.OutC, hidden);
        weights.Add(new PackedWeights(Identifiers.Depthwise, depthwise.Pack(dw.Weights, dw.Bias)));
        // The output rows the depthwise filter makes at a time, projected together.
        var projectLayout = new GemmLayout(project.InC, hidden, project.OutC, outStride);
        weights.Add(new PackedWeights(Identifiers.Project, projectLayout.Pack(project.Weights, project.Bias)));
        var projections = DepthwiseSchedule.RowCounts(dw.OutH).ToDictionary(rows => rows, rows => GemmSchedule.Choose(rows * dw.OutW, projectLayout, widths));

        // Untiled: expand → E, depthwise → D, project → P, the input kept for the residual throughout.
        int input = block.InH * block.InW * inStride, expanded = block.InH * row, filtered = dw.OutH * dw.OutW * hidden, output = dw.OutH * dw.OutW * outStride;
        int keep = block.Residual ? input : 0;
        int untiled = new[] { block.Expand is null ? 0 : input + expanded, (block.Expand is null ? input : expanded + keep) + filtered, filtered + output + keep }.Max();

        var ops = new StreamedOps(block.Expand is null ? null : Operation(block.Expand), Operation(dw), Operation(project), block.Residual);
        // A part expands the 3 − stride input rows before its band that the part before it expanded too.
        long halo = ops.Expand is { } e ? (3 - dw.StrideH) * e.Macs / block.InH : 0;
        LayerSplit split = RowPairs(dw.OutH, ops.All.Sum(o => o.Macs) + ops.Depthwise.Macs * (LayerSplit.DepthwiseCost - 1), halo);
        IReadOnlyDictionary<int, DepthwiseSchedule> depthwiseSchedules = DepthwiseSchedules(depthwise, dw, widths);
        int activations = (block.Expand is null ? 0 : expanded) + filtered + output;
        return new SizedLayer(kernel, outStride, hidden, output, stream.Length, untiled, activations, place => new PlannedLayer
        {
            Index = index, Kernel = kernel, Operation = ops.Depthwise, Streamed = ops, Name = named.Name, ExpansionName = named.ExpansionName, ExpansionOutput = place.Expansion,
            Expand = expansion, Projections = projections, Depthwise = depthwiseSchedules,
            // Parts would copy the rows they both expand to the caller's span at once.
            Split = place.Expansion is null ? split : LayerSplit.Alone,
            MethodName = Identifiers.LayerMethod(index, kernel, ops.Depthwise, block.Expand is null ? 1 : block.Hidden / block.InC),
            InStride = inStride, OutStride = outStride, HiddenStride = hidden,
            RowStream = stream, ScratchLength = stream.Length,
            InputOffset = place.Input, OutputOffset = place.Output, ScratchOffset = place.Scratch,
            Weights = [.. weights],
            Macs = ops.All.Sum(o => o.Macs), Parameters = ops.All.Sum(o => o.Parameters),
        });
    }

    /// <summary>A layer whose filter makes two output rows at a time, split by those pairs (the last one a single row where their number is odd).</summary>
    private static LayerSplit RowPairs(int outH, long work, long halo = 0) => LayerSplit.Choose(SplitAxis.Rows, (outH + 1) / 2, 2, work, halo);

    /// <summary>
    /// A GEMM's split: by blocks of output channels where its weights outweigh its input (the 14×14 and 7×7
    /// layers, the classifier), since a part then reads only its own channels' weights and all of the smaller
    /// input; by rows otherwise (the high-resolution layers), where the parts read all of the smaller weights.
    /// Either way in at most <see cref="LayerSplit.MostParts"/> units, so that each is one call of a GEMM kernel.
    /// </summary>
    private static LayerSplit GemmSplit(int outH, int pixels, GemmLayout layout, long macs)
    {
        bool channels = layout.OutStride > pixels;
        (int units, int per) = LayerSplit.Even(channels ? layout.Blocks : outH);
        return LayerSplit.Choose(channels ? SplitAxis.Channels : SplitAxis.Rows, units, per, macs);
    }

    /// <summary>The GEMM a layer runs whole, or, split, the GEMM of one unit and, where it is smaller, of the last.</summary>
    private static (GemmSchedule Unit, GemmSchedule? Last) GemmUnits(LayerSplit split, int outH, int outW, GemmLayout layout, IReadOnlyList<VectorWidth> widths)
    {
        GemmSchedule Rows(int rows) => GemmSchedule.Choose(rows * outW, layout, widths);
        // A block of the layer's channels: the packing's blocks keep their places, the output its pixel stride.
        GemmSchedule Channels(int channels) => GemmSchedule.Choose(outH * outW, layout with { OutChannels = channels, OutStride = channels }, widths, layout.OutStride);
        int lastRows = outH - (split.Units - 1) * split.PerUnit, unitChannels = split.PerUnit * GemmLayout.Block;
        int lastChannels = layout.OutStride - (split.Units - 1) * unitChannels;
        return split.Axis switch
        {
            SplitAxis.Rows => (Rows(split.PerUnit), lastRows == split.PerUnit ? null : Rows(lastRows)),
            SplitAxis.Channels => (Channels(unitChannels), lastChannels == unitChannels ? null : Channels(lastChannels)),
            _ => (GemmSchedule.Choose(outH * outW, layout, widths), null),
        };
    }

    /// <summary>A depthwise filter's schedule for each number of output rows it makes at a time.</summary>
    private static IReadOnlyDictionary<int, DepthwiseSchedule> DepthwiseSchedules(DepthwiseLayout layout, GraphOp dw, IReadOnlyList<VectorWidth> widths) =>
        DepthwiseSchedule.RowCounts(dw.OutH).ToDictionary(rows => rows, rows => DepthwiseSchedule.Choose(layout, rows, dw.InW, dw.OutW, dw.StrideW, dw.Pads.Left, widths));

    /// <summary>
    /// An operation as the emitter sees it, with its MACs and parameters as the MobileNet papers count them:
    /// convolution and classifier weights, no biases, BatchNorm, pooling or adds.
    /// </summary>
    public static PlannedOp Operation(GraphOp op) => new(op.InH, op.InW, op.InC, op.OutH, op.OutW, op.OutC, op.KernelH, op.KernelW, op.StrideH, op.Pads, op.Clamp,
        op.Kind switch
        {
            OpKind.Conv => (long)op.KernelH * op.KernelW * (op.InC / op.Group) * op.OutC * op.OutH * op.OutW,
            OpKind.FullyConnected => (long)op.InC * op.OutC,
            _ => 0,
        },
        op.Kind is OpKind.Conv or OpKind.FullyConnected ? op.Weights.Length : 0);

    public static int RoundUp(int value, int multiple) => (value + multiple - 1) / multiple * multiple;
}
