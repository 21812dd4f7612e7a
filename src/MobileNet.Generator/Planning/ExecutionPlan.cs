using System.Collections.Generic;
using System.Linq;
using MobileNet.Generator.Binding;
using MobileNet.Generator.Kernels;
using MobileNet.Generator.Kernels.Depthwise;
using MobileNet.Generator.Kernels.Gemm;
using MobileNet.Generator.Kernels.RowStream;
using MobileNet.Generator.Kernels.Stem;
using MobileNet.Generator.Lowering;

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
    /// <summary>What <c>FeatureMaps</c> calls the layer's output ("block11"), if it can be tapped.</summary>
    public string? Name { get; init; }
    /// <summary>The bottleneck's expanded tensor when it is one of <c>Run</c>'s outputs: each expanded row is copied out as it is made.</summary>
    public PlannedOutput? ExpansionOutput { get; set; }
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
    /// <summary>The GEMM of a 1×1 convolution or the classifier.</summary>
    public GemmSchedule? Gemm { get; init; }
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
    /// <summary>A V2 bottleneck's three convolutions, for <see cref="KernelKind.Bottleneck"/>.</summary>
    public Bottleneck? Block { get; init; }
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
        (string identifier, string parameter) = Names(output.Name) ?? throw new System.InvalidOperationException($"'{output.Name}' is not a layer name");
        return new(output.Name, identifier, parameter, output.Kind, layer, output.Expansion, output.Height, output.Width, output.Channels, stride);
    }

    /// <summary>
    /// The constant prefix and parameter of an output: "Output" and "output" for a network's single output;
    /// "Block13Expand" and "block13Expand" for the map <c>FeatureMaps</c> calls "block13/expand". Null for a
    /// name that is not a layer name (letters and digits, one "/" between two parts), which never becomes code.
    /// </summary>
    public static (string Identifier, string Parameter)? Names(string? name)
    {
        if (name is null)
            return ("Output", "output");
        string[] parts = name.Split('/');
        if (parts.Length > 2 || parts.Any(p => p.Length == 0 || !char.IsLetter(p[0]) || !p.All(c => c is >= 'a' and <= 'z' or >= '0' and <= '9')))
            return null;
        string identifier = string.Concat(parts.Select(p => char.ToUpperInvariant(p[0]) + p.Substring(1)));
        return (identifier, char.ToLowerInvariant(identifier[0]) + identifier.Substring(1));
    }
}

internal sealed class ExecutionPlan(BoundNetwork network, IReadOnlyList<PlannedLayer> layers, IReadOnlyList<PlannedOutput> outputs, int workspaceLength, int untiledWorkspaceLength, int naiveWorkspaceLength,
    IReadOnlyList<VectorWidth> widths)
{
    /// <summary>The vector widths each kernel has a branch for, widest first.</summary>
    public IReadOnlyList<VectorWidth> Widths { get; } = widths;
    public BoundNetwork Network { get; } = network;
    public IReadOnlyList<PlannedLayer> Layers { get; } = layers;
    /// <summary>The spans <c>Run</c> writes, in the order of its parameters.</summary>
    public IReadOnlyList<PlannedOutput> Outputs { get; } = outputs;
    /// <summary>Floats of workspace the schedule needs: the largest pair of consecutive activations, plus the slack to align it to 64 bytes.</summary>
    public int WorkspaceLength { get; } = workspaceLength;
    /// <summary>What the same two-ended schedule would need if bottlenecks materialised their expanded tensors.</summary>
    public int UntiledWorkspaceLength { get; } = untiledWorkspaceLength;
    /// <summary>What one buffer per activation would take, for comparison in the docs.</summary>
    public int NaiveWorkspaceLength { get; } = naiveWorkspaceLength;
    public int InputLength => Network.Resolution * Network.Resolution * Network.Graph.InputChannels;
}
