using System.Collections.Generic;
using MobileNet.Generator.Model;

namespace MobileNet.Generator.Lowering;

internal enum OpKind { Conv, GlobalAveragePool, FullyConnected, Softmax, Add }

/// <summary>
/// One operation of a network, independent of the file format it came from. Convolution weights are
/// OIHW (<c>[OutC][InC/Group][KernelH][KernelW]</c>) with any BatchNorm already folded in; fully connected
/// weights are <c>[OutC][InC]</c>. Tensor shapes are channels × height × width.
/// </summary>
internal sealed class GraphOp
{
    public OpKind Kind { get; init; }
    /// <summary>The name of the file's node, for diagnostics.</summary>
    public string Name { get; init; } = "";
    public int InC { get; init; }
    public int InH { get; init; } = 1;
    public int InW { get; init; } = 1;
    public int OutC { get; init; }
    public int OutH { get; init; } = 1;
    public int OutW { get; init; } = 1;
    public int KernelH { get; init; } = 1;
    public int KernelW { get; init; } = 1;
    public int StrideH { get; init; } = 1;
    public int StrideW { get; init; } = 1;
    public int Group { get; init; } = 1;
    public Padding Pads { get; init; }
    public float[] Weights { get; set; } = [];
    public float[] Bias { get; set; } = [];
    /// <summary>The clamp applied to the output: (−∞, ∞) for none, (0, ∞) for ReLU, (0, 6) for ReLU6.</summary>
    public float ActivationMin { get; set; } = float.NegativeInfinity;
    public float ActivationMax { get; set; } = float.PositiveInfinity;

    /// <summary>The operation's integer form, for an operation of a quantised file; null otherwise.</summary>
    public QuantizedOp? Quantized { get; set; }

    /// <summary>For <see cref="OpKind.Add"/>: the index of the earlier operation whose output is added (the skip connection).</summary>
    public int ResidualFrom { get; init; } = -1;

    public bool IsDepthwise => Kind == OpKind.Conv && Group == InC && Group > 1;

    public bool IsLinear => float.IsNegativeInfinity(ActivationMin) && float.IsPositiveInfinity(ActivationMax);

    public Clamp Clamp => new(ActivationMin, ActivationMax);

    public string Shape(bool output) => output ? $"{OutH}×{OutW}×{OutC}" : $"{InH}×{InW}×{InC}";
}

/// <summary>A network as a chain of operations from one image input to one output.</summary>
/// <remarks>
/// A quantised file's graph also has an integer form: every operation's <see cref="GraphOp.Quantized"/>, and
/// <see cref="QuantizedInput"/>. <see cref="NotInteger"/> says why a graph has none (float weights, an
/// operator not yet supported in integers), naming the file's operator.
/// </remarks>
internal sealed class NetworkGraph(string source, int inputChannels, int inputHeight, int inputWidth, string inputLayout, InputNormalization? normalization, IReadOnlyList<GraphOp> ops,
    QuantizedTensor? quantizedInput = null, string? notInteger = "the file's weights are float", IntegerEnds ends = default)
{
    /// <summary>What the file is, for the docs: format, producer, weight type.</summary>
    public string Source { get; } = source;
    public int InputChannels { get; } = inputChannels;
    public int InputHeight { get; } = inputHeight;
    public int InputWidth { get; } = inputWidth;
    /// <summary>"NCHW" or "NHWC": the layout of the file's own input tensor, for the docs.</summary>
    public string InputLayout { get; } = inputLayout;
    /// <summary>The normalisation the file itself states (a quantised input does), or null when it cannot tell.</summary>
    public InputNormalization? Normalization { get; } = normalization;
    public IReadOnlyList<GraphOp> Ops { get; } = ops;
    /// <summary>The file's 8-bit input, when its network runs in integers.</summary>
    public QuantizedTensor? QuantizedInput { get; } = notInteger is null ? quantizedInput : null;
    /// <summary>Why the network cannot run in integers, or null when it can.</summary>
    public string? NotInteger { get; } = notInteger;
    /// <summary>The file's QUANTIZE operators at its ends that only shift uint8 to int8 or back.</summary>
    public IntegerEnds Ends { get; } = ends;
}

/// <summary>
/// The file's QUANTIZE operators at its ends that only flip each code's sign bit: TF2's converter writes
/// them around an int8 network for uint8 inputs and outputs, with the same scale and the zero point 128
/// lower or higher.
/// </summary>
/// <param name="Input">The tensor the network reads, when a QUANTIZE makes it of the file's input.</param>
/// <param name="Output">The file's output, when a QUANTIZE makes it of the network's last tensor.</param>
internal readonly record struct IntegerEnds(QuantizedTensor? Input, QuantizedTensor? Output)
{
    /// <summary>Whether <paramref name="to"/> is <paramref name="from"/> with its sign bit flipped: uint8 ↔ int8, one scale, zero points 128 apart.</summary>
    public static bool IsShift(QuantizedTensor from, QuantizedTensor to) =>
        from.Signed != to.Signed && from.Scale == to.Scale && to.ZeroPoint == from.ZeroPoint + (to.Signed ? -128 : 128);
}
