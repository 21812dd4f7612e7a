using System;
using System.Collections.Generic;
using System.Linq;
using MobileNet.Generator.Binding;

namespace MobileNet.Generator.Planning;

/// <summary>
/// Chooses a kernel per layer, packs its weights, and places the activations in one workspace.
/// The network is a chain, so activation i is only alive while layer i writes it and layer i+1 reads
/// it: even activations sit at the start of the workspace and odd ones at its end, and the workspace
/// is the largest sum of two consecutive activations, the least any schedule of a chain can use.
/// </summary>
internal static class Planner
{
    public const int Lanes = 4, PointwiseBlock = 8, DenseBlock = 16;

    public static ExecutionPlan Plan(BoundNetwork network)
    {
        var layers = new List<PlannedLayer>();
        int inStride = network.Graph.InputChannels;
        foreach (BoundLayer bound in network.Layers)
        {
            PlannedLayer layer = PlanLayer(layers.Count, bound, inStride);
            layers.Add(layer);
            inStride = layer.OutStride;
        }

        // Softmax writes to the caller's span; every other layer produces a workspace activation.
        PlannedLayer[] producing = layers.Where(l => l.Kernel != KernelKind.Softmax).ToArray();
        int workspace = producing[0].OutputLength;
        for (int i = 1; i < producing.Length; i++)
            workspace = Math.Max(workspace, producing[i - 1].OutputLength + producing[i].OutputLength);
        workspace = RoundUp(workspace, 16);

        int previous = -1;
        for (int i = 0; i < producing.Length; i++)
        {
            producing[i].InputOffset = previous;
            producing[i].OutputOffset = i % 2 == 0 ? 0 : workspace - producing[i].OutputLength;
            previous = producing[i].OutputOffset;
        }
        foreach (PlannedLayer softmax in layers.Where(l => l.Kernel == KernelKind.Softmax))
            softmax.InputOffset = previous;

        return new ExecutionPlan(network, layers, workspace, producing.Sum(l => l.OutputLength));
    }

    private static PlannedLayer PlanLayer(int index, BoundLayer bound, int inStride)
    {
        GraphOp op = bound.Op;
        int outStride = RoundUp(op.OutC, Lanes);
        (KernelKind kernel, float[] packed, int outputLength) = bound.Role switch
        {
            LayerRole.Stem => (KernelKind.ConvKxK, PackConv(op, outStride), op.OutH * op.OutW * outStride),
            LayerRole.Depthwise => (KernelKind.Depthwise3x3, PackDepthwise(op, outStride), op.OutH * op.OutW * outStride),
            LayerRole.Pointwise => (KernelKind.Pointwise4x8, PackBlocked(op.Weights, op.Bias, op.OutC, op.InC, inStride, PointwiseBlock), op.OutH * op.OutW * outStride),
            LayerRole.Pool => (KernelKind.GlobalAveragePool, Array.Empty<float>(), inStride),
            LayerRole.Classifier => (KernelKind.Dense16, PackBlocked(op.Weights, op.Bias, op.OutC, op.InC, inStride, DenseBlock), RoundUp(op.OutC, DenseBlock)),
            _ => (KernelKind.Softmax, Array.Empty<float>(), 0),
        };

        long macs = bound.Role switch
        {
            LayerRole.Stem or LayerRole.Depthwise or LayerRole.Pointwise => (long)op.KernelH * op.KernelW * (op.InC / op.Group) * op.OutC * op.OutH * op.OutW,
            LayerRole.Classifier => (long)op.InC * op.OutC,
            _ => 0,
        };
        long parameters = bound.Role is LayerRole.Stem or LayerRole.Depthwise or LayerRole.Pointwise or LayerRole.Classifier ? op.Weights.Length : 0;

        return new PlannedLayer
        {
            Index = index, Role = bound.Role, Kernel = kernel, Op = op,
            MethodName = $"Layer{index:D2}_{MethodSuffix(kernel, op)}",
            InStride = inStride, OutStride = outStride, OutputLength = outputLength,
            PackedWeights = packed, Macs = macs, Parameters = parameters,
        };
    }

    private static string MethodSuffix(KernelKind kernel, GraphOp op) => kernel switch
    {
        KernelKind.ConvKxK => $"Conv{op.KernelH}x{op.KernelW}S{op.StrideH}",
        KernelKind.Depthwise3x3 => $"Depthwise3x3S{op.StrideH}",
        KernelKind.Pointwise4x8 => "Pointwise4x8",
        KernelKind.GlobalAveragePool => "GlobalAveragePool",
        KernelKind.Dense16 => "Dense16",
        _ => "Softmax",
    };

    /// <summary>Stem: the biases, then per tap (ky, kx, input channel) one row of output channels: <c>[OutStride] + [kh][kw][InC][OutStride]</c>.</summary>
    private static float[] PackConv(GraphOp op, int outStride)
    {
        int taps = op.KernelH * op.KernelW * op.InC;
        var packed = new float[outStride * (1 + taps)];
        Array.Copy(op.Bias, packed, op.OutC);
        for (int o = 0; o < op.OutC; o++)
            for (int c = 0; c < op.InC; c++)
                for (int y = 0; y < op.KernelH; y++)
                    for (int x = 0; x < op.KernelW; x++)
                        packed[outStride * (1 + (y * op.KernelW + x) * op.InC + c) + o] = op.Weights[((o * op.InC + c) * op.KernelH + y) * op.KernelW + x];
        return packed;
    }

    /// <summary>Depthwise: the biases, then per tap one row of channels: <c>[Stride] + [9][Stride]</c>.</summary>
    private static float[] PackDepthwise(GraphOp op, int stride)
    {
        int taps = op.KernelH * op.KernelW;
        var packed = new float[stride * (1 + taps)];
        Array.Copy(op.Bias, packed, op.OutC);
        for (int c = 0; c < op.OutC; c++)
            for (int t = 0; t < taps; t++)
                packed[stride * (1 + t) + c] = op.Weights[c * taps + t];
        return packed;
    }

    /// <summary>
    /// GEMM weights (<c>[outC][inC]</c>) in XNNPACK's order: per block of <paramref name="block"/> output
    /// channels, the block's biases, then for each input channel the block's weights. Missing channels are zero.
    /// </summary>
    private static float[] PackBlocked(float[] weights, float[] bias, int outC, int inC, int inStride, int block)
    {
        int blocks = (outC + block - 1) / block;
        int blockLength = block * (1 + inStride);
        var packed = new float[blocks * blockLength];
        for (int o = 0; o < outC; o++)
        {
            int b = o / block, lane = o % block, at = b * blockLength;
            packed[at + lane] = bias[o];
            for (int i = 0; i < inC; i++)
                packed[at + block * (1 + i) + lane] = weights[o * inC + i];
        }
        return packed;
    }

    public static int RoundUp(int value, int multiple) => (value + multiple - 1) / multiple * multiple;
}
