using System.Collections.Generic;
using MobileNet.Generator.Binding;

namespace MobileNet.Generator.Planning;

/// <summary>The kernels the emitter knows, named for what they compute.</summary>
internal enum KernelKind
{
    /// <summary>A dense k×k convolution over the few input channels of the image (the stem).</summary>
    ConvKxK,
    /// <summary>A 3×3 depthwise convolution, row by row, the taps of a vector of channels held in registers.</summary>
    Depthwise3x3,
    /// <summary>A 1×1 convolution as a GEMM, register-blocked over pixels × output channels (the tile depends on the vector width).</summary>
    Pointwise,
    /// <summary>The mean over all pixels of each channel.</summary>
    GlobalAveragePool,
    /// <summary>The classifier: a matrix-vector product, several blocks of 16 outputs at a time.</summary>
    Dense,
    /// <summary>Softmax over the classes, written to the caller's output.</summary>
    Softmax,
    /// <summary>
    /// A V2 inverted residual streamed by rows: each input row is expanded once into a ring of four rows
    /// (five at stride 2), each pair of output rows is filtered depthwise from the ring and projected
    /// straight into the output (plus the input rows for the residual), so the expanded tensor never
    /// exists in full. The expansion and projection are methods of their own.
    /// </summary>
    Bottleneck,
    /// <summary>
    /// A V1 depthwise 3×3 and the pointwise 1×1 after it, streamed row by row like a bottleneck without
    /// expansion: each pair of depthwise output rows is projected while it is still in cache.
    /// </summary>
    DepthwiseSeparable,
}

/// <summary>One packed weight array of a layer; the suffix names it when a layer has several (a bottleneck's expand, depthwise, project).</summary>
internal sealed record PackedWeights(string Suffix, float[] Data);

/// <summary>
/// One layer as it will run: its kernel, where its input and output live in the workspace (in floats;
/// −1 is the caller's input span), the channel strides in memory (channel counts rounded up to whole
/// vectors, the extra lanes kept at zero) and its weights packed in the order the kernel reads them.
/// </summary>
internal sealed class PlannedLayer
{
    public int Index { get; init; }
    public KernelKind Kernel { get; init; }
    public GraphOp Op { get; init; } = null!;
    public string MethodName { get; init; } = "";
    public int InStride { get; init; }
    public int OutStride { get; init; }
    public int OutputLength { get; init; }
    public int InputOffset { get; set; }
    public int OutputOffset { get; set; }
    /// <summary>Floats of scratch the kernel needs while it runs (a bottleneck's expanded rows), and where they are.</summary>
    public int ScratchLength { get; init; }
    public int ScratchOffset { get; set; }
    /// <summary>Floats the layer would hold at its peak if it materialised every intermediate tensor (for the docs' comparison).</summary>
    public int UntiledPeak { get; init; }
    /// <summary>Floats of every activation the layer computes, intermediate ones included.</summary>
    public int ActivationsLength { get; init; }
    public PackedWeights[] Weights { get; init; } = [];
    /// <summary>The channel stride of a bottleneck's expanded tensor.</summary>
    public int HiddenStride { get; init; }
    /// <summary>A V2 bottleneck's three convolutions, for <see cref="KernelKind.Bottleneck"/>.</summary>
    public Bottleneck? Block { get; init; }
    /// <summary>Multiply-accumulates and weights as the MobileNet papers count them (convolution and classifier weights; no biases).</summary>
    public long Macs { get; init; }
    public long Parameters { get; init; }
}

internal sealed class ExecutionPlan(BoundNetwork network, IReadOnlyList<PlannedLayer> layers, int workspaceLength, int untiledWorkspaceLength, int naiveWorkspaceLength)
{
    public BoundNetwork Network { get; } = network;
    public IReadOnlyList<PlannedLayer> Layers { get; } = layers;
    /// <summary>Floats of workspace the schedule needs: the largest pair of consecutive activations, plus the slack to align it to 64 bytes.</summary>
    public int WorkspaceLength { get; } = workspaceLength;
    /// <summary>What the same two-ended schedule would need if bottlenecks materialised their expanded tensors.</summary>
    public int UntiledWorkspaceLength { get; } = untiledWorkspaceLength;
    /// <summary>What one buffer per activation would take, for comparison in the docs.</summary>
    public int NaiveWorkspaceLength { get; } = naiveWorkspaceLength;
    public int InputLength => Network.Resolution * Network.Resolution * Network.Graph.InputChannels;
    public int OutputLength => Network.ClassCount;
}
