using System.Collections.Generic;
using MobileNet.Generator.Binding;

namespace MobileNet.Generator.Planning;

/// <summary>The kernels the emitter knows, named for what they compute.</summary>
internal enum KernelKind
{
    /// <summary>A dense k×k convolution over the few input channels of the image (the stem).</summary>
    ConvKxK,
    /// <summary>A 3×3 depthwise convolution, channels in vectors of 4.</summary>
    Depthwise3x3,
    /// <summary>A 1×1 convolution as a GEMM, register-blocked over 4 pixels × 8 output channels.</summary>
    Pointwise4x8,
    /// <summary>The mean over all pixels of each channel.</summary>
    GlobalAveragePool,
    /// <summary>The classifier: a matrix-vector product over blocks of 16 outputs.</summary>
    Dense16,
    /// <summary>Softmax over the classes, written to the caller's output.</summary>
    Softmax,
}

/// <summary>
/// One layer as it will run: its kernel, where its input and output live in the workspace (in floats;
/// −1 is the caller's input span), the channel strides in memory (channel counts rounded up to whole
/// vectors, the extra lanes kept at zero) and its weights packed in the order the kernel reads them.
/// </summary>
internal sealed class PlannedLayer
{
    public int Index { get; init; }
    public LayerRole Role { get; init; }
    public KernelKind Kernel { get; init; }
    public GraphOp Op { get; init; } = null!;
    public string MethodName { get; init; } = "";
    public int InStride { get; init; }
    public int OutStride { get; init; }
    public int OutputLength { get; init; }
    public int InputOffset { get; set; }
    public int OutputOffset { get; set; }
    public float[] PackedWeights { get; init; } = [];
    /// <summary>Multiply-accumulates and weights as the MobileNet papers count them (convolution and classifier weights; no biases).</summary>
    public long Macs { get; init; }
    public long Parameters { get; init; }
}

internal sealed class ExecutionPlan(BoundNetwork network, IReadOnlyList<PlannedLayer> layers, int workspaceLength, int naiveWorkspaceLength)
{
    public BoundNetwork Network { get; } = network;
    public IReadOnlyList<PlannedLayer> Layers { get; } = layers;
    /// <summary>Floats of workspace the schedule needs: the largest pair of consecutive activations.</summary>
    public int WorkspaceLength { get; } = workspaceLength;
    /// <summary>What one buffer per activation would take, for comparison in the docs.</summary>
    public int NaiveWorkspaceLength { get; } = naiveWorkspaceLength;
    public int InputLength => Network.Resolution * Network.Resolution * Network.Graph.InputChannels;
    public int OutputLength => Network.ClassCount;
}
