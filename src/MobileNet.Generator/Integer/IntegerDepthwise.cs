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
internal sealed record IntegerDepthwiseLayout(int Channels, int Taps, bool PerChannelScales, int Inputs = 1)
{
    public const int Block = 16;

    public int Padded => (Channels + Block - 1) / Block * Block;
    public int ScaleOffset => Padded * sizeof(int);
    public int WeightOffset => ScaleOffset + (PerChannelScales ? Padded * sizeof(float) : 0);
    public int Bytes => WeightOffset + Taps * Inputs * Padded * sizeof(short);

    /// <summary>The row of tap <paramref name="t"/> and input channel <paramref name="i"/>.</summary>
    public int Row(int t, int i) => t * Inputs + i;

    /// <param name="weights">OIHW, [C][Inputs][taps], as stored.</param>
    public byte[] Pack(int[] weights, int[] bias, float[] scales, int weightZeroPoint)
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
        string inC = dense ? "InC" : "C";
        w.Line($"const int InputZeroPoint = {layer.Input.ZeroPoint}, OutputZeroPoint = {layer.Output.ZeroPoint}, OutputMin = {layer.OutputMin}, OutputMax = {layer.OutputMax};");
        if (!d.PerChannelScales)
            w.Line($"const float Scale = {SourceWriter.Float(layer.Scale)};");
        w.Line($"ref byte data = ref {WeightsEmitter.ClassName}.{Planning.Identifiers.WeightField(layer.Index, "")}.Bytes;");
        w.Line("ref int bias = ref Unsafe.As<byte, int>(ref data);");
        if (d.PerChannelScales)
            w.Line($"ref float scales = ref Unsafe.As<byte, float>(ref Unsafe.Add(ref data, {d.ScaleOffset}));");
        w.Line($"ref short taps = ref Unsafe.As<byte, short>(ref Unsafe.Add(ref data, {d.WeightOffset}));");
        w.Line($"ref {x} xs = ref Unsafe.As<byte, {x}>(ref input);");
        w.Line($"ref {y} ys = ref Unsafe.As<byte, {y}>(ref output);");
        w.Open("for (int oy = 0; oy < OutH; oy++)");
        w.Line("// The window's rows and columns inside the input.");
        w.Line("int y0 = oy * Stride - PadTop, ky0 = Math.Max(0, -y0), ky1 = Math.Min(KernelH, InH - y0);");
        w.Open("for (int ox = 0; ox < OutW; ox++)");
        w.Line("int x0 = ox * Stride - PadLeft, kx0 = Math.Max(0, -x0), kx1 = Math.Min(KernelW, InW - x0);");
        w.Line("int corner = y0 * InW + x0; // the window's top-left pixel, which may lie in the padding");
        w.Line($"ref {y} target = ref Unsafe.Add(ref ys, (oy * OutW + ox) * C);");
        int vectorized = d.Channels / 16 * 16;
        if (vectorized > 0)
        {
            w.Line("int c = 0;");
            bool first = true;
            foreach (IntegerGemmBranch branch in branches)
            {
                bool arm = branch == IntegerGemmBranch.NeonDot;
                w.Open($"{(first ? "if" : "else if")} ({(arm ? "AdvSimd.IsSupported" : "Avx2.IsSupported")})");
                first = false;
                w.Open($"for (; c < {vectorized}; c += 16)");
                w.Line("Vector128<int> a0 = Vector128.LoadUnsafe(ref bias, (nuint)c), a1 = Vector128.LoadUnsafe(ref bias, (nuint)c + 4), a2 = Vector128.LoadUnsafe(ref bias, (nuint)c + 8), a3 = Vector128.LoadUnsafe(ref bias, (nuint)c + 12);");
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
                w.Line("Vector128<float> min = Vector128.Create((float)(OutputMin - OutputZeroPoint)), max = Vector128.Create((float)(OutputMax - OutputZeroPoint));");
                for (int j = 0; j < 4; j++)
                {
                    string scale = d.PerChannelScales ? $"Vector128.LoadUnsafe(ref scales, (nuint)c + {j * 4})" : "Vector128.Create(Scale)";
                    w.Line($"Vector128<int> q{j} = Vector128.ConvertToInt32(Vector128.Round(Vector128.Clamp(Vector128.ConvertToSingle(a{j}) * {scale}, min, max))) + Vector128.Create(OutputZeroPoint);");
                }
                w.Line($"Vector128.Narrow(Vector128.Narrow(q0, q1), Vector128.Narrow(q2, q3)){(layer.Output.Signed ? "" : ".AsByte()")}.StoreUnsafe(ref Unsafe.Add(ref target, c));");
                w.Close();
                w.Close();
            }
        }
        w.Line("// The channels left (all of them on other CPUs), one at a time.");
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
}
