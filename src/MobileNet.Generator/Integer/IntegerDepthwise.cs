using System;
using System.Collections.Generic;
using System.Linq;
using MobileNet.Generator.Emitting;
using MobileNet.Generator.Kernels;

namespace MobileNet.Generator.Integer;

/// <summary>
/// The packed data of an 8-bit direct convolution (a depthwise one of multiplier 1, or the stem over the
/// image's few channels): the int32 biases, the float scales where per channel, and the weights as 16-bit
/// (w − zw), one row of output channels per tap (depthwise) or per tap and input channel (the stem), each
/// row padded to whole blocks of 16: a row's weights for 16 outputs are one or two vector loads, ready to
/// multiply without a widening or a zero point.
/// </summary>
/// <param name="Channels">Output channels.</param>
/// <param name="Taps">Window positions (KernelH × KernelW).</param>
/// <param name="Inputs">Input channels each output reads at a tap: 1 for a depthwise convolution.</param>
/// <param name="Pairs">
/// For a depthwise convolution on x64: the taps also in pairs for PMADDWD, which multiplies two taps' inputs,
/// interleaved, by their two weights and adds the products. Pair p holds taps 2p and 2p + 1 (the last one
/// alone, beside zeros), per block of 16 channels as two vectors in the order AVX2's unpacking interleaves
/// two 16-channel inputs: channels 0–3 and 8–11, then 4–7 and 12–15.
/// </param>
/// <remarks>
/// A depthwise convolution also has the biases of the pixels whose whole window is inside the input, with
/// −zx·Σw folded in, so that those pixels multiply the raw codes.
/// </remarks>
internal sealed record IntegerDepthwiseLayout(int Channels, int Taps, bool PerChannelScales, int Inputs = 1, bool Pairs = false)
{
    public const int Block = 16;

    public int Padded => (Channels + Block - 1) / Block * Block;
    public int ScaleOffset => Padded * sizeof(int);
    public int WeightOffset => ScaleOffset + (PerChannelScales ? Padded * sizeof(float) : 0);
    public int InteriorBiasOffset => WeightOffset + Taps * Inputs * Padded * sizeof(short);
    public int PairOffset => InteriorBiasOffset + (Inputs == 1 ? Padded * sizeof(int) : 0);
    public int PairCount => (Taps + 1) / 2;
    /// <summary>Bytes of one block's pairs: two vectors of 16 shorts per pair.</summary>
    public int PairBlockBytes => PairCount * 2 * Block * sizeof(short);
    public int Bytes => PairOffset + (Pairs ? Padded / Block * PairBlockBytes : 0);

    /// <summary>Where, among a block's 32 shorts of pair <c>p</c>, channel <paramref name="c"/> (0–15) of the pair's first tap goes (its second tap follows).</summary>
    public static int PairSlot(int c) => (c / 4 % 2) * Block + (c / 8) * 8 + c % 4 * 2;

    /// <summary>The row of tap <paramref name="t"/> and input channel <paramref name="i"/>.</summary>
    public int Row(int t, int i) => t * Inputs + i;

    /// <param name="weights">OIHW, [C][Inputs][taps], as stored.</param>
    public byte[] Pack(int[] weights, int[] bias, float[] scales, int inputZeroPoint, int weightZeroPoint)
    {
        var data = new byte[Bytes];
        Buffer.BlockCopy(bias, 0, data, 0, Channels * sizeof(int));
        if (PerChannelScales)
            Buffer.BlockCopy(scales, 0, data, ScaleOffset, Channels * sizeof(float));
        var taps = new short[Taps * Inputs * Padded];
        for (int c = 0; c < Channels; c++)
            for (int i = 0; i < Inputs; i++)
                for (int t = 0; t < Taps; t++)
                    taps[Row(t, i) * Padded + c] = checked((short)(weights[(c * Inputs + i) * Taps + t] - weightZeroPoint));
        Buffer.BlockCopy(taps, 0, data, WeightOffset, taps.Length * sizeof(short));
        if (Inputs == 1)
        {
            var interior = new int[Channels];
            for (int c = 0; c < Channels; c++)
            {
                long sum = 0;
                for (int t = 0; t < Taps; t++)
                    sum += taps[t * Padded + c];
                interior[c] = unchecked((int)(bias[c] - inputZeroPoint * sum));
            }
            Buffer.BlockCopy(interior, 0, data, InteriorBiasOffset, Channels * sizeof(int));
        }
        if (Pairs)
        {
            var pairs = new short[Padded / Block * PairCount * 2 * Block];
            for (int c = 0; c < Channels; c++)
                for (int t = 0; t < Taps; t++)
                    pairs[(c / Block * PairCount + t / 2) * 2 * Block + PairSlot(c % Block) + t % 2] = taps[t * Padded + c];
            Buffer.BlockCopy(pairs, 0, data, PairOffset, pairs.Length * sizeof(short));
        }
        return data;
    }
}

/// <summary>A run of output columns whose windows have the same columns inside the input: outputs [First, End), window columns [KxFirst, KxEnd).</summary>
internal readonly record struct ColumnRun(int First, int End, int KxFirst, int KxEnd);

/// <summary>
/// How a depthwise layer walks its map: row by row (so that a streamed layer before it can make its input
/// rows as they are needed), each row 16 channels at a time, in runs of columns with the same window
/// columns inside the input (a border column, the interior, the other border). A window's columns in the padding
/// take the input's zero point as their value, and its rows in the padding read a row of zero points in
/// scratch, so every pixel starts from the interior biases (−zx·Σw folded in) and multiplies raw codes.
/// </summary>
/// <param name="Columns">The runs of one output row, left to right.</param>
/// <param name="PaddedRows">For each window row (ky), whether some output row finds it outside the input.</param>
internal sealed record IntegerDepthwiseSchedule(IReadOnlyList<ColumnRun> Columns, IReadOnlyList<bool> PaddedRows, int InW, int C)
{
    private const int Block = IntegerDepthwiseLayout.Block;

    /// <summary>Whether the vector branches take the layer: whole blocks of 16 channels, or a last block of 8 of which half a vector is stored. Other channel counts take the scalar code.</summary>
    public bool Vectorized => C % (Block / 2) == 0;
    public int Blocks => (C + Block - 1) / Block;
    /// <summary>Whether the last block holds 8 channels.</summary>
    public bool HalfBlock => C % Block != 0;

    /// <summary>Bytes of scratch: the row of zero points a window's rows in the padding read, with room for a 16-byte load at its last pixel's last block.</summary>
    public int ScratchLength => PaddedRows.Contains(true) ? InW * C + IntegerPlanner.OverRead : 0;

    public static IntegerDepthwiseSchedule For(Planning.PlannedOp op)
    {
        var runs = new List<ColumnRun>();
        for (int ox = 0; ox < op.OutW; ox++)
        {
            int x0 = ox * op.Stride - op.Pads.Left, kx0 = Math.Max(0, -x0), kx1 = Math.Min(op.KernelW, op.InW - x0);
            if (runs.Count > 0 && runs[runs.Count - 1] is var last && last.KxFirst == kx0 && last.KxEnd == kx1)
                runs[runs.Count - 1] = last with { End = ox + 1 };
            else
                runs.Add(new ColumnRun(ox, ox + 1, kx0, kx1));
        }
        bool[] padded = Enumerable.Range(0, op.KernelH).Select(ky => Enumerable.Range(0, op.OutH)
            .Any(oy => oy * op.Stride - op.Pads.Top + ky is var y && (y < 0 || y >= op.InH))).ToArray();
        return new IntegerDepthwiseSchedule(runs, padded, op.InW, op.InC);
    }
}

/// <summary>
/// Writes an integer direct convolution. A depthwise one (<see cref="IntegerDepthwiseSchedule"/>): per block of
/// 16 channels, each pixel's taps multiplied in 16 bits and summed in 32 onto the interior biases (ARM:
/// SMLAL2/SMLAL per tap; x64 AVX2: PMADDWD on two taps' inputs interleaved), then
/// requantised by <c>IntegerMath.Requantize16</c>. A dense one (a greyscale stem): per pixel, the taps inside
/// the input, one input channel broadcast against 16 outputs' weights.
/// </summary>
internal static class IntegerDepthwiseKernel
{
    private const int Block = IntegerDepthwiseLayout.Block;

    public static void Write(SourceWriter w, IntegerLayer layer, IntegerDepthwiseLayout d, IReadOnlyList<IntegerGemmBranch> branches, IntegerLayer? producer)
    {
        if (layer.DepthwiseSchedule is { } schedule)
            Depthwise(w, layer, d, schedule, branches, producer);
        else
            Dense(w, layer, d, branches);
    }

    /// <summary>
    /// Row by row: the rows of a streamed <paramref name="producer"/> the row's windows reach, then the row, in
    /// blocks of 16 channels on ARM64 and AVX2, else one channel at a time. A window's rows in the padding read a
    /// row of the input's zero point, which adds nothing.
    /// </summary>
    private static void Depthwise(SourceWriter w, IntegerLayer layer, IntegerDepthwiseLayout d, IntegerDepthwiseSchedule schedule, IReadOnlyList<IntegerGemmBranch> branches,
        IntegerLayer? producer)
    {
        Planning.PlannedOp op = layer.Operation;
        // A split layer's rows come from its caller.
        w.Line($"const int InH = {op.InH}, InW = {op.InW}, C = {op.InC}, {(layer.Split.Split ? "" : $"OutH = {op.OutH}, ")}OutW = {op.OutW}, {(producer is null ? "" : $"KernelH = {op.KernelH}, ")}KernelW = {op.KernelW}, Stride = {op.Stride}, PadTop = {op.Pads.Top}, PadLeft = {op.Pads.Left};");
        w.Line($"const int InputZeroPoint = {layer.Input.ZeroPoint}, OutputZeroPoint = {layer.Output.ZeroPoint}, OutputMin = {layer.OutputMin}, OutputMax = {layer.OutputMax};");
        if (producer?.Ring is { } ring)
            w.Line($"const int RingRows = {ring.Rows}, Slot = {ring.Slot}; // layer {producer.Index}'s output row y is in slot y % RingRows of input");
        IntegerKernels.Biases(w, layer, d.PerChannelScales, d.ScaleOffset);
        w.Line($"ref short taps = ref Unsafe.As<byte, short>(ref Unsafe.Add(ref data, {d.WeightOffset}));");
        bool arm = schedule.Vectorized && branches.Any(b => b != IntegerGemmBranch.Avx2), x64 = schedule.Vectorized && d.Pairs;
        if (arm || x64)
            w.Line($"ref int interior = ref Unsafe.As<byte, int>(ref Unsafe.Add(ref data, {d.InteriorBiasOffset}));");
        if (x64)
            w.Line($"ref short pairs = ref Unsafe.As<byte, short>(ref Unsafe.Add(ref data, {d.PairOffset}));");
        if (schedule.ScratchLength > 0)
        {
            w.Line("// The window's rows in the padding read a row of the input's zero point.");
            w.Line($"Unsafe.InitBlockUnaligned(ref scratch, {(layer.Input.ZeroPoint < 0 ? "unchecked((byte)InputZeroPoint)" : "InputZeroPoint")}, InW * C);");
        }
        bool split = layer.Split.Split;
        if (producer is not null)
            w.Line(split ? $"int made = Math.Max(0, from * Stride - PadTop); // rows of layer {producer.Index} made so far: from the first this part's windows reach"
                         : $"int made = 0; // rows of layer {producer.Index} made so far");
        w.Open(split ? "for (int oy = from; oy < to; oy++)" : "for (int oy = 0; oy < OutH; oy++)");
        w.Line("int y0 = oy * Stride - PadTop;");
        if (producer is not null)
        {
            w.Line($"// Layer {producer.Index}'s rows that this row's windows reach and it has not made yet.");
            w.Line("for (; made <= Math.Min(y0 + KernelH - 1, InH - 1); made++)");
            w.Line($"    {producer.MethodName}(ref source, ref input{(producer.ScratchLength > 0 ? ", ref sourceScratch" : "")}, made);");
        }
        for (int ky = 0; ky < op.KernelH; ky++)
        {
            string y = ky == 0 ? "y0" : $"(y0 + {ky})";
            string row = producer is null ? $"Unsafe.Add(ref input, {y} * InW * C)" : $"Unsafe.Add(ref input, {y} % RingRows * Slot)";
            w.Line(schedule.PaddedRows[ky] ? $"ref byte r{ky} = ref (uint){y} < InH ? ref {row} : ref scratch;" : $"ref byte r{ky} = ref {row};");
        }
        w.Line("ref byte o = ref Unsafe.Add(ref output, oy * OutW * C);");
        if (arm)
        {
            w.Open("if (AdvSimd.IsSupported)");
            w.Line("Vector128<short> zx = Vector128.Create((short)InputZeroPoint);");
            if (!d.PerChannelScales)
                w.Line("Vector128<float> scale = Vector128.Create(Scale);");
            Blocks(w, layer, d, schedule, arm: true);
            w.Close();
        }
        if (x64)
        {
            w.Open($"{(arm ? "else if" : "if")} (Avx2.IsSupported)");
            w.Line("Vector256<short> zx = Vector256.Create((short)InputZeroPoint);");
            w.Line("Vector256<int> zeroPoint = Vector256.Create(OutputZeroPoint);");
            w.Line("Vector256<float> min = Vector256.Create((float)(OutputMin - OutputZeroPoint)), max = Vector256.Create((float)(OutputMax - OutputZeroPoint));");
            if (!d.PerChannelScales)
                w.Line("Vector256<float> scale = Vector256.Create(Scale);");
            Blocks(w, layer, d, schedule, arm: false);
            w.Close();
        }
        if (arm || x64)
            w.Open("else").Line("// Other CPUs: one channel at a time.");
        else
            w.Scope().Line("// One channel at a time.");
        ScalarRow(w, layer, d);
        w.Close();
        w.Close();
    }

    /// <summary>
    /// Output row <c>oy</c> (its window rows <c>r0</c> … and its output <c>o</c>) in blocks of 16 channels: the
    /// block's constants, then the row's column runs.
    /// </summary>
    private static void Blocks(SourceWriter w, IntegerLayer layer, IntegerDepthwiseLayout d, IntegerDepthwiseSchedule schedule, bool arm)
    {
        Planning.PlannedOp op = layer.Operation;
        int blocks = schedule.Blocks;
        bool half = schedule.HalfBlock;
        // One block is written without its channel offset c (which would be 0), on the row's own references.
        bool one = blocks == 1;
        string At(string name, int offset) => one ? Rendering.At(name, Rendering.Constant(offset)) : $"Unsafe.Add(ref {name}, {Rendering.Plus("c", Rendering.Constant(offset))})";
        string Lanes(string type, string name, int offset) => one ? $"{type}.LoadUnsafe(ref {name}{Rendering.Offset(offset)})" : $"{type}.LoadUnsafe(ref {name}, (nuint)c{(offset == 0 ? "" : $" + {offset}")})";
        string Quarters(string prefix, string name) => string.Join(", ", Enumerable.Range(0, 4).Select(j => $"{prefix}{j} = {Lanes("Vector128", name, j * 4)}"));
        string rows = one ? "r" : "rc", output = one ? "o" : "oc";
        if (one)
        {
            w.Scope();
            w.Line($"// Channels 0 … {d.Channels - 1}: one block{(half ? ", half of it stored" : "")}.");
        }
        else
        {
            w.Open($"for (int c = 0; c < C; c += {Block})");
            w.Line($"ref byte {string.Join(", ", Enumerable.Range(0, op.KernelH).Select(ky => $"rc{ky} = ref Unsafe.Add(ref r{ky}, c)"))}, oc = ref Unsafe.Add(ref o, c);");
        }
        w.Line(arm ? "// The block's taps and biases (loaded at each pixel) and scales." : "// The block's biases and scales, in the order PMADDWD's unpacked inputs leave the sums: channels 0–3 and 8–11, then 4–7 and 12–15.");
        if (arm)
        {
            w.Line($"ref short t = ref {At("taps", 0)};");
            w.Line($"ref int b = ref {At("interior", 0)};");
            if (d.PerChannelScales)
                w.Line($"Vector128<float> {Quarters("s", "scales")};");
        }
        else
        {
            if (!one)
                w.Line($"ref short pair = ref Unsafe.Add(ref pairs, c / {Block} * {d.PairBlockBytes / sizeof(short)});");
            string Halves(string name, int first) => $"Vector256.Create({Lanes("Vector128", name, first)}, {Lanes("Vector128", name, first + 8)})";
            w.Line($"Vector256<int> b0 = {Halves("interior", 0)}, b1 = {Halves("interior", 4)};");
            if (d.PerChannelScales)
                w.Line($"Vector256<float> s0 = {Halves("scales", 0)}, s1 = {Halves("scales", 4)};");
        }
        foreach (ColumnRun run in schedule.Columns)
        {
            int x0 = run.First * op.Stride - op.Pads.Left;
            bool inside(int kx) => kx >= run.KxFirst && kx < run.KxEnd;
            if (run.End - run.First == 1)
            {
                w.Line($"// Column {run.First}{Border(run, op)}.");
                w.Scope();
                Pixel(w, layer, d, arm, one ? "pairs" : "pair", (ky, kx) => inside(kx) ? Load($"{rows}{ky}", (x0 + kx) * op.InC) : null, Rendering.At(output, Rendering.Constant(run.First * op.InC)), half, blocks);
                w.Close();
                continue;
            }
            w.Line($"// Columns {run.First} … {run.End - 1}{Border(run, op)}: windows at a stride of {op.Stride * op.InC} bytes.");
            int firstInside = x0 + run.KxFirst;
            for (int ky = 0; ky < op.KernelH && run.KxEnd > run.KxFirst; ky++)
                w.Line($"ref byte w{ky} = ref {Rendering.At($"{rows}{ky}", Rendering.Constant(firstInside * op.InC))};");
            w.Line($"ref byte p = ref {Rendering.At(output, Rendering.Constant(run.First * op.InC))};");
            w.Open($"for (int ox = {run.First}; ox < {run.End}; ox++)");
            Pixel(w, layer, d, arm, one ? "pairs" : "pair", (ky, kx) => inside(kx) ? Load($"w{ky}", (kx - run.KxFirst) * op.InC) : null, "p", half, blocks);
            for (int ky = 0; ky < op.KernelH && run.KxEnd > run.KxFirst; ky++)
                w.Line($"w{ky} = ref Unsafe.Add(ref w{ky}, Stride * C);");
            w.Line("p = ref Unsafe.Add(ref p, C);");
            w.Close();
        }
        w.Close();
    }

    private static string Load(string window, int offset) => offset == 0 ? $"Vector128.LoadUnsafe(ref {window})" : $"Vector128.LoadUnsafe(ref {window}, {offset})";

    private static string Border(ColumnRun run, Planning.PlannedOp op) =>
        run.KxFirst == 0 && run.KxEnd == op.KernelW ? ""
        : $" (on the border: window column{(run.KxEnd - run.KxFirst == op.KernelW - 1 ? "" : "s")} {string.Join(", ", Enumerable.Range(0, op.KernelW).Where(kx => kx < run.KxFirst || kx >= run.KxEnd))} in the padding)";

    /// <summary>
    /// One pixel of the block: every tap onto the interior biases, the input of a tap in the padding being the
    /// zero point (<c>zx</c>); then requantised and stored at <paramref name="target"/>.
    /// </summary>
    private static void Pixel(SourceWriter w, IntegerLayer layer, IntegerDepthwiseLayout d, bool arm, string pair, Func<int, int, string?> tap, string target, bool half, int blocks)
    {
        Planning.PlannedOp op = layer.Operation;
        bool signed = layer.Input.Signed;
        string? Source(int t) => t < d.Taps ? tap(t / op.KernelW, t % op.KernelW) is { } load ? (signed ? $"{load}.AsSByte()" : load) : null : null;
        string requantize = layer.Output.Signed ? "global::MobileNet.IntegerMath.Requantize16Signed" : "global::MobileNet.IntegerMath.Requantize16";
        string codes;
        if (arm)
        {
            w.Line("// The sums start from the interior biases, loaded here (two LDP) rather than held in registers and copied.");
            w.Line("Vector128<int> a0 = Vector128.LoadUnsafe(ref b), a1 = Vector128.LoadUnsafe(ref b, 4), a2 = Vector128.LoadUnsafe(ref b, 8), a3 = Vector128.LoadUnsafe(ref b, 12);");
            // Each tap's 16 weights loaded here (one LDP): held in registers beside the biases and scales they
            // would need more than ARM64's 32. The upper halves are multiplied first, so that taking the lower
            // halves is the last use of each vector, which costs no copy (so is the input's widening: upper half first).
            for (int t = 0; t < d.Taps; t++)
            {
                string weights = $"Vector128<short> tl = Vector128.LoadUnsafe(ref t{Rendering.Offset(t * d.Padded)}), th = Vector128.LoadUnsafe(ref t, {t * d.Padded + 8}); ";
                string multiply = weights + "a1 = AdvSimd.MultiplyWideningUpperAndAdd(a1, l, tl); a0 = AdvSimd.MultiplyWideningLowerAndAdd(a0, l.GetLower(), tl.GetLower()); " +
                                  "a3 = AdvSimd.MultiplyWideningUpperAndAdd(a3, h, th); a2 = AdvSimd.MultiplyWideningLowerAndAdd(a2, h.GetLower(), th.GetLower());";
                string widen = signed ? "" : ".AsInt16()";
                w.Line(Source(t) is { } load
                    ? $"{{ Vector128<{(signed ? "sbyte" : "byte")}> v = {load}; Vector128<short> h = Vector128.WidenUpper(v){widen}, l = Vector128.WidenLower(v){widen}; {multiply} }}"
                    : $"{{ Vector128<short> l = zx, h = zx; {multiply} }} // in the padding");
            }
            string s = d.PerChannelScales ? "s0, s1, s2, s3" : "scale, scale, scale, scale";
            codes = $"{requantize}(a0, a1, a2, a3, {s}, OutputZeroPoint, OutputMin, OutputMax)";
        }
        else
        {
            w.Line("Vector256<int> e0 = b0, e1 = b1;");
            string Widen(int t) => t >= d.Taps ? "Vector256<short>.Zero" : Source(t) is { } load ? $"Avx2.ConvertToVector256Int16({load})" : "zx";
            for (int p = 0; p < d.PairCount; p++)
                w.Line($"{{ Vector256<short> u = {Widen(2 * p)}, v = {Widen(2 * p + 1)}; " +
                       $"e0 += Avx2.MultiplyAddAdjacent(Avx2.UnpackLow(u, v), Vector256.LoadUnsafe(ref {pair}{Rendering.Offset(p * 2 * Block)})); " +
                       $"e1 += Avx2.MultiplyAddAdjacent(Avx2.UnpackHigh(u, v), Vector256.LoadUnsafe(ref {pair}, {p * 2 * Block + Block})); }}");
            string s = d.PerChannelScales ? "s0, s1" : "scale, scale";
            codes = $"{requantize}(e0, e1, {s}, min, max, zeroPoint)";
        }
        string bytes = layer.Output.Signed ? $"{codes}.AsByte()" : codes;
        if (!half)
            w.Line($"{bytes}.StoreUnsafe(ref {target});");
        else if (blocks == 1)
            w.Line($"Unsafe.WriteUnaligned(ref {target}, {bytes}.AsUInt64().ToScalar()); // channels 0 … 7");
        else
        {
            w.Line($"Vector128<byte> y = {bytes};");
            w.Line($"if (c + {Block} <= C) y.StoreUnsafe(ref {target}); else Unsafe.WriteUnaligned(ref {target}, y.AsUInt64().ToScalar()); // the last block: 8 channels");
        }
    }

    /// <summary>
    /// A dense convolution (a greyscale stem): per pixel, the taps inside the input, each input channel's
    /// (x − zx) broadcast against 16 output channels' weights (ARM: SMLAL/SMLAL2; x64 AVX2: the products'
    /// halves interleaved back into 32 bits).
    /// </summary>
    private static void Dense(SourceWriter w, IntegerLayer layer, IntegerDepthwiseLayout d, IReadOnlyList<IntegerGemmBranch> branches)
    {
        Planning.PlannedOp op = layer.Operation;
        w.Line($"const int InH = {op.InH}, InW = {op.InW}, InC = {op.InC}, C = {op.OutC}, OutH = {op.OutH}, OutW = {op.OutW}, KernelH = {op.KernelH}, KernelW = {op.KernelW}, Stride = {op.Stride}, PadTop = {op.Pads.Top}, PadLeft = {op.Pads.Left};");
        w.Line($"const int InputZeroPoint = {layer.Input.ZeroPoint}, OutputZeroPoint = {layer.Output.ZeroPoint}, OutputMin = {layer.OutputMin}, OutputMax = {layer.OutputMax};");
        IntegerKernels.Biases(w, layer, d.PerChannelScales, d.ScaleOffset);
        w.Line($"ref short taps = ref Unsafe.As<byte, short>(ref Unsafe.Add(ref data, {d.WeightOffset}));");
        string x = layer.Input.Signed ? "sbyte" : "byte";
        w.Line(x == "byte" ? "ref byte xs = ref input;" : "ref sbyte xs = ref Unsafe.As<byte, sbyte>(ref input);");
        int vectorized = d.Channels / Block * Block;
        w.Open("for (int oy = 0; oy < OutH; oy++)");
        w.Line("// The window's rows and columns inside the input.");
        w.Line("int y0 = oy * Stride - PadTop, ky0 = Math.Max(0, -y0), ky1 = Math.Min(KernelH, InH - y0);");
        w.Open("for (int ox = 0; ox < OutW; ox++)");
        w.Line("int x0 = ox * Stride - PadLeft, kx0 = Math.Max(0, -x0), kx1 = Math.Min(KernelW, InW - x0);");
        w.Line("int corner = y0 * InW + x0; // the window's top-left pixel, which may lie in the padding");
        w.Line("ref byte target = ref Unsafe.Add(ref output, (oy * OutW + ox) * C);");
        string requantize = layer.Output.Signed ? "global::MobileNet.IntegerMath.Requantize16Signed" : "global::MobileNet.IntegerMath.Requantize16";
        string bytes = layer.Output.Signed ? ".AsByte()" : "";
        if (vectorized > 0)
        {
            w.Line("int c = 0;");
            bool first = true;
            foreach (bool arm in new[] { true, false }.Where(a => a ? branches.Any(b => b != IntegerGemmBranch.Avx2) : branches.Contains(IntegerGemmBranch.Avx2)))
            {
                w.Open($"{(first ? "if" : "else if")} ({(arm ? "AdvSimd.IsSupported" : "Avx2.IsSupported")})");
                first = false;
                w.Open($"for (; c < {vectorized}; c += {Block})");
                w.Line("Vector128<int> a0 = Vector128.LoadUnsafe(ref bias, (nuint)c), a1 = Vector128.LoadUnsafe(ref bias, (nuint)c + 4), a2 = Vector128.LoadUnsafe(ref bias, (nuint)c + 8), a3 = Vector128.LoadUnsafe(ref bias, (nuint)c + 12);");
                if (!arm)
                    w.Line("Vector256<int> lo = Vector256.Create(a0, a1), hi = Vector256.Create(a2, a3);");
                w.Open("for (int ky = ky0; ky < ky1; ky++)");
                w.Open("for (int kx = kx0; kx < kx1; kx++)");
                w.Open("for (int i = 0; i < InC; i++)");
                string broadcast = "(short)(Unsafe.Add(ref xs, (corner + ky * InW + kx) * InC + i) - InputZeroPoint)";
                string row = $"((ky * KernelW + kx) * InC + i) * {d.Padded} + c";
                if (arm)
                {
                    w.Line($"Vector128<short> v = Vector128.Create({broadcast});");
                    w.Line($"ref short t = ref Unsafe.Add(ref taps, {row});");
                    w.Line("Vector128<short> tl = Vector128.LoadUnsafe(ref t), th = Vector128.LoadUnsafe(ref t, 8);");
                    w.Line("a0 = AdvSimd.MultiplyWideningLowerAndAdd(a0, v.GetLower(), tl.GetLower()); a1 = AdvSimd.MultiplyWideningUpperAndAdd(a1, v, tl);");
                    w.Line("a2 = AdvSimd.MultiplyWideningLowerAndAdd(a2, v.GetLower(), th.GetLower()); a3 = AdvSimd.MultiplyWideningUpperAndAdd(a3, v, th);");
                }
                else
                {
                    w.Line($"Vector256<short> v = Vector256.Create({broadcast});");
                    w.Line($"Vector256<short> t = Vector256.LoadUnsafe(ref Unsafe.Add(ref taps, {row}));");
                    w.Line("// The 32-bit products of 16-bit lanes: their low and high halves, interleaved back into channel order.");
                    w.Line("Vector256<short> pl = Avx2.MultiplyLow(v, t), ph = Avx2.MultiplyHigh(v, t);");
                    w.Line("Vector256<int> p0 = Avx2.UnpackLow(pl, ph).AsInt32(), p1 = Avx2.UnpackHigh(pl, ph).AsInt32();");
                    w.Line("lo = lo + Avx2.Permute2x128(p0, p1, 0x20); hi = hi + Avx2.Permute2x128(p0, p1, 0x31);");
                }
                w.Close();
                w.Close();
                w.Close();
                if (arm)
                {
                    string s = d.PerChannelScales ? "Vector128.LoadUnsafe(ref scales, (nuint)c), Vector128.LoadUnsafe(ref scales, (nuint)c + 4), Vector128.LoadUnsafe(ref scales, (nuint)c + 8), Vector128.LoadUnsafe(ref scales, (nuint)c + 12)"
                        : "Vector128.Create(Scale), Vector128.Create(Scale), Vector128.Create(Scale), Vector128.Create(Scale)";
                    w.Line($"{requantize}(a0, a1, a2, a3, {s}, OutputZeroPoint, OutputMin, OutputMax){bytes}.StoreUnsafe(ref Unsafe.Add(ref target, c));");
                }
                else
                {
                    w.Line("// Sums in the order the requantisation packs back: channels 0–3 and 8–11, then 4–7 and 12–15.");
                    string s = d.PerChannelScales ? "Vector256.Create(Vector128.LoadUnsafe(ref scales, (nuint)c), Vector128.LoadUnsafe(ref scales, (nuint)c + 8)), Vector256.Create(Vector128.LoadUnsafe(ref scales, (nuint)c + 4), Vector128.LoadUnsafe(ref scales, (nuint)c + 12))"
                        : "Vector256.Create(Scale), Vector256.Create(Scale)";
                    w.Line($"{requantize}(Avx2.Permute2x128(lo, hi, 0x20), Avx2.Permute2x128(lo, hi, 0x31), {s}, Vector256.Create((float)(OutputMin - OutputZeroPoint)), Vector256.Create((float)(OutputMax - OutputZeroPoint)), Vector256.Create(OutputZeroPoint)){bytes}.StoreUnsafe(ref Unsafe.Add(ref target, c));");
                }
                w.Close();
                w.Close();
            }
        }
        w.Line(vectorized > 0 ? "// The channels left (all of them on other CPUs), one at a time." : "// One channel at a time: fewer than a vector's 16.");
        w.Open(vectorized > 0 ? "for (; c < C; c++)" : "for (int c = 0; c < C; c++)");
        DenseChannel(w, layer, d);
        w.Close();
        w.Close();
        w.Close();
    }

    /// <summary>
    /// Output row <c>oy</c>, one channel at a time: each window row (<c>r0</c> …, zero points in the padding), its
    /// columns inside the input, (x − zx) times the 16-bit weights, onto the bias.
    /// </summary>
    private static void ScalarRow(SourceWriter w, IntegerLayer layer, IntegerDepthwiseLayout d)
    {
        Planning.PlannedOp op = layer.Operation;
        string x = layer.Input.Signed ? "(sbyte)" : "";
        w.Open("for (int ox = 0; ox < OutW; ox++)");
        w.Line("int x0 = ox * Stride - PadLeft, kx0 = Math.Max(0, -x0), kx1 = Math.Min(KernelW, InW - x0);");
        w.Open("for (int c = 0; c < C; c++)");
        w.Line("int acc = Unsafe.Add(ref bias, c);");
        w.Open("for (int kx = kx0; kx < kx1; kx++)");
        w.Line("int at = (x0 + kx) * C + c;");
        for (int ky = 0; ky < op.KernelH; ky++)
            w.Line($"acc += ({x}Unsafe.Add(ref r{ky}, at) - InputZeroPoint) * Unsafe.Add(ref taps, {(ky == 0 ? "kx" : $"({ky} * KernelW + kx)")} * {d.Padded} + c);");
        w.Close();
        w.Line($"Unsafe.Add(ref o, ox * C + c) = {Requantized(layer, d)};");
        w.Close();
        w.Close();
    }

    /// <summary>A dense convolution's output channel <c>c</c> at one pixel: the taps inside the input, (x − zx) times the 16-bit weights, onto the bias.</summary>
    private static void DenseChannel(SourceWriter w, IntegerLayer layer, IntegerDepthwiseLayout d)
    {
        w.Line("int acc = Unsafe.Add(ref bias, c);");
        w.Line("for (int ky = ky0; ky < ky1; ky++)");
        w.Line("    for (int kx = kx0; kx < kx1; kx++)");
        w.Line("        for (int i = 0; i < InC; i++)")
         .Line($"            acc += (Unsafe.Add(ref xs, (corner + ky * InW + kx) * InC + i) - InputZeroPoint) * Unsafe.Add(ref taps, ((ky * KernelW + kx) * InC + i) * {d.Padded} + c);");
        w.Line($"Unsafe.Add(ref target, c) = {Requantized(layer, d)};");
    }

    /// <summary>The sum <c>acc</c> of channel <c>c</c> requantised to its output byte.</summary>
    private static string Requantized(IntegerLayer layer, IntegerDepthwiseLayout d) =>
        $"{(layer.Output.Signed ? "(byte)(sbyte)" : "(byte)")}global::MobileNet.IntegerMath.Requantize(acc, {(d.PerChannelScales ? "Unsafe.Add(ref scales, c)" : "Scale")}, OutputZeroPoint, OutputMin, OutputMax)";
}
