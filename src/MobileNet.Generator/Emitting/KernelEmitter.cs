using System;
using System.Linq;
using MobileNet.Generator.Binding;
using MobileNet.Generator.Planning;

namespace MobileNet.Generator.Emitting;

/// <summary>
/// Writes one method per layer with every shape a constant, so that the JIT and NativeAOT fold the
/// loop bounds and offsets. Activations are NHWC with the channel count rounded up to whole
/// <c>Vector128</c>s; the kernels use <c>Vector128</c> only, which is NEON on ARM64 and SSE/AVX on x64.
/// </summary>
internal static class KernelEmitter
{
    public static void Write(SourceWriter w, PlannedLayer layer)
    {
        GraphOp op = layer.Op;
        w.Line($"/// <summary>Layer {layer.Index}: {Describe(layer)}.</summary>");
        w.Open($"private static void {layer.MethodName}(ref float input, ref float output{(layer.Kernel == KernelKind.Bottleneck ? ", ref float scratch" : "")})");
        switch (layer.Kernel)
        {
            case KernelKind.Bottleneck: Bottleneck(w, layer); break;
            case KernelKind.ConvKxK: ConvKxK(w, layer, op); break;
            case KernelKind.Depthwise3x3: Depthwise3x3(w, layer, op); break;
            case KernelKind.Pointwise4x8: Pointwise4x8(w, layer, op); break;
            case KernelKind.GlobalAveragePool: GlobalAveragePool(w, layer, op); break;
            case KernelKind.Dense16: Dense16(w, layer, op); break;
            default: throw new InvalidOperationException($"{layer.Kernel} has no layer method");
        }
        w.Close();
    }

    public static string Describe(PlannedLayer layer)
    {
        GraphOp op = layer.Op;
        return layer.Kernel switch
        {
            KernelKind.ConvKxK or KernelKind.Depthwise3x3 or KernelKind.Pointwise4x8 =>
                $"{Kind(layer)}, stride {op.StrideH}, {op.Shape(false)} → {op.Shape(true)}"
                + (op.KernelH > 1 ? $", pads (top, left, bottom, right) = {op.Pads}" : "") + Activation(op),
            KernelKind.GlobalAveragePool => $"average pool, {op.Shape(false)} → 1×1×{op.OutC}",
            KernelKind.Bottleneck => BottleneckDescription(layer),
            KernelKind.Dense16 => $"classifier, {op.InC} → {op.OutC}{Activation(op)}",
            _ => $"softmax over {op.OutC} classes",
        };
    }

    public static string Kind(PlannedLayer layer) => layer.Kernel switch
    {
        KernelKind.ConvKxK => $"conv {layer.Op.KernelH}×{layer.Op.KernelW}",
        KernelKind.Depthwise3x3 => "depthwise 3×3",
        KernelKind.Pointwise4x8 => "pointwise 1×1",
        KernelKind.GlobalAveragePool => "average pool",
        KernelKind.Dense16 => "classifier",
        KernelKind.Bottleneck => "bottleneck",
        _ => "softmax",
    };

    private static string BottleneckDescription(PlannedLayer layer)
    {
        Bottleneck b = Block(layer);
        return $"inverted residual, {b.InH}×{b.InW}×{b.InC} → {b.Project.Shape(true)} through {b.Hidden} channels, depthwise stride {b.Depthwise.StrideH}, " +
            $"pads (top, left, bottom, right) = {b.Depthwise.Pads}{(b.Residual ? ", plus the input" : "")}";
    }

    private static Bottleneck Block(PlannedLayer layer) => layer.Block ?? throw new InvalidOperationException("not a bottleneck");

    internal static string Activation(GraphOp op) =>
        (op.ActivationMin, op.ActivationMax) switch
        {
            (0, 6) => ", ReLU6",
            (0, float.PositiveInfinity) => ", ReLU",
            (float.NegativeInfinity, float.PositiveInfinity) => "",
            var (lo, hi) => $", clamped to [{lo}, {hi}]",
        };

    /// <summary>Declares the clamp bounds an operation needs, if any, as <c>lo</c>/<c>hi</c> or <c>{prefix}Lo</c>/<c>{prefix}Hi</c>.</summary>
    private static void ActivationBounds(SourceWriter w, GraphOp op, string prefix = "", string vector = "Vector128")
    {
        if (!float.IsNegativeInfinity(op.ActivationMin))
            w.Line($"{vector}<float> {Bound(prefix, "lo", vector)} = {vector}.Create({SourceWriter.Float(op.ActivationMin)});");
        if (!float.IsPositiveInfinity(op.ActivationMax))
            w.Line($"{vector}<float> {Bound(prefix, "hi", vector)} = {vector}.Create({SourceWriter.Float(op.ActivationMax)});");
    }

    /// <summary>The expression that applies the operation's clamp to <paramref name="value"/>.</summary>
    private static string Activate(GraphOp op, string value, string prefix = "", string vector = "Vector128")
    {
        if (!float.IsNegativeInfinity(op.ActivationMin))
            value = $"{vector}.Max({value}, {Bound(prefix, "lo", vector)})";
        if (!float.IsPositiveInfinity(op.ActivationMax))
            value = $"{vector}.Min({value}, {Bound(prefix, "hi", vector)})";
        return value;
    }

    /// <summary>The local that holds a clamp bound: <c>lo</c>, <c>expandHi</c>, <c>lo256</c> for the 256-bit copy.</summary>
    private static string Bound(string prefix, string bound, string vector = "Vector128") =>
        (prefix.Length == 0 ? bound : prefix + char.ToUpperInvariant(bound[0]) + bound.Substring(1)) + (vector == "Vector256" ? "256" : "");

    private static string Weights(PlannedLayer layer, string local = "w", int set = 0) =>
        $"ref float {local} = ref FloatsOf({WeightsEmitter.ClassName}.{WeightsEmitter.FieldName(layer, layer.Weights[set])});";

    private static void ConvKxK(SourceWriter w, PlannedLayer layer, GraphOp op)
    {
        w.Line($"const int InH = {op.InH}, InW = {op.InW}, InC = {layer.InStride}, OutH = {op.OutH}, OutW = {op.OutW}, OutC = {layer.OutStride};");
        w.Line($"const int KernelH = {op.KernelH}, KernelW = {op.KernelW}, Stride = {op.StrideH}, PadTop = {op.Pads.Top}, PadLeft = {op.Pads.Left};");
        w.Line(Weights(layer));
        ActivationBounds(w, op);
        OpenOutputPixels(w, "OutC");
        // Every output channel of the pixel in its own accumulator (α ≤ 2 bounds the stem to 64 channels, 16 vectors):
        // the FMAs of one tap are independent, so the loop runs at FMA throughput, not latency.
        int vectors = layer.OutStride / 4;
        w.Line($"Vector128<float> {string.Join(", ", Enumerable.Range(0, vectors).Select(j => $"a{j} = Vector128.LoadUnsafe(ref w, {4 * j})"))};");
        OpenPaddedTaps(w, "KernelH", "KernelW");
        w.Line("ref float pixel = ref Unsafe.Add(ref input, (iy * InW + ix) * InC);");
        w.Line("ref float tap = ref Unsafe.Add(ref w, OutC * (1 + (ky * KernelW + kx) * InC));");
        w.Open("for (int ci = 0; ci < InC; ci++)");
        w.Line("Vector128<float> x = Vector128.Create(Unsafe.Add(ref pixel, ci));");
        w.Line("ref float row = ref Unsafe.Add(ref tap, ci * OutC);");
        for (int j = 0; j < vectors; j++)
            w.Line($"a{j} = Vector128.FusedMultiplyAdd(x, Vector128.LoadUnsafe(ref row, {4 * j}), a{j});");
        w.Close().Close().Close();
        for (int j = 0; j < vectors; j++)
            w.Line($"Vector128.StoreUnsafe({Activate(op, $"a{j}")}, ref o, {4 * j});");
        w.Close().Close();
    }

    private static void Depthwise3x3(SourceWriter w, PlannedLayer layer, GraphOp op)
    {
        int c = layer.OutStride;
        w.Line($"const int InH = {op.InH}, InW = {op.InW}, OutH = {op.OutH}, OutW = {op.OutW}, C = {c}, Stride = {op.StrideH}, PadTop = {op.Pads.Top}, PadLeft = {op.Pads.Left};");
        w.Line(Weights(layer));
        ActivationBounds(w, op);
        OpenOutputPixels(w, "C", rowLine: "bool rowInside = iy0 >= 0 && iy0 + 2 < InH;");
        w.Open("if (rowInside && ix0 >= 0 && ix0 + 2 < InW)");
        w.Line("// All nine taps inside the image: loads at constant offsets, no checks.");
        w.Line("ref float p = ref Unsafe.Add(ref input, (iy0 * InW + ix0) * C);");
        w.Open("for (int c = 0; c < C; c += 4)");
        w.Line("Vector128<float> acc = Vector128.LoadUnsafe(ref w, (nuint)c);");
        for (int ky = 0; ky < 3; ky++)
            for (int kx = 0; kx < 3; kx++)
                w.Line($"acc = Vector128.FusedMultiplyAdd(Vector128.LoadUnsafe(ref p, (nuint)(c + {(ky * op.InW + kx) * c})), Vector128.LoadUnsafe(ref w, (nuint)(c + {c * (1 + ky * 3 + kx)})), acc);");
        w.Line($"Vector128.StoreUnsafe({Activate(op, "acc")}, ref o, (nuint)c);");
        w.Close();
        w.Close();
        w.Open("else");
        w.Line("// On the border: skip the taps that fall in the zero padding.");
        w.Open("for (int c = 0; c < C; c += 4)");
        w.Line("Vector128<float> acc = Vector128.LoadUnsafe(ref w, (nuint)c);");
        OpenPaddedTaps(w, "3", "3");
        w.Line("acc = Vector128.FusedMultiplyAdd(Vector128.LoadUnsafe(ref input, (nuint)((iy * InW + ix) * C + c)), Vector128.LoadUnsafe(ref w, (nuint)(C * (1 + ky * 3 + kx) + c)), acc);");
        w.Close().Close();
        w.Line($"Vector128.StoreUnsafe({Activate(op, "acc")}, ref o, (nuint)c);");
        w.Close().Close().Close().Close();
    }

    /// <summary>Opens the loops over output rows and columns, with the input origin (iy0, ix0) and the output pixel <c>o</c>; the caller closes two blocks.</summary>
    private static void OpenOutputPixels(SourceWriter w, string channels, string? rowLine = null)
    {
        w.Open("for (int oy = 0; oy < OutH; oy++)");
        w.Line("int iy0 = oy * Stride - PadTop;");
        if (rowLine is not null)
            w.Line(rowLine);
        w.Open("for (int ox = 0; ox < OutW; ox++)");
        w.Line("int ix0 = ox * Stride - PadLeft;");
        w.Line($"ref float o = ref Unsafe.Add(ref output, (oy * OutW + ox) * {channels});");
    }

    /// <summary>Opens the loops over kernel taps, skipping those in the zero padding; the caller closes two blocks.</summary>
    private static void OpenPaddedTaps(SourceWriter w, string kernelH, string kernelW)
    {
        w.Open($"for (int ky = 0; ky < {kernelH}; ky++)");
        w.Line("int iy = iy0 + ky;");
        w.Line("if ((uint)iy >= InH) continue; // zero padding");
        w.Open($"for (int kx = 0; kx < {kernelW}; kx++)");
        w.Line("int ix = ix0 + kx;");
        w.Line("if ((uint)ix >= InW) continue;");
    }

    private static void Pointwise4x8(SourceWriter w, PlannedLayer layer, GraphOp op)
    {
        w.Line($"const int Pixels = {op.OutH * op.OutW};");
        w.Line(Weights(layer, "weights"));
        ActivationBounds(w, op);
        Gemm(w, ("Pixels", op.OutH * op.OutW), layer.InStride, layer.OutStride, "input", "output", "weights", op, "", residual: null);
    }

    /// <summary>
    /// A 1×1 convolution over <paramref name="pixels"/> consecutive pixels as a GEMM: blocks of 8 output
    /// channels (bias, then 8 weights per input channel), 4 pixels × 8 channels in 8 accumulators, the
    /// clamp fused into the store and, for a residual, the matching pixels of <paramref name="residual"/> added.
    /// Where 256-bit vectors are fast (x64 with AVX2) two blocks go at a time, 4 pixels × 16 channels: the
    /// same FMA order per lane, so the results are identical, and the JIT and NativeAOT drop that branch
    /// where <c>Vector256.IsHardwareAccelerated</c> is false (ARM64).
    /// </summary>
    private static void Gemm(SourceWriter w, (string Name, int Count) pixels, int inC, int outC, string input, string output, string weights, GraphOp op, string prefix, string? residual)
    {
        int blockLength = 8 * (1 + inC), fullBlocks = outC / 8;
        w.Line($"// {pixels.Count} pixels × {inC} → {outC} channels: blocks of 8 output channels (bias, then 8 weights per input channel), 4 pixels × 8 channels in 8 registers.");
        w.Scope();
        w.Line("int b = 0;");
        if (fullBlocks >= 2)
        {
            w.Open("if (Vector256.IsHardwareAccelerated)");
            ActivationBounds(w, op, prefix, "Vector256");
            w.Open($"for (; b + 2 <= {fullBlocks}; b += 2)");
            w.Line($"ref float wl = ref Unsafe.Add(ref {weights}, b * {blockLength});");
            w.Line($"ref float wh = ref Unsafe.Add(ref {weights}, b * {blockLength} + {blockLength});");
            Tile(w, new TileShape("Vector256", "wl", 0, "wh", 0, 8, GuardHigh: false), pixels, inC, outC, input, output, op, prefix, residual);
            w.Close().Close();
        }
        w.Open($"for (; b < {(outC + 7) / 8}; b++)");
        w.Line($"ref float w = ref Unsafe.Add(ref {weights}, b * {blockLength});");
        Tile(w, new TileShape("Vector128", "w", 0, "w", 4, 4, GuardHigh: outC % 8 != 0), pixels, inC, outC, input, output, op, prefix, residual);
        w.Close().Close();
    }

    /// <summary>How a GEMM tile holds its two halves: the vector type, where each half's weights start, where it stores, and whether the high half may be missing (a last block of 4 channels).</summary>
    private sealed record TileShape(string Vector, string Low, int LowAt, string High, int HighAt, int HighOut, bool GuardHigh);

    /// <summary>The body of one block (or pair of blocks): 4 pixels at a time, then the last pixels one at a time.</summary>
    private static void Tile(SourceWriter w, TileShape t, (string Name, int Count) pixels, int inC, int outC, string input, string output, GraphOp op, string prefix, string? residual)
    {
        string v = t.Vector;
        string Result(string acc, int offset, string row)
        {
            string value = residual is null ? acc : $"{acc} + {v}.LoadUnsafe(ref {residual}, (nuint)({row} * {outC} + co + {offset}))";
            return Activate(op, value, prefix, v);
        }
        string Store(string acc, int at, bool high, string row) =>
            $"{(high && t.GuardHigh ? "if (high) " : "")}{v}.StoreUnsafe({Result(acc, high ? t.HighOut : 0, row)}, ref o, {at});";

        w.Line("int co = b * 8;");
        if (t.GuardHigh)
            w.Line($"bool high = co + 4 < {outC}; // the last block may hold only 4 channels");
        w.Line($"{v}<float> bias0 = {v}.LoadUnsafe(ref {t.Low}{(t.LowAt == 0 ? "" : $", {t.LowAt}")}), bias1 = {v}.LoadUnsafe(ref {t.High}{(t.HighAt == 0 ? "" : $", {t.HighAt}")});");
        w.Line("int p = 0;");
        w.Open($"for (; p + 4 <= {pixels.Name}; p += 4)");
        w.Line($"ref float a = ref Unsafe.Add(ref {input}, p * {inC});");
        w.Line($"{v}<float> c00 = bias0, c01 = bias1, c10 = bias0, c11 = bias1, c20 = bias0, c21 = bias1, c30 = bias0, c31 = bias1;");
        w.Open($"for (int k = 0; k < {inC}; k++)");
        w.Line($"{v}<float> w0 = {v}.LoadUnsafe(ref {t.Low}, (nuint)({8 + t.LowAt} + 8 * k)), w1 = {v}.LoadUnsafe(ref {t.High}, (nuint)({8 + t.HighAt} + 8 * k));");
        for (int r = 0; r < 4; r++)
        {
            w.Line($"{v}<float> x{r} = {v}.Create(Unsafe.Add(ref a, {(r == 0 ? "" : $"{r * inC} + ")}k));");
            w.Line($"c{r}0 = {v}.FusedMultiplyAdd(x{r}, w0, c{r}0); c{r}1 = {v}.FusedMultiplyAdd(x{r}, w1, c{r}1);");
        }
        w.Close();
        w.Line($"ref float o = ref Unsafe.Add(ref {output}, p * {outC} + co);");
        for (int r = 0; r < 4; r++)
        {
            w.Line(Store($"c{r}0", r * outC, high: false, $"(p + {r})"));
            w.Line(Store($"c{r}1", r * outC + t.HighOut, high: true, $"(p + {r})"));
        }
        w.Close();
        if (pixels.Count % 4 == 0)
            return;
        w.Open($"for (; p < {pixels.Name}; p++) // the last pixels, one at a time");
        w.Line($"ref float a = ref Unsafe.Add(ref {input}, p * {inC});");
        w.Line($"{v}<float> c0 = bias0, c1 = bias1;");
        w.Open($"for (int k = 0; k < {inC}; k++)");
        w.Line($"{v}<float> x = {v}.Create(Unsafe.Add(ref a, k));");
        w.Line($"c0 = {v}.FusedMultiplyAdd(x, {v}.LoadUnsafe(ref {t.Low}, (nuint)({8 + t.LowAt} + 8 * k)), c0);");
        w.Line($"c1 = {v}.FusedMultiplyAdd(x, {v}.LoadUnsafe(ref {t.High}, (nuint)({8 + t.HighAt} + 8 * k)), c1);");
        w.Close();
        w.Line($"ref float o = ref Unsafe.Add(ref {output}, p * {outC} + co);");
        w.Line(Store("c0", 0, high: false, "p"));
        w.Line(Store("c1", t.HighOut, high: true, "p"));
        w.Close();
    }

    private static void Bottleneck(SourceWriter w, PlannedLayer layer)
    {
        Bottleneck block = Block(layer);
        GraphOp dw = block.Depthwise;
        int hidden = layer.HiddenStride, row = block.InW * hidden;
        bool expand = block.Expand is not null;
        w.Line($"const int InH = {block.InH}, InW = {block.InW}, InC = {layer.InStride}, Hidden = {hidden}, OutH = {dw.OutH}, OutW = {dw.OutW}, OutC = {layer.OutStride};");
        w.Line($"const int Stride = {dw.StrideH}, PadTop = {dw.Pads.Top}, PadLeft = {dw.Pads.Left}, Row = InW * Hidden;");
        int set = 0;
        if (expand)
            w.Line(Weights(layer, "expandWeights", set++));
        w.Line(Weights(layer, "dwWeights", set++));
        w.Line(Weights(layer, "projectWeights", set));
        if (expand)
            ActivationBounds(w, block.Expand!, "expand");
        ActivationBounds(w, dw, "dw");
        ActivationBounds(w, block.Project, "project");
        if (expand)
            w.Line("ref float ring = ref scratch; // three expanded input rows, row iy in slot iy % 3");
        w.Line($"ref float zero = ref Unsafe.Add(ref scratch, {(expand ? 3 * row : 0)}); // the zero padding above and below the image");
        w.Line($"ref float filtered = ref Unsafe.Add(ref scratch, {(expand ? 4 * row : row)}); // one depthwise output row");
        w.Line("MemoryMarshal.CreateSpan(ref zero, Row).Clear();");
        if (expand)
            w.Line("int expanded = 0;");
        w.Open("for (int oy = 0; oy < OutH; oy++)");
        w.Line("int iy0 = oy * Stride - PadTop;");
        if (expand)
        {
            w.Open("for (; expanded <= Math.Min(iy0 + 2, InH - 1); expanded++)");
            w.Line("ref float source = ref Unsafe.Add(ref input, expanded * InW * InC);");
            w.Line("ref float slot = ref Unsafe.Add(ref ring, expanded % 3 * Row);");
            Gemm(w, ("InW", block.InW), layer.InStride, hidden, "source", "slot", "expandWeights", block.Expand!, "expand", residual: null);
            w.Close();
        }
        // Without an expansion the depthwise reads the input rows themselves (then Hidden = InC).
        string Source(int ky) => expand ? $"Unsafe.Add(ref ring, (iy0 + {ky}) % 3 * Row)" : $"Unsafe.Add(ref input, (iy0 + {ky}) * InW * InC)";
        for (int ky = 0; ky < 3; ky++)
            w.Line($"ref float r{ky} = ref (uint)(iy0 + {ky}) < InH ? ref {Source(ky)} : ref zero;");
        w.Open("for (int ox = 0; ox < OutW; ox++)");
        w.Line("int ix0 = ox * Stride - PadLeft;");
        w.Line("ref float d = ref Unsafe.Add(ref filtered, ox * Hidden);");
        w.Line("bool inside = ix0 >= 0 && ix0 + 2 < InW;");
        w.Open("for (int c = 0; c < Hidden; c += 4)");
        w.Line("Vector128<float> acc = Vector128.LoadUnsafe(ref dwWeights, (nuint)c);");
        w.Open("if (inside)");
        for (int ky = 0; ky < 3; ky++)
            for (int kx = 0; kx < 3; kx++)
                w.Line($"acc = Vector128.FusedMultiplyAdd(Vector128.LoadUnsafe(ref r{ky}, (nuint)((ix0 + {kx}) * Hidden + c)), Vector128.LoadUnsafe(ref dwWeights, (nuint)(c + {hidden * (1 + ky * 3 + kx)})), acc);");
        w.Close();
        w.Open("else");
        w.Open("for (int kx = 0; kx < 3; kx++)");
        w.Line("int ix = ix0 + kx;");
        w.Line("if ((uint)ix >= InW) continue; // zero padding left and right");
        for (int ky = 0; ky < 3; ky++)
            w.Line($"acc = Vector128.FusedMultiplyAdd(Vector128.LoadUnsafe(ref r{ky}, (nuint)(ix * Hidden + c)), Vector128.LoadUnsafe(ref dwWeights, (nuint)(c + Hidden * (1 + {ky * 3} + kx))), acc);");
        w.Close().Close();
        w.Line($"Vector128.StoreUnsafe({Activate(dw, "acc", "dw")}, ref d, (nuint)c);");
        w.Close().Close();
        w.Line("ref float target = ref Unsafe.Add(ref output, oy * OutW * OutC);");
        if (block.Residual)
            w.Line("ref float skip = ref Unsafe.Add(ref input, oy * InW * InC); // stride 1, same width: the input row under this output row");
        Gemm(w, ("OutW", dw.OutW), hidden, layer.OutStride, "filtered", "target", "projectWeights", block.Project, "project", block.Residual ? "skip" : null);
        w.Close();
    }

    private static void GlobalAveragePool(SourceWriter w, PlannedLayer layer, GraphOp op)
    {
        w.Line($"const int Pixels = {op.InH * op.InW}, C = {layer.InStride};");
        w.Line("Vector128<float> scale = Vector128.Create(1f / Pixels);");
        w.Open("for (int c = 0; c < C; c += 4)");
        w.Line("Vector128<float> sum = Vector128<float>.Zero;");
        w.Line("for (int p = 0; p < Pixels; p++)");
        w.Line("    sum += Vector128.LoadUnsafe(ref input, (nuint)(p * C + c));");
        w.Line("Vector128.StoreUnsafe(sum * scale, ref output, (nuint)c);");
        w.Close();
    }

    private static void Dense16(SourceWriter w, PlannedLayer layer, GraphOp op)
    {
        w.Line($"const int InC = {layer.InStride}, Blocks = {(op.OutC + 15) / 16}, BlockLength = 16 * (1 + InC);");
        w.Line(Weights(layer, "weights"));
        ActivationBounds(w, op);
        w.Line("// Blocks of 16 outputs in four independent accumulators, so that the FMA chains overlap.");
        w.Open("for (int b = 0; b < Blocks; b++)");
        w.Line("ref float w = ref Unsafe.Add(ref weights, b * BlockLength);");
        w.Line("Vector128<float> c0 = Vector128.LoadUnsafe(ref w), c1 = Vector128.LoadUnsafe(ref w, 4), c2 = Vector128.LoadUnsafe(ref w, 8), c3 = Vector128.LoadUnsafe(ref w, 12);");
        w.Open("for (int k = 0; k < InC; k++)");
        w.Line("Vector128<float> x = Vector128.Create(Unsafe.Add(ref input, k));");
        w.Line("nuint at = (nuint)(16 + 16 * k);");
        for (int j = 0; j < 4; j++)
            w.Line($"c{j} = Vector128.FusedMultiplyAdd(x, Vector128.LoadUnsafe(ref w, at{(j == 0 ? "" : $" + {4 * j}")}), c{j});");
        w.Close();
        w.Line("ref float o = ref Unsafe.Add(ref output, b * 16);");
        for (int j = 0; j < 4; j++)
            w.Line($"Vector128.StoreUnsafe({Activate(op, $"c{j}")}, ref o, {4 * j});");
        w.Close();
    }
}
