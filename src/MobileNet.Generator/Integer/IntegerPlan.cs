using System.Collections.Generic;
using System.Linq;
using MobileNet.Generator.Lowering;
using MobileNet.Generator.Model;
using MobileNet.Generator.Planning;

namespace MobileNet.Generator.Integer;

/// <summary>What an integer layer computes.</summary>
internal enum IntegerKind
{
    /// <summary>A convolution (the stem, a depthwise filter, a 1×1 convolution, the classifier as a 1×1 convolution of one pixel).</summary>
    Conv,
    /// <summary>The mean over all pixels of each channel.</summary>
    GlobalAveragePool,
    /// <summary>Softmax over the classes, requantised to the file's output type.</summary>
    Softmax,
    /// <summary>A V2 residual: the block's input added to its projection, each rescaled to the sum's grid.</summary>
    Add,
    /// <summary>The file's QUANTIZE from uint8 to int8 or back at an end: each code's sign bit flipped.</summary>
    SignFlip,
}

/// <summary>
/// One layer of an integer network. Activations are NHWC bytes (uint8 or int8 as the file says), dense.
/// A convolution reads its data from one array, laid out by its <see cref="Gemm"/> or <see cref="Depthwise"/>
/// layout: the int32 biases, the requantisation scales (one per output channel, or a constant in the
/// code) and the weights packed for its kernel.
/// </summary>
internal sealed record IntegerLayer
{
    public int Index { get; init; }
    public IntegerKind Kind { get; init; }
    public string MethodName { get; init; } = "";
    /// <summary>What the docs call it: "conv 3×3", "depthwise 3×3", "pointwise 1×1", "classifier", "average pool", "softmax".</summary>
    public string Description { get; init; } = "";
    /// <summary>What <c>FeatureMaps</c> calls the layer's output, if it can be tapped.</summary>
    public string? Name { get; init; }
    public PlannedOp Operation { get; init; } = null!;
    /// <summary>Whether the layer is the classifier, which the docs show as features → classes.</summary>
    public bool Classifier { get; init; }
    public QuantizedTensor Input { get; init; }
    public QuantizedTensor Output { get; init; }
    /// <summary>The quantised clamp of the output: the fused activation's bounds, within the type.</summary>
    public int OutputMin { get; init; }
    public int OutputMax { get; init; }
    /// <summary>A 1×1 convolution's, the classifier's or the RGB stem's packed GEMM data.</summary>
    public IntegerGemmLayout? Gemm { get; init; }
    /// <summary>For a stem run as a GEMM: how its windows become the GEMM's rows.</summary>
    public IntegerIm2col? Im2col { get; init; }
    /// <summary>Any other convolution's packed data: a depthwise one (multiplier 1) or a dense one, read tap by tap.</summary>
    public IntegerDepthwiseLayout? Depthwise { get; init; }
    /// <summary>A depthwise convolution's walk over its map (absent for a dense one, which the kernel writes per pixel).</summary>
    public IntegerDepthwiseSchedule? DepthwiseSchedule { get; init; }
    /// <summary>Bytes of scratch the layer uses while it runs, and where they are in the workspace.</summary>
    public int ScratchLength { get; init; }
    public int ScratchOffset { get; init; }
    /// <summary>A convolution's weights: int8 (symmetric) or uint8, and the uint8 weights' zero point.</summary>
    public bool WeightsSigned { get; init; }
    public int WeightZeroPoint { get; init; }
    /// <summary>A convolution's requantisation scale when one serves every output channel (the code's constant).</summary>
    public float Scale { get; init; }
    /// <summary>A convolution's largest requantisation scale over its output channels.</summary>
    public float MaxScale { get; init; }
    /// <summary>An <see cref="IntegerKind.Add"/>'s fixed-point arithmetic.</summary>
    public IntegerAddition? Addition { get; init; }
    /// <summary>Bytes into the workspace of the layer's input (−1: the caller's input) and output.</summary>
    public int InputOffset { get; init; }
    public int OutputOffset { get; init; }
    /// <summary>An <see cref="IntegerKind.Add"/>'s other input: which layer made it (−1: the network's input), its quantisation and where it is.</summary>
    public int SkipFrom { get; init; } = -1;
    public QuantizedTensor Skip { get; init; }
    public int SkipOffset { get; init; }
    /// <summary>
    /// A GEMM whose output rows are streamed into the depthwise filter after it: each call makes one row, into
    /// its slot of this ring, and the depthwise layer calls it as its windows reach new rows.
    /// </summary>
    public IntegerRing? Ring { get; init; }
    /// <summary>A depthwise layer that reads its input rows from the ring of the layer before it, which it runs (−1: none).</summary>
    public int StreamedFrom { get; init; } = -1;
    /// <summary>How the layer's work is divided between threads: a depthwise layer's output rows (a streamed one making its producer's rows per part), a GEMM's blocks of 16 output channels.</summary>
    public LayerSplit Split { get; init; } = LayerSplit.Alone;
    /// <summary>
    /// Where a split layer's parts after the first keep, within their own region of the workspace, the scratch of
    /// the layer they run streamed (its producer's) and that layer's ring; the layer's own scratch starts the region.
    /// </summary>
    public int PartSourceScratchAt { get; init; }
    public int PartRingAt { get; init; }
    public int OutputLength => Operation.OutH * Operation.OutW * Operation.OutC;
    /// <summary>Bytes the layer's output takes in the workspace: the whole map, or the ring of its rows.</summary>
    public int BufferLength => Ring?.Length ?? OutputLength;
}

/// <summary>
/// The rows of a streamed layer's output that the depthwise filter after it can still read: row y in slot
/// y % <paramref name="Rows"/>, each slot <paramref name="Slot"/> bytes (a row in whole cache lines). The
/// filter's windows span <paramref name="Rows"/> input rows, so a row is written over only once no window needs it.
/// </summary>
internal sealed record IntegerRing(int Rows, int Slot)
{
    public int Length => Rows * Slot;
}

/// <summary>
/// A residual add in fixed point, as XNNPACK's vadd (LiteRT's): each input's scale relative to the sum's,
/// as a multiplier of about 20 bits (<paramref name="Shift"/> = 20 − the larger ratio's binary exponent),
/// the zero points and half a unit folded into <paramref name="Bias"/>: out = ((Bias + a·A + b·B) &gt;&gt; Shift) + zero point.
/// </summary>
internal sealed record IntegerAddition(int A, int B, int Shift, int Bias)
{
    public static IntegerAddition For(QuantizedTensor a, QuantizedTensor b, QuantizedTensor output)
    {
        float aRatio = a.Scale / output.Scale, bRatio = b.Scale / output.Scale;
        int exponent = (int)((System.BitConverter.ToUInt32(System.BitConverter.GetBytes(System.Math.Max(aRatio, bRatio)), 0) >> 23) & 0xFF) - 127;
        int shift = 20 - exponent;
        // ratio × 2^shift is exact in double; lrintf rounds it half to even.
        int am = (int)System.Math.Round(aRatio * System.Math.Pow(2, shift), System.MidpointRounding.ToEven);
        int bm = (int)System.Math.Round(bRatio * System.Math.Pow(2, shift), System.MidpointRounding.ToEven);
        return new IntegerAddition(am, bm, shift, (1 << (shift - 1)) - am * a.ZeroPoint - bm * b.ZeroPoint);
    }

    /// <summary>XNNPACK takes ratios of the inputs' scales to the sum's in [2^−10, 2^8): multipliers of at most 21 bits, shifts of 12 to 30.</summary>
    public static bool Supports(QuantizedTensor a, QuantizedTensor b, QuantizedTensor output)
    {
        float aRatio = a.Scale / output.Scale, bRatio = b.Scale / output.Scale;
        return aRatio >= 1f / 1024 && aRatio < 256 && bRatio >= 1f / 1024 && bRatio < 256;
    }
}

/// <summary>
/// A softmax as TFLite's uint8/int8 kernel computes it (LiteRT runs it without XNNPACK): a table of
/// exp(−input scale × d) for each difference d = max − x of two codes, summed in float in index order,
/// each entry times 1 ÷ (sum × output scale), rounded. The table is computed here, correctly rounded.
/// </summary>
internal static class IntegerSoftmax
{
    public static float[] Table(QuantizedTensor input)
    {
        float scale = -input.Scale;
        var table = new float[256];
        for (int d = 0; d <= 255; d++)
            table[255 - d] = (float)System.Math.Exp((float)(scale * d));
        return table;
    }
}

/// <summary>
/// An integer network as it will run: its layers with their workspace offsets, the file's input and
/// output quantisation, what <c>Run</c> writes, and the workspace in bytes.
/// </summary>
internal sealed class IntegerPlan(PlannedNetwork network, QuantizedTensor input, IReadOnlyList<IntegerLayer> layers, IReadOnlyList<PlannedOutput> outputs,
    IReadOnlyDictionary<int, byte[]> data, int workspaceLength, int floatWorkspaceLength, IReadOnlyList<IntegerGemmBranch> branches, int partScratchAt, int partScratchLength)
{
    /// <summary>The instruction-set branches each GEMM has before its scalar code.</summary>
    public IReadOnlyList<IntegerGemmBranch> Branches { get; } = branches;
    public PlannedNetwork Network { get; } = network;
    public QuantizedTensor Input { get; } = input;
    public IReadOnlyList<IntegerLayer> Layers { get; } = layers;
    /// <summary>The spans <c>Run</c> writes, in the order of its parameters.</summary>
    public IReadOnlyList<PlannedOutput> Outputs { get; } = outputs;
    /// <summary>Each convolution's packed data, by layer index.</summary>
    public IReadOnlyDictionary<int, byte[]> Data { get; } = data;
    /// <summary>Bytes of workspace: the arena of every activation and scratch buffer by lifetime, plus slack to align it to 64 bytes and for vector over-reads.</summary>
    public int WorkspaceLength { get; } = workspaceLength;
    /// <summary>The float network's workspace in bytes, for the docs' comparison.</summary>
    public int FloatWorkspaceBytes { get; } = floatWorkspaceLength;
    /// <summary>Where the regions of a split layer's parts after the first begin, in bytes from the aligned workspace: past the arena.</summary>
    public int PartScratchAt { get; } = partScratchAt;
    /// <summary>Bytes of each part's region: the most any split layer's part needs, in whole cache lines.</summary>
    public int PartScratchLength { get; } = partScratchLength;
    /// <summary>The most parts any layer is split into; 1 when every layer runs on the calling thread.</summary>
    public int MostParts => Layers.Max(l => l.Split.MaxParts);
    public int InputLength => Network.Resolution * Network.Resolution * Network.InputChannels;
    public long MultiplyAccumulates => Layers.Sum(l => l.Operation.Macs);
    public long Parameters => Layers.Sum(l => l.Operation.Parameters);
    public int WeightBytes => Data.Values.Sum(d => d.Length);
}
