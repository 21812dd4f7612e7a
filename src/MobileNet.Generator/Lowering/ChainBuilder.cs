using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using MobileNet.Generator.Model;

namespace MobileNet.Generator.Lowering;

/// <summary>
/// Builds a <see cref="NetworkGraph"/> one operation at a time while tracking the current tensor's
/// shape. Both lowerings (ONNX, TFLite) drive it, so shape arithmetic, activation folding and the
/// checks on the result live in one place. <c>where</c> arguments name the file's node for messages.
/// </summary>
internal sealed class ChainBuilder(int channels, int height, int width)
{
    private readonly List<GraphOp> _ops = [];

    public int C { get; private set; } = channels;
    public int H { get; private set; } = height;
    public int W { get; private set; } = width;
    /// <summary>How many operations the chain has: the index the next one will get.</summary>
    public int Count => _ops.Count;

    /// <summary>True once the tensor is N×C (after Flatten, Gemm, a keepdims-free mean): its classes are the last axis.</summary>
    public bool Flattened { get; private set; }

    public GraphOp AddConv(string where, string name, float[] weights, float[]? bias, int outC, int kernelH, int kernelW, int strideH, int strideW, int group, Padding pads)
    {
        CheckWindow(where, kernelH, kernelW, strideH, strideW);
        if (group <= 0 || C % group != 0 || outC % group != 0 || !IsProduct(weights.Length, outC, C / group, kernelH, kernelW))
            throw Unsupported(where, $"{weights.Length} weights with group {group} do not fit {C} → {outC} channels and a {kernelH}×{kernelW} kernel");
        if (H + pads.Top + pads.Bottom < kernelH || W + pads.Left + pads.Right < kernelW)
            throw Unsupported(where, $"a {kernelH}×{kernelW} kernel does not fit a {H}×{W} input padded by {pads}");
        int outH = (H + pads.Top + pads.Bottom - kernelH) / strideH + 1;
        int outW = (W + pads.Left + pads.Right - kernelW) / strideW + 1;
        if (bias is not null && bias.Length != outC)
            throw Unsupported(where, $"the bias has {bias.Length} values for {outC} output channels");
        var op = new GraphOp
        {
            Kind = OpKind.Conv, Name = name,
            InC = C, InH = H, InW = W, OutC = outC, OutH = outH, OutW = outW,
            KernelH = kernelH, KernelW = kernelW, StrideH = strideH, StrideW = strideW, Group = group, Pads = pads,
            Weights = weights, Bias = bias ?? new float[outC],
        };
        _ops.Add(op);
        (C, H, W) = (outC, outH, outW);
        return op;
    }

    /// <summary>Folds an activation (or a Clip) into the operation before it.</summary>
    public void Clamp(string where, float min, float max)
    {
        GraphOp op = Previous(where);
        if (op.Kind is not (OpKind.Conv or OpKind.FullyConnected))
            throw Unsupported(where, "an activation must follow a convolution or the classifier");
        // Together with the clamps already folded in, the bounds must leave a range with finite ends where bounded.
        float low = Math.Max(op.ActivationMin, min), high = Math.Min(op.ActivationMax, max);
        if (float.IsNaN(min) || float.IsNaN(max) || low > high || float.IsPositiveInfinity(low) || float.IsNegativeInfinity(high))
            throw Unsupported(where, $"the bounds [{min}, {max}] are not a clamp{(low > high && min <= max ? $" after [{op.ActivationMin}, {op.ActivationMax}]" : "")}");
        (op.ActivationMin, op.ActivationMax) = (low, high);
    }

    /// <summary>An average over the whole map; <paramref name="flatten"/> when the result drops its 1×1 spatial axes.</summary>
    public void GlobalPool(string name, bool flatten = false)
    {
        _ops.Add(new GraphOp { Kind = OpKind.GlobalAveragePool, Name = name, InC = C, InH = H, InW = W, OutC = C });
        H = W = 1;
        Flattened = flatten;
    }

    /// <summary>A reshape that only drops the 1×1 spatial axes (Flatten, Reshape, Squeeze after the pool).</summary>
    public void Flatten(string where)
    {
        if (H != 1 || W != 1)
            throw Unsupported(where, $"reshaping a {H}×{W}×{C} map is only supported on a 1×1 map (after the pool)");
        Flattened = true;
    }

    /// <summary>The classifier, with weights <c>[K][C]</c>.</summary>
    public void FullyConnected(string where, string name, float[] weights, float[]? bias)
    {
        Flatten(where);
        int k = weights.Length / C;
        if (k == 0 || weights.Length != k * C)
            throw Unsupported(where, $"{weights.Length} weights do not fit {C} input features");
        if (bias is not null && bias.Length != k)
            throw Unsupported(where, $"the bias has {bias.Length} values for {k} outputs");
        _ops.Add(new GraphOp { Kind = OpKind.FullyConnected, Name = name, InC = C, OutC = k, Weights = weights, Bias = bias ?? new float[k] });
        C = k;
    }

    /// <summary>Adds a constant to the output of the classifier (ONNX's MatMul + Add, a bias after a 1×1 conv head).</summary>
    public void AddBias(string where, float[] values)
    {
        GraphOp op = Previous(where);
        if (!op.IsLinear || op.Kind is not (OpKind.Conv or OpKind.FullyConnected) || op.OutH * op.OutW != 1)
            throw Unsupported(where, "adding a constant is only supported as the classifier's bias");
        if (values.Length != op.OutC && values.Length != 1)
            throw Unsupported(where, $"the bias has {values.Length} values for {op.OutC} outputs");
        for (int i = 0; i < op.OutC; i++)
            op.Bias[i] += values[values.Length == 1 ? 0 : i];
    }

    /// <summary>Adds the output of operation <paramref name="from"/> (a skip connection) to the current tensor.</summary>
    public void AddResidual(string where, string name, int from)
    {
        if (from < 0 || from >= _ops.Count)
            throw Unsupported(where, "a residual connection from the network's input is not supported");
        GraphOp source = _ops[from];
        if (source.OutC != C || source.OutH != H || source.OutW != W)
            throw Unsupported(where, $"it adds a {source.OutH}×{source.OutW}×{source.OutC} tensor to a {H}×{W}×{C} one");
        _ops.Add(new GraphOp { Kind = OpKind.Add, Name = name, InC = C, InH = H, InW = W, OutC = C, OutH = H, OutW = W, ResidualFrom = from });
    }

    public void Softmax(string where, string name, bool overClasses)
    {
        if (H != 1 || W != 1 || !overClasses)
            throw Unsupported(where, $"a softmax over a {H}×{W}×{C} tensor that is not over the classes is not supported");
        _ops.Add(new GraphOp { Kind = OpKind.Softmax, Name = name, InC = C, OutC = C });
    }

    public GraphOp Previous(string where) =>
        _ops.Count > 0 ? _ops[_ops.Count - 1] : throw Unsupported(where, "it comes before any convolution");

    /// <param name="quantizedInput">A quantised file's 8-bit input; with it, the graph runs in integers unless <paramref name="notInteger"/> says why not.</param>
    public NetworkGraph Build(string source, int inputChannels, int inputHeight, int inputWidth, string inputLayout, InputNormalization? normalization,
        QuantizedTensor? quantizedInput = null, string? notInteger = null, IntegerEnds ends = default)
    {
        foreach (GraphOp op in _ops)
            if (op.Weights.Any(v => float.IsNaN(v) || float.IsInfinity(v)) || op.Bias.Any(v => float.IsNaN(v) || float.IsInfinity(v)))
                throw new UnsupportedGraphException($"node '{op.Name}': its weights hold NaN or infinity (after folding BatchNormalization: is a variance negative?)");
        if (quantizedInput is null)
            notInteger = "the file's weights are float";
        else if (notInteger is null && _ops.FirstOrDefault(op => op.Quantized is null) is { } plain)
            notInteger = $"node '{plain.Name}' has no integer form";
        return new NetworkGraph(source, inputChannels, inputHeight, inputWidth, inputLayout, normalization, _ops, quantizedInput, notInteger, ends);
    }

    /// <summary>TensorFlow's SAME padding of the current map for a window: the output is ceil(n / s); the odd pixel goes after (SAME_UPPER) or before.</summary>
    public Padding SamePadding(string where, int kernelH, int kernelW, int strideH, int strideW, bool upper = true)
    {
        CheckWindow(where, kernelH, kernelW, strideH, strideW);
        (int top, int bottom) = Same(H, kernelH, strideH, upper);
        (int left, int right) = Same(W, kernelW, strideW, upper);
        return new Padding(top, left, bottom, right);
    }

    /// <summary>MobileNets use 1×1 and 3×3 kernels with strides 1 and 2; the bound keeps every shape sum far from overflow.</summary>
    private const int MaxWindow = 64;

    private static void CheckWindow(string where, int kernelH, int kernelW, int strideH, int strideW)
    {
        if (kernelH <= 0 || kernelW <= 0 || kernelH > MaxWindow || kernelW > MaxWindow)
            throw Unsupported(where, $"a {kernelH}×{kernelW} kernel is not supported (1 to {MaxWindow} pixels a side)");
        if (strideH <= 0 || strideW <= 0 || strideH > MaxWindow || strideW > MaxWindow)
            throw Unsupported(where, $"strides {strideH}×{strideW} are not supported (1 to {MaxWindow})");
    }

    /// <summary>Whether the positive <paramref name="factors"/> multiply to <paramref name="length"/>; stops before the product can overflow.</summary>
    private static bool IsProduct(long length, params int[] factors)
    {
        long product = 1;
        foreach (int f in factors)
        {
            if (f <= 0)
                return false;
            product *= f;
            if (product > length)
                return false;
        }
        return product == length;
    }

    /// <summary>SAME padding of one axis of <paramref name="n"/> pixels, for a positive kernel and stride.</summary>
    public static (int Begin, int End) Same(int n, int kernel, int stride, bool upper = true)
    {
        int total = Math.Max(((n + stride - 1) / stride - 1) * stride + kernel - n, 0);
        int small = total / 2;
        return upper ? (small, total - small) : (total - small, small);
    }

    /// <summary>
    /// Follows the file's graph from <paramref name="start"/> until <paramref name="isEnd"/>: <paramref name="next"/>
    /// gives the node that reads a tensor (or throws), <paramref name="lower"/> adds it to this chain and gives its
    /// output, and <paramref name="producers"/> learns which operation made each tensor (a residual Add looks its
    /// skip tensor up there). A tensor reached again closes a cycle, so the walk ends within the node count.
    /// </summary>
    /// <param name="display">A node as the cycle message names it.</param>
    /// <param name="noun">What the file calls its nodes ("node", "operator").</param>
    public void Walk<TTensor, TNode>(TTensor start, Func<TTensor, bool> isEnd, Func<TTensor, TNode> next, Func<TNode, TTensor, TTensor> lower,
        Func<TNode, string> display, Func<TTensor, string> tensorName, string noun, Dictionary<TTensor, int> producers, CancellationToken cancellationToken)
    {
        var walked = new Dictionary<TTensor, int>(producers.Comparer) { [start] = 0 };
        var path = new List<string>();
        for (TTensor current = start; !isEnd(current);)
        {
            cancellationToken.ThrowIfCancellationRequested();
            TNode node = next(current);
            path.Add(display(node));
            current = lower(node, current);
            if (walked.TryGetValue(current, out int step))
                throw new UnsupportedGraphException($"the graph has a cycle: {Cycle(path, step, noun)} back to tensor '{tensorName(current)}'");
            walked[current] = path.Count;
            producers[current] = Count - 1;
        }
    }

    /// <summary>The nodes of a cycle in walk order, from the one that first read the repeated tensor: "nodes 'a' → 'b' lead".</summary>
    /// <param name="noun">What the file calls its nodes ("node", "operator").</param>
    private static string Cycle(IReadOnlyList<string> path, int from, string noun) =>
        path.Count - from == 1 ? $"{noun} {path[from]} leads" : $"{noun}s {DisplayText.List(path.Skip(from), " → ")} lead";

    public static UnsupportedGraphException Unsupported(string where, string message) => new($"{where}: {message}");
}
