using System.Collections.Generic;
using System.Linq;
using MobileNet.Generator.Binding;
using MobileNet.Generator.Kernels;
using MobileNet.Generator.Kernels.Depthwise;
using MobileNet.Generator.Kernels.Gemm;
using MobileNet.Generator.Kernels.RowStream;
using MobileNet.Generator.Kernels.Stem;
using MobileNet.Generator.Model;

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
/// One operation of a layer as the emitter writes and describes it: its input and output (height × width ×
/// channels), window, stride, padding and activation, and its multiply-accumulates and weights as the
/// MobileNet papers count them (convolution and classifier weights; no biases).
/// </summary>
internal sealed record PlannedOp(int InH, int InW, int InC, int OutH, int OutW, int OutC, int KernelH, int KernelW, int Stride, Padding Pads, Clamp Clamp, long Macs, long Parameters)
{
    public string Shape(bool output) => output ? $"{OutH}×{OutW}×{OutC}" : $"{InH}×{InW}×{InC}";
}

/// <summary>The operations of a row-streamed layer: a V2 bottleneck's expansion (absent at ratio 1), its depthwise filter and its projection (plus the input, with <paramref name="Residual"/>); or a V1 depthwise filter and the pointwise convolution after it.</summary>
internal sealed record StreamedOps(PlannedOp? Expand, PlannedOp Depthwise, PlannedOp Project, bool Residual)
{
    public int InC => (Expand ?? Depthwise).InC;
    public int InH => (Expand ?? Depthwise).InH;
    public int InW => (Expand ?? Depthwise).InW;
    public int Hidden => Depthwise.InC;

    public PlannedOp[] All => Expand is null ? [Depthwise, Project] : [Expand, Depthwise, Project];
}

/// <summary>
/// One layer as it will run: its kernel, where its input and output live in the workspace (in floats;
/// −1 is the caller's input span), the channel strides in memory (channel counts rounded up to whole
/// vectors, the extra lanes kept at zero) and its weights packed in the order the kernel reads them.
/// </summary>
internal sealed class PlannedLayer
{
    public int Index { get; init; }
    public KernelKind Kernel { get; init; }
    /// <summary>What <c>FeatureMaps</c> calls the layer's output ("block11"), if it can be tapped.</summary>
    public string? Name { get; init; }
    /// <summary>What <c>FeatureMaps</c> calls a bottleneck's expanded tensor ("block11/expand").</summary>
    public string? ExpansionName { get; init; }
    /// <summary>The bottleneck's expanded tensor when it is one of <c>Run</c>'s outputs: each expanded row is copied out as it is made.</summary>
    public PlannedOutput? ExpansionOutput { get; init; }
    /// <summary>The layer's operation; a row-streamed layer's depthwise filter.</summary>
    public PlannedOp Operation { get; init; } = null!;
    /// <summary>A row-streamed layer's operations, for <see cref="KernelKind.Bottleneck"/> and <see cref="KernelKind.DepthwiseSeparable"/>.</summary>
    public StreamedOps? Streamed { get; init; }
    public string MethodName { get; init; } = "";
    public int InStride { get; init; }
    public int OutStride { get; init; }
    public int InputOffset { get; init; }
    public int OutputOffset { get; init; }
    /// <summary>Floats of scratch the kernel needs while it runs (a bottleneck's expanded rows), and where they are.</summary>
    public int ScratchLength { get; init; }
    public int ScratchOffset { get; init; }
    public PackedWeights[] Weights { get; init; } = [];
    /// <summary>The channel stride of a bottleneck's expanded tensor.</summary>
    public int HiddenStride { get; init; }
    /// <summary>The GEMM of a 1×1 convolution or the classifier; of one unit of it when the layer is split.</summary>
    public GemmSchedule? Gemm { get; init; }
    /// <summary>The GEMM of a split 1×1 convolution's or classifier's last unit, where it is smaller than the others.</summary>
    public GemmSchedule? LastGemm { get; init; }
    /// <summary>How the layer's work is divided between threads.</summary>
    public LayerSplit Split { get; init; } = LayerSplit.Alone;
    /// <summary>A bottleneck's expansion of one input row.</summary>
    public GemmSchedule? Expand { get; init; }
    /// <summary>A row-streamed layer's projection, by the number of output rows projected at once.</summary>
    public IReadOnlyDictionary<int, GemmSchedule>? Projections { get; init; }
    /// <summary>Where a row-streamed layer keeps its rows in its scratch.</summary>
    public RowStreamLayout? RowStream { get; init; }
    /// <summary>The stem convolution's schedule.</summary>
    public StemSchedule? Stem { get; init; }
    /// <summary>A depthwise filter's schedule, by the number of output rows it makes at a time.</summary>
    public IReadOnlyDictionary<int, DepthwiseSchedule>? Depthwise { get; init; }
    /// <summary>Multiply-accumulates and weights as the MobileNet papers count them (convolution and classifier weights; no biases).</summary>
    public long Macs { get; init; }
    public long Parameters { get; init; }
}

/// <summary>
/// One span <c>Run</c> writes, and the names the generated class gives it: <paramref name="Identifier"/> prefixes its
/// constants (<c>OutputLength</c>, <c>Block11Length</c>), <paramref name="Parameter"/> names <c>Run</c>'s span. It is copied
/// from the workspace after layer <paramref name="Layer"/>, where its pixels are <paramref name="Stride"/> floats apart
/// (channels padded to whole vectors), into the caller's dense NHWC span; a softmax output is computed into it.
/// </summary>
internal sealed record PlannedOutput(string? Name, string Identifier, string Parameter, OutputKind Kind, int Layer, bool Expansion, int Height, int Width, int Channels, int Stride)
{
    public int Length => Height * Width * Channels;

    /// <summary>The bound output as planned, after layer <paramref name="layer"/>.</summary>
    public static PlannedOutput For(BoundOutput output, int layer, int stride)
    {
        (string identifier, string parameter) = Identifiers.Output(output.Name) ?? throw new System.InvalidOperationException($"'{output.Name}' is not a layer name");
        return new(output.Name, identifier, parameter, output.Kind, layer, output.Expansion, output.Height, output.Width, output.Channels, stride);
    }
}

/// <summary>
/// What the docs and the public constants say of the network: the MobileNet it is, its input (and the
/// file's own layout, for the docs), the file it came from, the input normalisation, what <c>Run</c>
/// writes, and, for a network cut where the attribute asks, where it stops and what it leaves out.
/// </summary>
internal sealed record PlannedNetwork(int Version, double Alpha, int Resolution, int InputChannels, string InputLayout, string Source,
    InputNormalization Normalization, OutputKind OutputKind, string StopsAt, string? LeftOut);

internal sealed class ExecutionPlan(PlannedNetwork network, IReadOnlyList<PlannedLayer> layers, IReadOnlyList<PlannedOutput> outputs, int workspaceLength, int untiledWorkspaceLength, int naiveWorkspaceLength,
    IReadOnlyList<VectorWidth> widths, int partScratchAt, int partScratchLength)
{
    /// <summary>Floats per 64 bytes: where each buffer in the workspace starts, and the slack that lets <c>Run</c> align the workspace.</summary>
    public const int Alignment = 16;

    /// <summary>The vector widths each kernel has a branch for, widest first.</summary>
    public IReadOnlyList<VectorWidth> Widths { get; } = widths;
    public PlannedNetwork Network { get; } = network;
    public IReadOnlyList<PlannedLayer> Layers { get; } = layers;
    /// <summary>The spans <c>Run</c> writes, in the order of its parameters.</summary>
    public IReadOnlyList<PlannedOutput> Outputs { get; } = outputs;
    /// <summary>Floats of workspace the schedule needs: the largest pair of consecutive activations, plus the slack to align it to 64 bytes.</summary>
    public int WorkspaceLength { get; } = workspaceLength;
    /// <summary>What the same two-ended schedule would need if bottlenecks materialised their expanded tensors.</summary>
    public int UntiledWorkspaceLength { get; } = untiledWorkspaceLength;
    /// <summary>What one buffer per activation would take, for comparison in the docs.</summary>
    public int NaiveWorkspaceLength { get; } = naiveWorkspaceLength;
    /// <summary>
    /// Where the scratch of a split layer's parts after the first begins, in floats from the aligned workspace: after
    /// everything a single thread uses, so that the layers keep their places whatever the thread count.
    /// </summary>
    public int PartScratchAt { get; } = partScratchAt;
    /// <summary>Floats of scratch each part after the first takes: the largest scratch of a split layer, in whole cache lines.</summary>
    public int PartScratchLength { get; } = partScratchLength;
    /// <summary>The most parts any layer is split into; 1 when every layer runs on the calling thread.</summary>
    public int MostParts => Layers.Max(l => l.Split.MaxParts);
    public int InputLength => Network.Resolution * Network.Resolution * Network.InputChannels;
    public long MultiplyAccumulates => Layers.Sum(l => l.Macs);
    public long Parameters => Layers.Sum(l => l.Parameters);
}
