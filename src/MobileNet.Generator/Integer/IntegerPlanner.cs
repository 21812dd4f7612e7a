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
/// activations placed in one byte workspace, alternating between its two ends.
/// </summary>
internal static class IntegerPlanner
{
    /// <summary>Bytes: where each buffer in the workspace starts, and the slack that lets <c>Run</c> align the workspace.</summary>
    public const int Alignment = 64;

    /// <summary>Why <paramref name="network"/> cannot run in integers yet, or null when it can.</summary>
    public static string? Unsupported(BoundNetwork network)
    {
        if (network.Graph.NotInteger is { } reason)
            return reason;
        if (network.Layers.FirstOrDefault(l => l.Role == LayerRole.Bottleneck) is { } block)
            return $"its inverted residual blocks ('{block.Op.Name}') do not run in integers yet";
        if (network.Outputs.Count > 1)
            return "several feature maps from one pass do not run in integers yet";
        if (network.Outputs[0].Kind == OutputKind.Probabilities && network.Layers.All(l => l.Role != LayerRole.Softmax))
            return "the file ends in logits, and a softmax it does not have has no quantisation";
        return null;
    }

    /// <param name="floatWorkspaceBytes">The float network's workspace in bytes, for the docs' comparison.</param>
    public static IntegerPlan Plan(BoundNetwork network, InputNormalization normalization, int floatWorkspaceBytes, CancellationToken cancellationToken = default)
    {
        var layers = new List<(BoundLayer Bound, IntegerLayer Layer)>();
        var data = new Dictionary<int, byte[]>();
        foreach (BoundLayer bound in network.Layers)
        {
            cancellationToken.ThrowIfCancellationRequested();
            layers.Add((bound, Layer(layers.Count, bound, data)));
        }

        // Every layer writes the workspace; layer i's output sits at the start for even i and at the end for odd i.
        int Length(int i) => Planner.RoundUp(layers[i].Layer.OutputLength, Alignment);
        int workspace = Enumerable.Range(0, layers.Count).Max(i => (i == 0 ? 0 : Length(i - 1)) + Length(i));
        var placed = new List<IntegerLayer>();
        int previous = -1;
        for (int i = 0; i < layers.Count; i++)
        {
            IntegerLayer layer = layers[i].Layer;
            int output = i % 2 == 0 ? 0 : workspace - Length(i);
            placed.Add(Place(layer, previous, output));
            previous = output;
        }

        PlannedOutput[] outputs = network.Outputs.Select(o => PlannedOutput.For(o, o.Layer, o.Channels)).ToArray();
        NetworkGraph graph = network.Graph;
        var facts = new PlannedNetwork(network.Version, network.Alpha, network.Resolution, graph.InputChannels, graph.InputLayout, graph.Source,
            normalization, outputs.Length == 1 ? outputs[0].Kind : OutputKind.FeatureMap, OutputSelector.Describe(network.Outputs), network.LeftOut);
        return new IntegerPlan(facts, graph.QuantizedInput!.Value, placed, outputs, data, workspace + Alignment - 1, floatWorkspaceBytes);
    }

    private static IntegerLayer Place(IntegerLayer layer, int input, int output) => new()
    {
        Index = layer.Index, Kind = layer.Kind, MethodName = layer.MethodName, Description = layer.Description, Name = layer.Name,
        Operation = layer.Operation, Group = layer.Group, Input = layer.Input, Output = layer.Output,
        OutputMin = layer.OutputMin, OutputMax = layer.OutputMax, Conv = layer.Conv, PoolScale = layer.PoolScale,
        WeightsSigned = layer.WeightsSigned, WeightZeroPoint = layer.WeightZeroPoint, Scale = layer.Scale,
        InputOffset = input, OutputOffset = output,
    };

    private static IntegerLayer Layer(int index, BoundLayer bound, Dictionary<int, byte[]> data)
    {
        GraphOp op = bound.Op;
        QuantizedOp q = op.Quantized!;
        PlannedOp planned = Planner.Operation(op);
        (int min, int max) = Range(op.Clamp, q.Output);
        switch (bound.Role)
        {
            case LayerRole.Pool:
                return new IntegerLayer
                {
                    Index = index, Kind = IntegerKind.GlobalAveragePool, MethodName = $"Layer{index:D2}_GlobalAveragePool", Description = "average pool",
                    Name = bound.Name, Operation = planned with { OutH = 1, OutW = 1 }, Input = q.Input, Output = q.Output, OutputMin = min, OutputMax = max,
                    PoolScale = q.Input.Scale / (q.Output.Scale * (op.InH * op.InW)),
                };
            case LayerRole.Softmax:
                return new IntegerLayer
                {
                    Index = index, Kind = IntegerKind.Softmax, MethodName = $"Layer{index:D2}_Softmax", Description = "softmax",
                    Name = bound.Name, Operation = planned, Input = q.Input, Output = q.Output, OutputMin = q.Output.Min, OutputMax = q.Output.Max,
                };
        }

        bool perChannel = q.WeightScales.Length > 1;
        var layout = new IntegerConvLayout(op.OutC, q.Weights.Length, perChannel);
        float[] scales = Scales(q);
        data[index] = layout.Pack(q.Bias, scales, q.Weights);
        string description = bound.Role switch
        {
            LayerRole.Classifier => "classifier",
            _ when op.IsDepthwise => $"depthwise {op.KernelH}×{op.KernelW}",
            _ when op.KernelH == 1 && op.KernelW == 1 => "pointwise 1×1",
            _ => $"conv {op.KernelH}×{op.KernelW}",
        };
        string method = bound.Role == LayerRole.Classifier ? "Classifier" : op.IsDepthwise ? $"Depthwise{op.KernelH}x{op.KernelW}S{op.StrideH}"
            : op.KernelH == 1 && op.KernelW == 1 ? "Pointwise" : $"Conv{op.KernelH}x{op.KernelW}S{op.StrideH}";
        return new IntegerLayer
        {
            Index = index, Kind = IntegerKind.Conv, MethodName = $"Layer{index:D2}_{method}", Description = description, Name = bound.Name,
            Operation = planned, Group = op.Group, Input = q.Input, Output = q.Output, OutputMin = min, OutputMax = max, Conv = layout,
            WeightsSigned = q.WeightsSigned, WeightZeroPoint = q.WeightZeroPoint, Scale = perChannel ? 0 : scales[0],
        };
    }

    /// <summary>
    /// The requantisation scale of each output channel: input scale × weight scale ÷ output scale, in float
    /// arithmetic, in that order, as LiteRT computes it.
    /// </summary>
    public static float[] Scales(QuantizedOp q) => q.WeightScales.Select(w => q.Input.Scale * w / q.Output.Scale).ToArray();

    /// <summary>
    /// The quantised bounds of a fused activation: the float clamp's ends quantised to the output (real 0 is
    /// the zero point), within the type's range.
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

    /// <summary>A real value on the output's grid: zero point + round(value ÷ scale), rounded to nearest, ties away from zero.</summary>
    private static int Quantize(float value, QuantizedTensor t)
    {
        double q = t.ZeroPoint + Math.Round(value / t.Scale, MidpointRounding.AwayFromZero);
        return (int)Math.Max(int.MinValue, Math.Min(int.MaxValue, q));
    }
}
