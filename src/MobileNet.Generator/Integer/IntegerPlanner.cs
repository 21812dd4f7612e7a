using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using MobileNet.Generator.Binding;
using MobileNet.Generator.Lowering;
using MobileNet.Generator.Model;
using MobileNet.Generator.Planning;

namespace MobileNet.Generator.Integer;

/// <summary>
/// Plans a quantised network to run in integers, as TFLite runs it: each layer's arithmetic (zero points,
/// requantisation scales, quantised clamps) fixed from the file's quantisation, its data packed, and the
/// activations placed in one byte workspace where each lives only from the layer that writes it to the last
/// that reads it (a V2 block's input stays until its residual add).
/// </summary>
internal static class IntegerPlanner
{
    /// <summary>Bytes: where each buffer in the workspace starts, and the slack that lets <c>Run</c> align the workspace.</summary>
    public const int Alignment = 64;

    /// <summary>The largest window (height × width × input channels) a dense convolution copies into rows for the GEMM.</summary>
    private const int MaxIm2colTaps = 64;

    /// <summary>Bytes a kernel's last vector load may read past a tensor (into lanes it leaves unused).</summary>
    public const int OverRead = 16;

    /// <summary>Why <paramref name="network"/> cannot run in integers yet, or null when it can.</summary>
    public static string? Unsupported(BoundNetwork network)
    {
        if (network.Graph.NotInteger is { } reason)
            return reason;
        if (network.Outputs.Count > 1)
            return "several feature maps from one pass do not run in integers yet";
        if (network.Outputs[0].Expansion)
            return "a bottleneck's expanded tensor as the output does not run in integers yet";
        if (network.Outputs[0].Kind == OutputKind.Probabilities && network.Layers.All(l => l.Role != LayerRole.Softmax))
            return "the file ends in logits, and a softmax it does not have has no quantisation";
        if (Mismatch(network) is { } mismatch)
            return mismatch;
        if (network.Layers.Select(l => l.Block).FirstOrDefault(b => b?.Add is { } add && !IntegerAddition.Supports(add.Input, add.Skip!.Value, add.Output)) is { } block)
            return $"the residual add after '{block.Project.Name}' has inputs of scales {block.Add!.Input.Scale} and {block.Add.Skip!.Value.Scale} for a sum of scale {block.Add.Output.Scale}; XNNPACK's add takes ratios from 2^-10 to 2^8";
        if (network.Layers.FirstOrDefault(l => l.Role == LayerRole.Pool && l.Op.Quantized!.Input != l.Op.Quantized.Output) is { } pool)
            return $"its average pool '{pool.Op.Name}' changes the quantisation, which TFLite's integer pool (an average of the codes) does not do";
        return null;
    }

    /// <param name="floatWorkspaceBytes">The float network's workspace in bytes, for the docs' comparison.</param>
    /// <summary>
    /// The first operation whose integer form breaks the chain (its input is not on the grid the operation
    /// before it writes, or a residual's skip not on its block input's) or whose requantisation XNNPACK would
    /// not take (a scale outside [2^-32, 256), as LiteRT's path requires), or null.
    /// </summary>
    private static string? Mismatch(BoundNetwork network)
    {
        QuantizedTensor previous = network.Graph.Ends.Input ?? network.Graph.QuantizedInput!.Value;
        foreach (BoundLayer layer in network.Layers)
        {
            QuantizedTensor blockInput = previous;
            GraphOp[] ops = layer.Block is { } block ? new[] { block.Expand, block.Depthwise, block.Project }.OfType<GraphOp>().ToArray() : [layer.Op];
            foreach (GraphOp op in ops)
            {
                QuantizedOp q = op.Quantized!;
                if (q.Input != previous)
                    return $"node '{op.Name}' reads {q.Input} where the layer before it writes {previous}";
                if (q.WeightScales.Length > 0 && Scales(q).Cast<float?>().FirstOrDefault(s => !(s >= 1f / (1L << 32) && s < 256)) is { } bad)
                    return $"node '{op.Name}' has the requantisation scale {bad} (input × weight ÷ output scale); XNNPACK takes 2^-32 to 256";
                previous = q.Output;
            }
            if (layer.Block?.Add is { } add)
            {
                if (add.Input != previous || add.Skip != blockInput)
                    return $"the residual add after '{layer.Block.Project.Name}' reads {add.Input} and {add.Skip} where its inputs are {previous} and {blockInput}";
                if (add.Skip!.Value.Signed != add.Input.Signed || add.Output.Signed != add.Input.Signed)
                    return $"the residual add after '{layer.Block.Project.Name}' mixes uint8 and int8 ({add.Input}, {add.Skip} → {add.Output}), which TFLite's ADD does not take";
                previous = add.Output;
            }
        }
        return null;
    }

    /// <param name="widths">The vector widths the build writes, which decide the GEMMs' instruction-set branches.</param>
    public static IntegerPlan Plan(BoundNetwork network, InputNormalization normalization, int floatWorkspaceBytes, IReadOnlyList<Kernels.VectorWidth> widths,
        CancellationToken cancellationToken = default)
    {
        IReadOnlyList<IntegerGemmBranch> branches = IntegerGemmBranch.For(widths);
        var layers = new List<IntegerLayer>();
        var data = new Dictionary<int, byte[]>();
        NetworkGraph graph = network.Graph;
        if (graph.Ends.Input is { } shifted)
            layers.Add(Shift(0, graph.QuantizedInput!.Value, shifted, Planner.Operation(network.Layers[0].Block?.Expand ?? network.Layers[0].Block?.Depthwise ?? network.Layers[0].Op), input: true));
        foreach (BoundLayer bound in network.Layers)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (bound.Block is not { } block)
            {
                layers.Add(Layer(layers.Count, bound.Role, bound.Op, bound.Name, data, branches));
                continue;
            }
            // A bottleneck runs as its convolutions and its add, one layer each; its input is the last layer's output.
            int input = layers.Count - 1;
            if (block.Expand is { } expand)
                layers.Add(Layer(layers.Count, LayerRole.Pointwise, expand, null, data, branches, "expand 1×1"));
            layers.Add(Layer(layers.Count, LayerRole.Depthwise, block.Depthwise, null, data, branches));
            layers.Add(Layer(layers.Count, LayerRole.Pointwise, block.Project, block.Residual ? null : bound.Name, data, branches, "project 1×1"));
            if (block.Residual)
                layers.Add(Add(layers.Count, block, layers[layers.Count - 1], input, bound.Name));
        }

        // The file's own output only: a network cut before it (logits, an embedding) ends on its last layer's codes.
        if (graph.Ends.Output is { } file && network.LeftOut is null)
            layers.Add(Shift(layers.Count, layers[layers.Count - 1].Output, file, layers[layers.Count - 1].Operation, input: false));
        // Run's one output is the last layer's.
        Stream(layers, branches, read: [layers.Count - 1]);
        (int[] offsets, int[] scratch, int workspace) = Arena(layers);
        IntegerLayer[] placed = layers.Select((layer, i) => Split(layer, layer.StreamedFrom >= 0 ? layers[layer.StreamedFrom] : null) with
        {
            InputOffset = i == 0 ? -1 : offsets[i - 1], OutputOffset = offsets[i], ScratchOffset = scratch[i],
            SkipOffset = layer.Kind == IntegerKind.Add ? Offset(offsets, layer.SkipFrom) : 0,
        }).ToArray();
        // Each part after the first has a region past the arena: its scratch, its producer's scratch, its ring.
        int partScratch = placed.Where(l => l.Split.Split).Select(l => l.StreamedFrom >= 0 ? l.PartRingAt + placed[l.StreamedFrom].Ring!.Length : l.PartSourceScratchAt)
            .DefaultIfEmpty(0).Max();

        BoundOutput bound0 = network.Outputs[0];
        var outputs = new[] { PlannedOutput.For(bound0, layers.Count - 1, bound0.Channels) };
        // The file's description without the float path's "dequantised at build time": here the weights stay 8-bit.
        var facts = new PlannedNetwork(network.Version, network.Alpha, network.Resolution, graph.InputChannels, graph.InputLayout, graph.Source.Replace(TfliteLowering.Dequantised, ""),
            normalization, outputs[0].Kind, OutputSelector.Describe(network.Outputs), network.LeftOut);
        // The slack: alignment, and the 16-byte loads that read past a tensor's last channels into lanes left unused.
        return new IntegerPlan(facts, graph.QuantizedInput!.Value, placed, outputs, data, workspace + Alignment - 1 + OverRead, floatWorkspaceBytes, branches,
            partScratchAt: workspace, partScratch);
    }

    /// <summary>
    /// A layer's split between threads: a depthwise filter's by output rows (one row a unit; a streamed one's
    /// work includes its producer's, which each part runs for the rows its windows reach), a GEMM's by blocks of
    /// 16 output channels, the unit its kernel loops over inside each tile of pixels (each part then reads the
    /// whole input and its own channels' weights). A streamed producer runs inside its consumer's parts; the pool,
    /// the adds, the softmax, QUANTIZE, a convolution read tap by tap, a GEMM on im2col rows that is not streamed
    /// (each part would copy every window) and any layer too small for two parts run on the calling thread.
    /// </summary>
    /// <param name="producer">The GEMM <paramref name="layer"/> runs streamed, if any.</param>
    private static IntegerLayer Split(IntegerLayer layer, IntegerLayer? producer)
    {
        PlannedOp op = layer.Operation;
        // A streamed layer's part makes the KernelH − stride producer rows before its band that the part before it made too.
        long halo = producer is null ? 0 : (op.KernelH - op.Stride) * producer.Operation.Macs / producer.Operation.OutH;
        LayerSplit split = layer switch
        {
            { Ring: not null } => LayerSplit.Alone,
            { DepthwiseSchedule: not null } => LayerSplit.Choose(SplitAxis.Rows, op.OutH, 1,
                op.Macs * LayerSplit.DepthwiseCost + (producer?.Operation.Macs ?? 0), halo),
            { Gemm: { } gemm, Im2col: null } => LayerSplit.Choose(SplitAxis.Channels, gemm.Blocks, 1, op.Macs),
            _ => LayerSplit.Alone,
        };
        // A part's region: the layer's scratch, its producer's, the producer's ring, each in whole cache lines.
        int sourceScratch = Planner.RoundUp(layer.ScratchLength, Alignment);
        int ring = sourceScratch + (producer is null ? 0 : Planner.RoundUp(producer.ScratchLength, Alignment));
        return layer with { Split = split, PartSourceScratchAt = sourceScratch, PartRingAt = ring };
    }

    private static int Offset(int[] offsets, int layer) => layer < 0 ? -1 : offsets[layer];

    /// <summary>
    /// Streams a GEMM (a pointwise layer, an expansion, the RGB stem) into the depthwise filter right after it,
    /// row by row through a ring of as many rows as the filter's window, so that its map never exists whole
    /// (V2's largest tensors are its expansions: 112×112×96 bytes at 224). Only where nothing else reads the
    /// map (not a residual add's skip, not one of Run's outputs), where the map has more rows than the ring,
    /// and where a row is whole tiles of the GEMM's 4 pixels: a ragged row would redo pixels on every call,
    /// and such narrow maps (14×14, 7×7 at 224) are small anyway.
    /// </summary>
    /// <param name="read">Layers whose output something besides the next layer reads: Run's outputs.</param>
    private static void Stream(List<IntegerLayer> layers, IReadOnlyList<IntegerGemmBranch> branches, IReadOnlyCollection<int> read)
    {
        for (int i = 0; i + 1 < layers.Count; i++)
        {
            IntegerLayer producer = layers[i], consumer = layers[i + 1];
            PlannedOp op = producer.Operation;
            if (producer.Gemm is not { } gemm || producer.Classifier || consumer.DepthwiseSchedule is null || branches.Any(b => op.OutW % b.Pixels != 0)
                || op.OutH <= consumer.Operation.KernelH || layers.Any(l => l.SkipFrom == i) || read.Contains(i))
                continue;
            var ring = new IntegerRing(consumer.Operation.KernelH, Planner.RoundUp(op.OutW * op.OutC, Alignment));
            layers[i] = producer with { Ring = ring, ScratchLength = IntegerGemmKernel.Scratch(gemm, op.OutW, branches, producer.Im2col) };
            layers[i + 1] = consumer with { StreamedFrom = i };
        }
    }

    /// <summary>
    /// Where each layer's output goes: each at the lowest offset (a multiple of <see cref="Alignment"/>) that
    /// no output alive at the same time covers, as TFLite's greedy arena does. An output lives from its layer
    /// to the last layer that reads it; the last layer's until <c>Run</c> copies it out.
    /// </summary>
    /// <remarks>A layer's scratch lives while the layer runs.</remarks>
    private static (int[] Offsets, int[] Scratch, int Length) Arena(IReadOnlyList<IntegerLayer> layers)
    {
        int n = layers.Count;
        // Buffers 0 … n − 1 are the layers' outputs, n … 2n − 1 their scratch.
        var first = new int[2 * n];
        var last = new int[2 * n];
        var size = new int[2 * n];
        for (int i = 0; i < n; i++)
        {
            (first[i], last[i], size[i]) = (i, i + 1 < n ? i + 1 : i, Planner.RoundUp(layers[i].BufferLength, Alignment));
            (first[n + i], last[n + i], size[n + i]) = (i, i, Planner.RoundUp(layers[i].ScratchLength, Alignment));
        }
        for (int i = 0; i < n; i++)
        {
            if (layers[i].Kind == IntegerKind.Add && layers[i].SkipFrom >= 0)
                last[layers[i].SkipFrom] = Math.Max(last[layers[i].SkipFrom], i);
            // A streamed GEMM runs inside the depthwise layer after it: its input and scratch live until then.
            if (layers[i].StreamedFrom is var producer and >= 0)
            {
                last[n + producer] = i;
                if (producer > 0)
                    last[producer - 1] = Math.Max(last[producer - 1], i);
            }
        }

        // Greedy placement can fragment: largest first (TFLite's order) and in the order the layers write
        // them are both tried, and the smaller arena kept.
        IEnumerable<int> buffers = Enumerable.Range(0, 2 * n).Where(i => size[i] > 0);
        (int[] offsets, int length) = new[]
        {
            Place(buffers.OrderByDescending(i => size[i]).ThenBy(i => i), first, last, size),
            Place(buffers.OrderBy(i => first[i]).ThenByDescending(i => size[i]), first, last, size),
        }.OrderBy(arena => arena.Length).First();
        return (offsets.Take(n).ToArray(), offsets.Skip(n).ToArray(), length);
    }

    /// <summary>Places the buffers in <paramref name="order"/>, each at the lowest offset no buffer alive at the same time covers.</summary>
    private static (int[] Offsets, int Length) Place(IEnumerable<int> order, int[] first, int[] last, int[] size)
    {
        var offsets = new int[size.Length];
        var placed = new List<int>();
        foreach (int i in order)
        {
            int offset = 0;
            foreach (int j in placed.Where(j => first[j] <= last[i] && first[i] <= last[j]).OrderBy(j => offsets[j]))
                if (offset + size[i] > offsets[j] && offsets[j] + size[j] > offset)
                    offset = offsets[j] + size[j];
            offsets[i] = offset;
            placed.Add(i);
        }
        return (offsets, placed.Max(i => offsets[i] + size[i]));
    }

    /// <summary>
    /// The file's QUANTIZE between uint8 and int8 at its input (over <paramref name="next"/>'s input map) or its
    /// output (over <paramref name="next"/>'s output, the last layer's).
    /// </summary>
    private static IntegerLayer Shift(int index, QuantizedTensor from, QuantizedTensor to, PlannedOp next, bool input)
    {
        PlannedOp planned = input
            ? next with { OutH = next.InH, OutW = next.InW, OutC = next.InC, KernelH = 1, KernelW = 1, Stride = 1, Macs = 0, Parameters = 0 }
            : next with { InH = next.OutH, InW = next.OutW, InC = next.OutC, KernelH = 1, KernelW = 1, Stride = 1, Macs = 0, Parameters = 0 };
        return new IntegerLayer
        {
            Index = index, Kind = IntegerKind.SignFlip, MethodName = $"Layer{index:D2}_SignFlip", Description = "QUANTIZE",
            Operation = planned, Input = from, Output = to, OutputMin = to.Min, OutputMax = to.Max,
        };
    }

    private static IntegerLayer Add(int index, Bottleneck block, IntegerLayer project, int skipFrom, string? name)
    {
        QuantizedOp q = block.Add!;
        PlannedOp planned = project.Operation with { InH = project.Operation.OutH, InW = project.Operation.OutW, InC = project.Operation.OutC, KernelH = 1, KernelW = 1, Stride = 1, Macs = 0, Parameters = 0 };
        (int min, int max) = Range(new Clamp(float.NegativeInfinity, float.PositiveInfinity), q.Output);
        return new IntegerLayer
        {
            Index = index, Kind = IntegerKind.Add, MethodName = $"Layer{index:D2}_Add", Description = "residual add", Name = name,
            Operation = planned, Input = q.Input, Output = q.Output, OutputMin = min, OutputMax = max, SkipFrom = skipFrom, Skip = q.Skip!.Value,
            Addition = IntegerAddition.For(q.Input, q.Skip!.Value, q.Output),
        };
    }

    private static IntegerLayer Layer(int index, LayerRole role, GraphOp op, string? name, Dictionary<int, byte[]> data, IReadOnlyList<IntegerGemmBranch> branches,
        string? description = null)
    {
        QuantizedOp q = op.Quantized!;
        PlannedOp planned = Planner.Operation(op);
        (int min, int max) = Range(op.Clamp, q.Output);
        switch (role)
        {
            case LayerRole.Pool:
                return new IntegerLayer
                {
                    Index = index, Kind = IntegerKind.GlobalAveragePool, MethodName = $"Layer{index:D2}_GlobalAveragePool", Description = "average pool",
                    Name = name, Operation = planned, Input = q.Input, Output = q.Output, OutputMin = min, OutputMax = max,
                };
            case LayerRole.Softmax:
                float[] table = IntegerSoftmax.Table(q.Input);
                data[index] = new byte[table.Length * sizeof(float)];
                Buffer.BlockCopy(table, 0, data[index], 0, data[index].Length);
                return new IntegerLayer
                {
                    Index = index, Kind = IntegerKind.Softmax, MethodName = $"Layer{index:D2}_Softmax", Description = "softmax",
                    Name = name, Operation = planned, Input = q.Input, Output = q.Output, OutputMin = q.Output.Min, OutputMax = q.Output.Max,
                };
        }

        bool perChannel = q.WeightScales.Length > 1;
        float[] scales = Scales(q);
        // A 1×1 convolution over whole steps of 4 channels, its weights of the input's signedness, is a GEMM on packed data.
        bool gemm = op.KernelH == 1 && op.KernelW == 1 && op.StrideH == 1 && op.StrideW == 1 && op.Group == 1 && op.Pads == default
            && op.InC % IntegerGemmLayout.Step == 0 && q.WeightsSigned == q.Input.Signed && (q.WeightZeroPoint == 0 || !q.Input.Signed);
        // A dense convolution over a small window of several channels (an RGB stem's 3×3×3) is a GEMM on its windows
        // copied into rows. A greyscale stem (person_detect's 9 taps) is not worth the rows' memory.
        int taps = op.KernelH * op.KernelW * op.InC;
        IntegerIm2col? im2col = !gemm && op.Group == 1 && op.InC > 1 && taps <= MaxIm2colTaps && q.WeightsSigned == q.Input.Signed && (q.WeightZeroPoint == 0 || !q.Input.Signed)
            ? new IntegerIm2col(op.InH, op.InW, op.InC, op.KernelH, op.KernelW, op.StrideH, op.Pads.Top, op.Pads.Left, Planner.RoundUp(taps, IntegerGemmLayout.Step)) : null;
        IntegerGemmLayout? packed = gemm ? new IntegerGemmLayout(op.InC, op.OutC, perChannel)
            : im2col is not null ? new IntegerGemmLayout(im2col.K, op.OutC, perChannel) : null;
        // Any other convolution the binders admit, a depthwise one of multiplier 1 or a dense one, is a direct
        // convolution on packed 16-bit taps.
        IntegerDepthwiseSchedule? walk = packed is null && op.Group > 1 ? IntegerDepthwiseSchedule.For(planned) : null;
        IntegerDepthwiseLayout? depthwise = packed is null
            ? new IntegerDepthwiseLayout(op.OutC, op.KernelH * op.KernelW, perChannel, op.Group == 1 ? op.InC : 1,
                Pairs: walk is { Vectorized: true } && branches.Contains(IntegerGemmBranch.Avx2)) : null;
        if (depthwise is not null && !(op.Group == 1 || op.IsDepthwise && op.OutC == op.InC))
            throw new InvalidOperationException($"node '{op.Name}': a grouped convolution reached the integer planner; the binders admit depthwise (multiplier 1) and dense ones only");
        data[index] = packed is not null ? packed.Pack(im2col?.Rows(q.Weights, op.OutC, q.WeightZeroPoint) ?? q.Weights, q.Bias, scales, q.Input.ZeroPoint, q.WeightZeroPoint)
            : depthwise!.Pack(q.Weights, q.Bias, scales, q.Input.ZeroPoint, q.WeightZeroPoint);
        description ??= role switch
        {
            LayerRole.Classifier => "classifier",
            _ when op.IsDepthwise => $"depthwise {op.KernelH}×{op.KernelW}",
            _ when op.KernelH == 1 && op.KernelW == 1 => "pointwise 1×1",
            _ => $"conv {op.KernelH}×{op.KernelW}",
        };
        string method = role == LayerRole.Classifier ? "Classifier" : op.IsDepthwise ? $"Depthwise{op.KernelH}x{op.KernelW}S{op.StrideH}"
            : op.KernelH == 1 && op.KernelW == 1 ? "Pointwise" : $"Conv{op.KernelH}x{op.KernelW}S{op.StrideH}";
        return new IntegerLayer
        {
            Index = index, Kind = IntegerKind.Conv, MethodName = $"Layer{index:D2}_{method}", Description = description, Name = name,
            Operation = planned, Classifier = role == LayerRole.Classifier, Input = q.Input, Output = q.Output, OutputMin = min, OutputMax = max, Gemm = packed, Depthwise = depthwise,
            DepthwiseSchedule = walk, Im2col = im2col, ScratchLength = packed is not null ? IntegerGemmKernel.Scratch(packed, op.OutH * op.OutW, branches, im2col) : walk?.ScratchLength ?? 0,
            WeightsSigned = q.WeightsSigned, WeightZeroPoint = q.WeightZeroPoint, Scale = perChannel ? 0 : scales[0], MaxScale = scales.Max(),
        };
    }

    /// <summary>
    /// The requantisation scale of each output channel: input scale × weight scale ÷ output scale, in float
    /// arithmetic, in that order, as LiteRT computes it.
    /// </summary>
    public static float[] Scales(QuantizedOp q) => q.WeightScales.Select(w => q.Input.Scale * w / q.Output.Scale).ToArray();

    /// <summary>
    /// The quantised bounds of a fused activation: the float clamp's ends on the output's grid, as XNNPACK
    /// quantises them: value ÷ scale + zero point in float, clamped to the type, rounded half to even.
    /// </summary>
    public static (int Min, int Max) Range(Clamp clamp, QuantizedTensor output)
    {
        int min = output.Min, max = output.Max;
        if (clamp.HasMin)
            min = Math.Max(min, Quantize(clamp.Min, output));
        if (clamp.HasMax)
            max = Math.Min(max, Quantize(clamp.Max, output));
        return (min, max);
    }

    private static int Quantize(float value, QuantizedTensor t)
    {
        float q = (float)(value / t.Scale) + t.ZeroPoint;
        return (int)Math.Round(Math.Min(Math.Max(q, t.Min), t.Max), MidpointRounding.ToEven);
    }
}
