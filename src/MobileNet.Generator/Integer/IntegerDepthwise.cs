using System;
using System.Collections.Generic;
using System.Linq;
using MobileNet.Generator.Emitting;

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

/// <summary>
/// Writes an integer direct convolution: for each output pixel, the taps inside the input (the padding, the
/// input's zero point, adds nothing), 16 output channels at a time: (x − zx) in 16 bits (16 channels of the
/// input for a depthwise convolution; one input channel broadcast for the stem) times the row's 16-bit
/// weights, summed in 32 bits onto the bias (ARM: SMLAL/SMLAL2; x64 AVX2: widened products), then requantised.
/// </summary>
internal static class IntegerDepthwiseKernel
{
    public static void Write(SourceWriter w, IntegerLayer layer, IntegerDepthwiseLayout d, IReadOnlyList<IntegerGemmBranch> branches)
    {
        Planning.PlannedOp op = layer.Operation;
        string x = layer.Input.Signed ? "sbyte" : "byte", y = layer.Output.Signed ? "sbyte" : "byte";
        bool dense = d.Inputs > 1 || op.InC != op.OutC;
        w.Line($"const int InH = {op.InH}, InW = {op.InW}, {(dense ? $"InC = {op.InC}, C = {op.OutC}" : $"C = {op.InC}")}, OutH = {op.OutH}, OutW = {op.OutW}, KernelH = {op.KernelH}, KernelW = {op.KernelW}, Stride = {op.Stride}, PadTop = {op.Pads.Top}, PadLeft = {op.Pads.Left};");
        w.Line($"const int InputZeroPoint = {layer.Input.ZeroPoint}, OutputZeroPoint = {layer.Output.ZeroPoint}, OutputMin = {layer.OutputMin}, OutputMax = {layer.OutputMax};");
        IntegerKernels.Biases(w, layer, d.PerChannelScales, d.ScaleOffset);
        w.Line($"ref short taps = ref Unsafe.As<byte, short>(ref Unsafe.Add(ref data, {d.WeightOffset}));");
        w.Line(x == "byte" ? "ref byte xs = ref input;" : "ref sbyte xs = ref Unsafe.As<byte, sbyte>(ref input);");
        w.Line(y == "byte" ? "ref byte ys = ref output;" : "ref sbyte ys = ref Unsafe.As<byte, sbyte>(ref output);");
        (int first, int end) = Kernels.Window.InsideColumns(op.InW, op.OutW, op.KernelW, op.Stride, op.Pads.Left);
        int vectorized = d.Channels / 16 * 16;
        // The interior path is vectorised only: with fewer than 16 channels every pixel takes the scalar code.
        bool fast = !dense && end > first && vectorized > 0;
        if (fast)
        {
            w.Line($"// Columns {first} to {end - 1} (in a row whose window is inside the input) take the raw codes and the interior biases, taps unrolled.");
            w.Line($"const int First = {first}, End = {end};");
            w.Line($"ref int interior = ref Unsafe.As<byte, int>(ref Unsafe.Add(ref data, {d.InteriorBiasOffset}));");
            if (d.Pairs)
                w.Line($"ref short pairs = ref Unsafe.As<byte, short>(ref Unsafe.Add(ref data, {d.PairOffset}));");
        }
        w.Open("for (int oy = 0; oy < OutH; oy++)");
        w.Line("// The window's rows and columns inside the input.");
        w.Line("int y0 = oy * Stride - PadTop, ky0 = Math.Max(0, -y0), ky1 = Math.Min(KernelH, InH - y0);");
        w.Open("for (int ox = 0; ox < OutW; ox++)");
        w.Line("int x0 = ox * Stride - PadLeft, kx0 = Math.Max(0, -x0), kx1 = Math.Min(KernelW, InW - x0);");
        w.Line("int corner = y0 * InW + x0; // the window's top-left pixel, which may lie in the padding");
        if (fast)
            w.Line("bool inside = ky0 == 0 && ky1 == KernelH && (uint)(ox - First) < End - First;");
        w.Line($"ref {y} target = ref Unsafe.Add(ref ys, (oy * OutW + ox) * C);");
        if (vectorized > 0)
        {
            w.Line("int c = 0;");
            // One ARM branch: NeonDot's checks AdvSimd alone, so it serves the cores NeonMlal is for as well.
            foreach (IntegerGemmBranch branch in branches.Where(b => b != IntegerGemmBranch.NeonMlal))
            {
                bool arm = branch == IntegerGemmBranch.NeonDot;
                w.Open($"{(branch == branches[0] ? "if" : "else if")} ({(arm ? "AdvSimd.IsSupported" : "Avx2.IsSupported")})");
                w.Open($"for (; c < {vectorized}; c += 16)");
                string declare = "Vector128<int> ";
                if (fast)
                {
                    w.Line("Vector128<int> a0, a1, a2, a3;");
                    w.Open("if (inside)");
                    Inside(w, layer, d, arm);
                    w.Close();
                    w.Open("else");
                    declare = "";
                }
                w.Line($"{declare}a0 = Vector128.LoadUnsafe(ref bias, (nuint)c); {declare}a1 = Vector128.LoadUnsafe(ref bias, (nuint)c + 4); {declare}a2 = Vector128.LoadUnsafe(ref bias, (nuint)c + 8); {declare}a3 = Vector128.LoadUnsafe(ref bias, (nuint)c + 12);");
                if (!arm)
                    w.Line("Vector256<int> lo = Vector256.Create(a0, a1), hi = Vector256.Create(a2, a3);");
                w.Open("for (int ky = ky0; ky < ky1; ky++)");
                w.Open("for (int kx = kx0; kx < kx1; kx++)");
                string row = "(ky * KernelW + kx)";
                string broadcast = "(short)(Unsafe.Add(ref xs, (corner + ky * InW + kx) * InC + i) - InputZeroPoint)";
                if (dense)
                {
                    w.Open("for (int i = 0; i < InC; i++)");
                    row = $"((ky * KernelW + kx) * InC + i)";
                }
                string load = $"Vector128.LoadUnsafe(ref Unsafe.Add(ref xs, (corner + ky * InW + kx) * C + c))";
                if (arm)
                {
                    if (dense)
                        w.Line($"Vector128<short> vl = Vector128.Create({broadcast}), vh = vl;");
                    else
                    {
                        w.Line($"Vector128<{x}> v = {load};");
                        w.Line($"Vector128<short> vl = Vector128.WidenLower(v){(layer.Input.Signed ? "" : ".AsInt16()")} - Vector128.Create((short)InputZeroPoint), vh = Vector128.WidenUpper(v){(layer.Input.Signed ? "" : ".AsInt16()")} - Vector128.Create((short)InputZeroPoint);");
                    }
                    w.Line($"ref short t = ref Unsafe.Add(ref taps, {row} * {d.Padded} + c);");
                    w.Line("Vector128<short> tl = Vector128.LoadUnsafe(ref t), th = Vector128.LoadUnsafe(ref t, 8);");
                    w.Line("a0 = AdvSimd.MultiplyWideningLowerAndAdd(a0, vl.GetLower(), tl.GetLower()); a1 = AdvSimd.MultiplyWideningUpperAndAdd(a1, vl, tl);");
                    w.Line("a2 = AdvSimd.MultiplyWideningLowerAndAdd(a2, vh.GetLower(), th.GetLower()); a3 = AdvSimd.MultiplyWideningUpperAndAdd(a3, vh, th);");
                }
                else
                {
                    w.Line(dense ? $"Vector256<short> v = Vector256.Create({broadcast});" : $"Vector256<short> v = Avx2.ConvertToVector256Int16({load}) - Vector256.Create((short)InputZeroPoint);");
                    w.Line($"Vector256<short> t = Vector256.LoadUnsafe(ref Unsafe.Add(ref taps, {row} * {d.Padded} + c));");
                    w.Line("// The 32-bit products of 16-bit lanes: their low and high halves, interleaved back into channel order.");
                    w.Line("Vector256<short> pl = Avx2.MultiplyLow(v, t), ph = Avx2.MultiplyHigh(v, t);");
                    w.Line("Vector256<int> p0 = Avx2.UnpackLow(pl, ph).AsInt32(), p1 = Avx2.UnpackHigh(pl, ph).AsInt32();");
                    w.Line("lo = lo + Avx2.Permute2x128(p0, p1, 0x20); hi = hi + Avx2.Permute2x128(p0, p1, 0x31);");
                }
                if (dense)
                    w.Close();
                w.Close();
                w.Close();
                if (!arm)
                    w.Line("(a0, a1, a2, a3) = (lo.GetLower(), lo.GetUpper(), hi.GetLower(), hi.GetUpper());");
                if (fast)
                    w.Close();
                w.Line("Vector128<float> min = Vector128.Create((float)(OutputMin - OutputZeroPoint)), max = Vector128.Create((float)(OutputMax - OutputZeroPoint));");
                for (int j = 0; j < 4; j++)
                {
                    string scale = d.PerChannelScales ? $"Vector128.LoadUnsafe(ref scales, (nuint)c + {j * 4})" : "Vector128.Create(Scale)";
                    string value = $"Vector128.Clamp(Vector128.ConvertToSingle(a{j}) * {scale}, min, max)";
                    w.Line($"Vector128<int> q{j} = {(arm ? $"AdvSimd.ConvertToInt32RoundToEven({value})" : $"Sse2.ConvertToVector128Int32({value})")} + Vector128.Create(OutputZeroPoint);");
                }
                string narrow = arm ? $"Vector128.Narrow(Vector128.Narrow(q0, q1), Vector128.Narrow(q2, q3)){(layer.Output.Signed ? "" : ".AsByte()")}"
                    : layer.Output.Signed ? "Sse2.PackSignedSaturate(Sse2.PackSignedSaturate(q0, q1), Sse2.PackSignedSaturate(q2, q3))"
                    : "Sse2.PackUnsignedSaturate(Sse2.PackSignedSaturate(q0, q1), Sse2.PackSignedSaturate(q2, q3))";
                w.Line($"{narrow}.StoreUnsafe(ref Unsafe.Add(ref target, c));");
                w.Close();
                w.Close();
            }
        }
        w.Line(vectorized > 0 ? "// The channels left (all of them on other CPUs), one at a time." : "// One channel at a time: fewer than a vector's 16.");
        w.Open(vectorized > 0 ? "for (; c < C; c++)" : "for (int c = 0; c < C; c++)");
        w.Line("int acc = Unsafe.Add(ref bias, c);");
        w.Line("for (int ky = ky0; ky < ky1; ky++)");
        w.Line("    for (int kx = kx0; kx < kx1; kx++)");
        if (dense)
            w.Line("        for (int i = 0; i < InC; i++)")
             .Line($"            acc += (Unsafe.Add(ref xs, (corner + ky * InW + kx) * InC + i) - InputZeroPoint) * Unsafe.Add(ref taps, ((ky * KernelW + kx) * InC + i) * {d.Padded} + c);");
        else
            w.Line($"        acc += (Unsafe.Add(ref xs, (corner + ky * InW + kx) * C + c) - InputZeroPoint) * Unsafe.Add(ref taps, (ky * KernelW + kx) * {d.Padded} + c);");
        w.Line($"Unsafe.Add(ref target, c) = ({y})global::MobileNet.IntegerMath.Requantize(acc, {(d.PerChannelScales ? "Unsafe.Add(ref scales, c)" : "Scale")}, OutputZeroPoint, OutputMin, OutputMax);");
        w.Close();
        w.Close();
        w.Close();
    }

    /// <summary>
    /// A pixel whose window is inside the input, 16 channels from <c>c</c>: the raw codes (the input's zero point
    /// is in the interior biases), every tap at a constant offset. ARM: SMLAL/SMLAL2 per tap. AVX2: two taps'
    /// inputs interleaved and multiplied by their paired weights with PMADDWD, the halves put back in channel
    /// order at the end. Sets a0 … a3.
    /// </summary>
    private static void Inside(SourceWriter w, IntegerLayer layer, IntegerDepthwiseLayout d, bool arm)
    {
        Planning.PlannedOp op = layer.Operation;
        string x = layer.Input.Signed ? "sbyte" : "byte";
        w.Line($"ref {x} window = ref Unsafe.Add(ref xs, corner * C + c);");
        string Tap(int t) => Kernels.Rendering.Constant((t / op.KernelW * op.InW + t % op.KernelW) * op.InC);
        if (arm)
        {
            w.Line("a0 = Vector128.LoadUnsafe(ref interior, (nuint)c); a1 = Vector128.LoadUnsafe(ref interior, (nuint)c + 4); a2 = Vector128.LoadUnsafe(ref interior, (nuint)c + 8); a3 = Vector128.LoadUnsafe(ref interior, (nuint)c + 12);");
            w.Line("ref short t = ref Unsafe.Add(ref taps, c);");
            for (int t = 0; t < d.Taps; t++)
            {
                string widen = layer.Input.Signed ? "" : ".AsInt16()";
                w.Line($"{{ Vector128<{x}> v = Vector128.LoadUnsafe(ref window, {Tap(t)}); Vector128<short> vl = Vector128.WidenLower(v){widen}, vh = Vector128.WidenUpper(v){widen}, " +
                       $"tl = Vector128.LoadUnsafe(ref t, {t * d.Padded}), th = Vector128.LoadUnsafe(ref t, {t * d.Padded + 8}); " +
                       "a0 = AdvSimd.MultiplyWideningLowerAndAdd(a0, vl.GetLower(), tl.GetLower()); a1 = AdvSimd.MultiplyWideningUpperAndAdd(a1, vl, tl); " +
                       "a2 = AdvSimd.MultiplyWideningLowerAndAdd(a2, vh.GetLower(), th.GetLower()); a3 = AdvSimd.MultiplyWideningUpperAndAdd(a3, vh, th); }");
            }
            return;
        }
        w.Line("Vector256<int> b0 = Vector256.LoadUnsafe(ref interior, (nuint)c), b1 = Vector256.LoadUnsafe(ref interior, (nuint)c + 8);");
        w.Line("// Accumulators in the unpacked order: channels 0–3 and 8–11, then 4–7 and 12–15.");
        w.Line("Vector256<int> e0 = Avx2.Permute2x128(b0, b1, 0x20), e1 = Avx2.Permute2x128(b0, b1, 0x31);");
        w.Line($"ref short pair = ref Unsafe.Add(ref pairs, c / {IntegerDepthwiseLayout.Block} * {d.PairBlockBytes / sizeof(short)});");
        string Widen(int t) => $"Avx2.ConvertToVector256Int16(Vector128.LoadUnsafe(ref window, {Tap(t)}))";
        for (int p = 0; p < d.PairCount; p++)
        {
            string second = 2 * p + 1 < d.Taps ? Widen(2 * p + 1) : "Vector256<short>.Zero";
            w.Line($"{{ Vector256<short> u = {Widen(2 * p)}, v = {second}; " +
                   $"e0 += Avx2.MultiplyAddAdjacent(Avx2.UnpackLow(u, v), Vector256.LoadUnsafe(ref pair, {p * 2 * IntegerDepthwiseLayout.Block})); " +
                   $"e1 += Avx2.MultiplyAddAdjacent(Avx2.UnpackHigh(u, v), Vector256.LoadUnsafe(ref pair, {p * 2 * IntegerDepthwiseLayout.Block + IntegerDepthwiseLayout.Block})); }}");
        }
        w.Line("Vector256<int> f0 = Avx2.Permute2x128(e0, e1, 0x20), f1 = Avx2.Permute2x128(e0, e1, 0x31);");
        w.Line("(a0, a1, a2, a3) = (f0.GetLower(), f0.GetUpper(), f1.GetLower(), f1.GetUpper());");
    }
}
