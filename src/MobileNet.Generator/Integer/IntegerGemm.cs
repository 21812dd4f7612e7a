using System;
using System.Collections.Generic;
using System.Linq;
using MobileNet.Generator.Emitting;
using MobileNet.Generator.Kernels;
using MobileNet.Generator.Lowering;
using MobileNet.Generator.Planning;
using static MobileNet.Generator.Kernels.Rendering;

namespace MobileNet.Generator.Integer;

/// <summary>
/// The packed data of an 8-bit GEMM (a 1×1 convolution, the classifier), in XNNPACK's "c4" layout: the
/// output channels in blocks of 16, and each block's weights as steps of 4 input channels, 16 outputs ×
/// 4 bytes a step, so that one 16-byte load holds 4 outputs' products with 4 inputs. That is what a dot
/// product instruction takes (ARM's SDOT/UDOT, x64's VNNI) and what 16-bit multiply-adds of pairs take
/// after widening (x64's PMADDWD). Before the weights: each output's folded int32 bias and, where the file
/// has one per channel, its float requantisation scale, padded to whole blocks.
/// </summary>
/// <remarks>
/// The kernels sum the raw products Σ x·w; the zero points are folded: Σ (x − zx)(w − zw) + bias =
/// Σ x·w − zw·Σx + (bias − zx·Σw + K·zx·zw). The last term is the folded bias; zw·Σx, for uint8 weights
/// with a zero point, is subtracted per pixel.
/// </remarks>
internal sealed record IntegerGemmLayout(int K, int OutC, bool PerChannelScales)
{
    public const int Block = 16, Step = 4;
    /// <summary>Bytes of one step of a block: 16 outputs × 4 input channels.</summary>
    public const int StepBytes = Block * Step;

    public int Steps => (K + Step - 1) / Step;
    public int Blocks => (OutC + Block - 1) / Block;
    public int Padded => Blocks * Block;
    public int BlockBytes => Steps * StepBytes;
    public int ScaleOffset => Padded * sizeof(int);
    public int WeightOffset => ScaleOffset + (PerChannelScales ? Padded * sizeof(float) : 0);
    public int Bytes => WeightOffset + Blocks * BlockBytes;

    /// <summary>The byte of output <paramref name="o"/>'s weight for input <paramref name="k"/>, from the weights' start.</summary>
    public int WeightAt(int o, int k) => o / Block * BlockBytes + k / Step * StepBytes + o % Block * Step + k % Step;

    /// <param name="weights">[OutC][K], as stored (uint8 or int8 values).</param>
    public byte[] Pack(int[] weights, int[] bias, float[] scales, int inputZeroPoint, int weightZeroPoint)
    {
        var data = new byte[Bytes];
        var folded = new int[Padded];
        for (int o = 0; o < OutC; o++)
        {
            long sum = 0;
            for (int k = 0; k < K; k++)
            {
                sum += weights[o * K + k];
                data[WeightOffset + WeightAt(o, k)] = unchecked((byte)weights[o * K + k]);
            }
            // In 32 bits, wrapping as the kernels' sums do: the same result modulo 2^32 as summing the terms one by one.
            folded[o] = unchecked((int)(bias[o] - inputZeroPoint * sum + (long)K * inputZeroPoint * weightZeroPoint));
        }
        Buffer.BlockCopy(folded, 0, data, 0, folded.Length * sizeof(int));
        if (PerChannelScales)
            Buffer.BlockCopy(scales, 0, data, ScaleOffset, OutC * sizeof(float));
        return data;
    }
}

/// <summary>
/// A convolution over few input channels (the stem: 3×3×3) run as a GEMM: each output pixel's window copied
/// into a row of <see cref="K"/> bytes (kernel row, column, channel), taps in the padding and the row's last
/// bytes set to the input's zero point, their weights to the weights' zero point, so that they add nothing.
/// </summary>
internal sealed record IntegerIm2col(int InH, int InW, int InC, int KernelH, int KernelW, int Stride, int PadTop, int PadLeft, int K)
{
    /// <summary>The window's real bytes: kernel height × width × input channels.</summary>
    public int Taps => KernelH * KernelW * InC;

    /// <summary>
    /// Whether a window inside the image is copied a kernel row at a time in 16-byte vectors: each row's
    /// bytes fit in one, and the row's padding (at most 3 bytes: K is Taps rounded up to 4) fits in a 4-byte store.
    /// </summary>
    public bool VectorRows => KernelW * InC <= 16;

    /// <summary>Bytes the last window's copies write past its row: scratch the rows need after their K each.</summary>
    public int Overrun => VectorRows ? Math.Max(0, Math.Max((KernelH - 1) * KernelW * InC + 16, K > Taps ? Taps + 4 : 0) - K) : 0;

    /// <summary>OIHW weights as GEMM rows in the window's order, padded to <see cref="K"/> with <paramref name="pad"/>.</summary>
    public int[] Rows(int[] oihw, int outC, int pad)
    {
        var rows = new int[outC * K];
        for (int o = 0; o < outC; o++)
        {
            for (int k = Taps; k < K; k++)
                rows[o * K + k] = pad;
            for (int i = 0; i < InC; i++)
                for (int y = 0; y < KernelH; y++)
                    for (int x = 0; x < KernelW; x++)
                        rows[o * K + (y * KernelW + x) * InC + i] = oihw[((o * InC + i) * KernelH + y) * KernelW + x];
        }
        return rows;
    }
}

/// <summary>An instruction-set branch of the integer GEMM: its check and its register tile (pixels × output channels).</summary>
internal sealed record IntegerGemmBranch(string Name, string Check, int Pixels, int Outputs, string Describe)
{
    /// <summary>ARM64's dot product (Cortex-A55, A75 and later): 4 pixels × 16 outputs, SDOT/UDOT by lane, 16 input channels a load.</summary>
    public static readonly IntegerGemmBranch NeonDot = new("neondot", "Dp.IsSupported", 4, 16, "4×16c4 dot");
    /// <summary>
    /// ARM64 without the dot product (Cortex-A53, A72): 4 pixels × 16 outputs, SMLAL/UMLAL by lane on 16-bit
    /// values, 8 input channels a load. It reads the dot product's c4 weights, unzipped in registers (UZP1/UZP2)
    /// into one vector of 16 outputs per input channel; UZP on 128 bits is A64 only, hence the Arm64 check.
    /// </summary>
    public static readonly IntegerGemmBranch NeonMlal = new("neonmlal", "AdvSimd.Arm64.IsSupported", 4, 16, "4×16c4 mlal lane");
    /// <summary>x64's AVX2: 4 pixels × 8 outputs, PMADDWD on the inputs widened to 16 bits, 4 input channels a step.</summary>
    public static readonly IntegerGemmBranch Avx2 = new("avx2", "Avx2.IsSupported", 4, 8, "4×8c4 madd");

    /// <summary>
    /// The branches a build writes: ARM64 builds the dot product's and, for cores without it, the MLAL one; x64
    /// ones AVX2's; builds for any machine all three. Every build keeps the scalar code after them.
    /// </summary>
    public static IReadOnlyList<IntegerGemmBranch> For(IReadOnlyList<VectorWidth> widths) =>
        widths.All(w => w.Lanes == 4) && widths.Count == 1 ? [NeonDot, NeonMlal] : widths.Any(w => w.Lanes == 4) ? [NeonDot, NeonMlal, Avx2] : [Avx2];
}

/// <summary>Writes the integer GEMM of a 1×1 convolution: the branches its plan lists, then the scalar code for any other CPU.</summary>
internal static class IntegerGemmKernel
{
    /// <summary>Bytes of scratch the branches need: AVX2's tile of pixels widened to 16 bits.</summary>
    public static int Scratch(IntegerGemmLayout g, int pixels, IReadOnlyList<IntegerGemmBranch> branches, IntegerIm2col? im2col) =>
        (im2col is null ? 0 : pixels * g.K + im2col.Overrun) + (branches.Contains(IntegerGemmBranch.Avx2) ? Math.Min(IntegerGemmBranch.Avx2.Pixels, pixels) * g.K * sizeof(short) : 0);

    public static void Write(SourceWriter w, IntegerLayer layer, IntegerGemmLayout g, IReadOnlyList<IntegerGemmBranch> branches)
    {
        PlannedOp op = layer.Operation;
        int pixels = layer.Ring is null ? op.OutH * op.OutW : op.OutW;
        bool rowSums = layer.WeightZeroPoint != 0;
        string x = layer.Input.Signed ? "sbyte" : "byte";
        w.Line($"const int Pixels = {pixels}, K = {g.K}, OutC = {g.OutC};");
        w.Line($"const int {(rowSums ? $"WeightZeroPoint = {layer.WeightZeroPoint}, " : "")}OutputZeroPoint = {layer.Output.ZeroPoint}, OutputMin = {layer.OutputMin}, OutputMax = {layer.OutputMax};");
        if (layer.Ring is { } ring)
        {
            w.Line($"const int RingRows = {ring.Rows}, Slot = {ring.Slot};");
            w.Line(layer.Im2col is null ? "// Input row y makes output row y, into its slot of the ring." : "// Output row y, into its slot of the ring.");
            if (layer.Im2col is null)
                w.Line($"input = ref Unsafe.Add(ref input, y * {op.InW * op.InC});");
            w.Line("output = ref Unsafe.Add(ref output, y % RingRows * Slot);");
        }
        IntegerKernels.Biases(w, layer, g.PerChannelScales, g.ScaleOffset);
        w.Line($"ref byte weights = ref Unsafe.Add(ref data, {g.WeightOffset});");
        if (layer.Im2col is { } im2col)
        {
            Im2col(w, layer, im2col);
            w.Line("input = ref scratch;");
            w.Line($"scratch = ref Unsafe.Add(ref scratch, {pixels * g.K});");
        }
        foreach (IntegerGemmBranch branch in branches)
        {
            w.Open($"{(branch == branches[0] ? "if" : "else if")} ({branch.Check})");
            if (branch != IntegerGemmBranch.Avx2)
                Neon(w, layer, g, pixels, rowSums, x, branch);
            else
                Avx2(w, layer, g, pixels, rowSums, x);
            w.Line("return;");
            w.Close();
        }
        Scalar(w, layer, g, pixels, rowSums, x);
    }

    /// <summary>The windows as rows (<see cref="IntegerIm2col"/>), at the start of the scratch.</summary>
    private static void Im2col(SourceWriter w, IntegerLayer layer, IntegerIm2col m)
    {
        PlannedOpShape(w, layer, m);
        string zero = Rendering.Constant(layer.Input.ZeroPoint & 0xFF);
        w.Line($"// Each pixel's window as a row of K bytes (kernel row, column, channel); the padding, and {(m.K > m.Taps ? "the row's last bytes, " : "")}the input's zero point.");
        if (layer.Ring is null)
            w.Open("for (int oy = 0; oy < OutH; oy++)");
        else
            w.Scope().Line("int oy = y;");
        w.Open("for (int ox = 0; ox < OutW; ox++)");
        w.Line($"ref byte row = ref Unsafe.Add(ref scratch, {(layer.Ring is null ? "(oy * OutW + ox)" : "ox")} * K);");
        w.Line("int x0 = ox * Stride - PadLeft;");
        if (m.VectorRows)
        {
            int run = m.KernelW * m.InC;
            w.Line($"// A window inside the image: each kernel row one 16-byte copy, of which the first {run} count; the rest is written over by the next row, or the next pixel's window.");
            w.Open($"if (oy * Stride - PadTop >= 0 && oy * Stride - PadTop + KernelH <= InH && x0 >= 0 && x0 + KernelW <= InW && ((oy * Stride - PadTop + KernelH - 1) * InW + x0) * InC + 16 <= InH * InW * InC)");
            w.Line("ref byte source = ref Unsafe.Add(ref input, ((oy * Stride - PadTop) * InW + x0) * InC);");
            for (int ky = 0; ky < m.KernelH; ky++)
                w.Line($"Vector128.LoadUnsafe(ref source{At(Rendering.Constant(ky * m.InW * m.InC))}).StoreUnsafe(ref row{At(Rendering.Constant(ky * run))});");
            if (m.K > m.Taps)
                w.Line($"Unsafe.WriteUnaligned(ref Unsafe.Add(ref row, {m.Taps}), {(uint)((layer.Input.ZeroPoint & 0xFF) * 0x01010101)}u);");
            w.Line("continue;");
            w.Close();
        }
        w.Open("for (int ky = 0; ky < KernelH; ky++)");
        w.Line("int iy = oy * Stride - PadTop + ky;");
        w.Line("// A kernel row inside the image is one run of bytes.");
        w.Open("if ((uint)iy < InH && x0 >= 0 && x0 + KernelW <= InW)");
        w.Line("Unsafe.CopyBlockUnaligned(ref Unsafe.Add(ref row, ky * KernelW * InC), ref Unsafe.Add(ref input, (iy * InW + x0) * InC), KernelW * InC);");
        w.Line("continue;");
        w.Close();
        w.Open("for (int kx = 0; kx < KernelW; kx++)");
        w.Line("int ix = x0 + kx;");
        w.Line("bool inside = (uint)iy < InH && (uint)ix < InW;");
        w.Line("for (int i = 0; i < InC; i++)");
        w.Line($"    Unsafe.Add(ref row, (ky * KernelW + kx) * InC + i) = inside ? Unsafe.Add(ref input, (iy * InW + ix) * InC + i) : (byte){zero};");
        w.Close();
        w.Close();
        if (m.K == m.Taps + 1)
            w.Line($"Unsafe.Add(ref row, {m.Taps}) = (byte){zero};");
        else if (m.K > m.Taps)
            w.Line($"for (int k = {m.Taps}; k < K; k++) Unsafe.Add(ref row, k) = (byte){zero};");
        w.Close();
        w.Close();
    }

    private static void PlannedOpShape(SourceWriter w, IntegerLayer layer, IntegerIm2col m) =>
        w.Line($"const int InH = {m.InH}, InW = {m.InW}, InC = {m.InC}, {(layer.Ring is null ? $"OutH = {layer.Operation.OutH}, " : "")}OutW = {layer.Operation.OutW}, " +
               $"KernelH = {m.KernelH}, KernelW = {m.KernelW}, Stride = {m.Stride}, PadTop = {m.PadTop}, PadLeft = {m.PadLeft};");

    /// <summary>Any other CPU: one output at a time, on the same packed data.</summary>
    private static void Scalar(SourceWriter w, IntegerLayer layer, IntegerGemmLayout g, int pixels, bool rowSums, string x)
    {
        string wt = layer.WeightsSigned ? "sbyte" : "byte", y = layer.Output.Signed ? "sbyte" : "byte";
        w.Line(x == "byte" ? "ref byte xs = ref input;" : "ref sbyte xs = ref Unsafe.As<byte, sbyte>(ref input);");
        w.Line(wt == "byte" ? "ref byte ws = ref weights;" : "ref sbyte ws = ref Unsafe.As<byte, sbyte>(ref weights);");
        w.Open("for (int p = 0; p < Pixels; p++)");
        w.Line($"ref {x} a = ref Unsafe.Add(ref xs, p * K);");
        if (rowSums)
        {
            w.Line("int rowSum = 0;");
            w.Line("for (int k = 0; k < K; k++)");
            w.Line("    rowSum += Unsafe.Add(ref a, k);");
        }
        w.Open(layer.Split.Split ? $"for (int o = from * {IntegerGemmLayout.Block}; o < Math.Min(to * {IntegerGemmLayout.Block}, OutC); o++)" : "for (int o = 0; o < OutC; o++)");
        w.Line($"int acc = Unsafe.Add(ref bias, o){(rowSums ? " - WeightZeroPoint * rowSum" : "")};");
        w.Line($"ref {wt} wo = ref Unsafe.Add(ref ws, o / {IntegerGemmLayout.Block} * {g.BlockBytes} + o % {IntegerGemmLayout.Block} * {IntegerGemmLayout.Step});");
        w.Line("for (int k = 0; k < K; k++)");
        w.Line($"    acc += Unsafe.Add(ref a, k) * Unsafe.Add(ref wo, k / {IntegerGemmLayout.Step} * {IntegerGemmLayout.StepBytes} + k % {IntegerGemmLayout.Step});");
        w.Line($"Unsafe.Add(ref {(y == "byte" ? "output" : "Unsafe.As<byte, sbyte>(ref output)")}, p * OutC + o) = ({y})global::MobileNet.IntegerMath.Requantize(acc, {(g.PerChannelScales ? "Unsafe.Add(ref scales, o)" : "Scale")}, OutputZeroPoint, OutputMin, OutputMax);");
        w.Close();
        w.Close();
    }

    /// <summary>
    /// <paramref name="count"/> steps of 16 input channels at <c>k</c>: a loop, or for one step the body alone
    /// with k = 0 (no one-step loop).
    /// </summary>
    private static void Sixteens(SourceWriter w, int count, Action<string> body)
    {
        if (count == 1)
            body("0");
        if (count <= 1)
            return;
        w.Open($"for (int k = 0; k < {count * 16}; k += 16)");
        body("k");
        w.Close();
    }

    /// <summary>A load's or store's element offset argument: <c>, (nuint)(k)</c>, or nothing for 0.</summary>
    private static string At(string offset) => offset == "0" ? "" : $", (nuint)({offset})";

    /// <summary>Where the tile's pixel <paramref name="r"/> starts: "p * K", "(p + 1) * K".</summary>
    private static string Pixel(int r) => r == 0 ? "p * K" : $"(p + {r}) * K";

    /// <summary>Pixel <paramref name="r"/>'s channel <paramref name="k"/> from <c>a</c>: "k", "K + k", "2 * K + k".</summary>
    private static string Element(int r, string k) => Plus(r == 0 ? "0" : r == 1 ? "K" : $"{r} * K", k);

    /// <summary>
    /// The two ARM64 branches' tile: 4 pixels × 16 outputs in 16 int32 vectors, c{pixel}_{j} holding outputs
    /// 4j … 4j + 3, over the same c4 weights; <see cref="DotSteps"/> or <see cref="MlalSteps"/> fill them.
    /// </summary>
    private static void Neon(SourceWriter w, IntegerLayer layer, IntegerGemmLayout g, int pixels, bool rowSums, string x, IntegerGemmBranch branch)
    {
        int rows = Math.Min(branch.Pixels, pixels);
        bool signed = layer.Input.Signed, dot = branch == IntegerGemmBranch.NeonDot;
        w.Line(x == "byte" ? "ref byte input8 = ref input;" : "ref sbyte input8 = ref Unsafe.As<byte, sbyte>(ref input);");
        if (!g.PerChannelScales)
            w.Line("Vector128<float> scale = Vector128.Create(Scale);");
        OpenTileLoop(w, "p", 0, pixels, rows);
        w.Line($"ref {x} a = ref Unsafe.Add(ref input8, p * K);");
        if (rowSums && dot)
            RowSums(w, rows, g.K, "a dot product with ones (in the last load, ones for its real channels only)", "ones", "(byte)1",
                (sum, load, mask) => $"Dp.DotProduct({sum}, {load}, {mask ?? "Vector128<byte>.One"})");
        else if (rowSums)
            RowSums(w, rows, g.K, "its bytes added pairwise into 16 bits, then into 32 (UADDLP, UADALP; in the last load, its real channels only)", "real", "byte.MaxValue",
                (sum, load, mask) => $"AdvSimd.AddPairwiseWideningAndAdd({sum}, AdvSimd.AddPairwiseWidening({(mask is null ? load : $"({load} & {mask})")}))");
        if (rowSums)
            w.Line($"Vector128<int> {string.Join(", ", Enumerable.Range(0, rows).Select(r => $"z{r} = Vector128.Create(WeightZeroPoint * (int)Vector128.Sum(s{r}))"))};");
        // One block needs no loop; a split layer's part makes blocks [from, to).
        if (layer.Split.Split)
            w.Open("for (int b = from; b < to; b++)");
        else if (g.Blocks > 1)
            w.Open($"for (int b = 0; b < {g.Blocks}; b++)");
        else
            w.Scope().Line("const int b = 0;");
        w.Line($"ref byte wb = ref Unsafe.Add(ref weights, b * {g.BlockBytes});");
        w.Line(rowSums ? "// The sums start from the biases less zw·Σx, so that the requantisation only scales them." : "// The sums start from the biases, so that the requantisation only scales them.");
        w.Line("ref int blockBias = ref Unsafe.Add(ref bias, b * 16);");
        w.Line($"Vector128<int> {string.Join(", ", Enumerable.Range(0, 4).Select(j => $"bias{j} = Vector128.LoadUnsafe(ref blockBias{Rendering.Offset(j * 4)})"))};");
        string start(int r, int j) => (rowSums ? $"(bias{j} - z{r})" : $"bias{j}") + (signed ? "" : ".AsUInt32()");
        w.Line($"{(signed ? "Vector128<int>" : "Vector128<uint>")} {string.Join(", ", Enumerable.Range(0, rows).SelectMany(r => Enumerable.Range(0, 4).Select(j => $"c{r}_{j} = {start(r, j)}")))};");
        if (dot)
            DotSteps(w, g, rows, x);
        else
            MlalSteps(w, g, rows, x);
        w.Line("// Requantisation: each sum times its scale, rounded to even, narrowed with saturation, shifted by the zero point and clamped.");
        w.Line("int o = b * 16;");
        if (g.PerChannelScales)
            w.Line($"ref float blockScales = ref Unsafe.Add(ref scales, o); Vector128<float> {string.Join(", ", Enumerable.Range(0, 4).Select(j => $"scale{j} = Vector128.LoadUnsafe(ref blockScales{Rendering.Offset(j * 4)})"))};");
        Target(w);
        string scales = g.PerChannelScales ? "scale0, scale1, scale2, scale3" : "scale, scale, scale, scale";
        string requantize = layer.Output.Signed ? "global::MobileNet.IntegerMath.Requantize16Signed" : "global::MobileNet.IntegerMath.Requantize16";
        for (int r = 0; r < rows; r++)
        {
            string sums = string.Join(", ", Enumerable.Range(0, 4).Select(j => signed ? $"c{r}_{j}" : $"c{r}_{j}.AsInt32()"));
            w.Line($"Vector128<byte> y{r} = {requantize}({sums}, {scales}, OutputZeroPoint, OutputMin, OutputMax){(layer.Output.Signed ? ".AsByte()" : "")};");
            Store(w, layer, r, 16);
        }
        w.Close();
        w.Close();
    }

    /// <summary>
    /// Each pixel's Σx, for the weights' zero point, into <c>s0</c> …: <paramref name="add"/>(sum, load of 16
    /// channels, mask or null) over whole loads, then the last load's real channels, where <paramref name="mask"/>
    /// is <paramref name="on"/>.
    /// </summary>
    private static void RowSums(SourceWriter w, int rows, int k, string how, string mask, string on, Func<string, string, string?, string> add)
    {
        int full = k / 16, rest = k % 16;
        w.Line($"// Each pixel's Σx, for the weights' zero point: {how}.");
        w.Line($"Vector128<uint> {string.Join(", ", Enumerable.Range(0, rows).Select(r => $"s{r} = default"))};");
        Sixteens(w, full, at =>
        {
            for (int r = 0; r < rows; r++)
                w.Line($"s{r} = {add($"s{r}", $"Vector128.LoadUnsafe(ref a{At(Element(r, at))})", null)};");
        });
        if (rest == 0)
            return;
        w.Line($"Vector128<byte> {mask} = Vector128.Create({string.Join(", ", Enumerable.Range(0, 16).Select(i => i < rest ? on : "(byte)0"))});");
        for (int r = 0; r < rows; r++)
            w.Line($"s{r} = {add($"s{r}", $"Vector128.LoadUnsafe(ref a{At(Element(r, Rendering.Constant(full * 16)))})", mask)};");
    }

    /// <summary>
    /// The dot product's steps: each loads 16 input channels of each pixel once and takes them 4 at a time by
    /// lane (SDOT/UDOT by element), against 4 loads of a step's weights.
    /// </summary>
    private static void DotSteps(SourceWriter w, IntegerGemmLayout g, int rows, string x)
    {
        string v = x == "sbyte" ? "Vector128<sbyte>" : "Vector128<byte>";
        Runs(w, g.K, 16, x,
            channel => $"Input channels {channel(0)} … {channel(15)} of each pixel, four to a lane.",
            rest => $"The last {rest} input channels: {(rest + 3) / 4} lane{(rest > 4 ? "s" : "")} of a load that reads past them into lanes left unused.",
            (channels, channel, pixels, offset) =>
            {
                w.Line($"{v} {string.Join(", ", Enumerable.Range(0, rows).Select(r => $"x{r} = Vector128.LoadUnsafe(ref {pixels}{At(Element(r, Rendering.Constant(offset)))})"))};");
                for (int lane = 0; lane < (channels + 3) / 4; lane++)
                {
                    int at = (offset / IntegerGemmLayout.Step + lane) * IntegerGemmLayout.StepBytes;
                    w.Line($"{v} {string.Join(", ", Enumerable.Range(0, 4).Select(j => $"w{lane}_{j} = Vector128.LoadUnsafe(ref {IntegerKernels.Typed(x == "sbyte", "wk")}{Rendering.Offset(at + j * 16)})"))};");
                    for (int r = 0; r < rows; r++)
                        w.Line(string.Join(" ", Enumerable.Range(0, 4).Select(j => $"c{r}_{j} = Dp.DotProductBySelectedQuadruplet(c{r}_{j}, w{lane}_{j}, x{r}, {lane});")));
                }
            });
    }

    /// <summary>
    /// Without the dot product (after XNNPACK's 16-bit "mlal lane" kernels, on the c4 weights): each run loads 8
    /// input channels of each pixel once, widened to 16 bits, and each step of 4 channels unzips its 64 bytes of
    /// weights (16 outputs × 4 channels) twice, UZP1/UZP2, into one vector of 16 outputs per channel, widens
    /// that to 2 × 8 and multiplies them by the pixels' lane for the channel, summing in 32 bits (SMLAL/SMLAL2
    /// or UMLAL/UMLAL2 by element: exact for any 8-bit values). Per step and 4 pixels: 4 loads, 8 UZP, 8
    /// widenings, 64 multiply-adds; channels past K, in the last step, take no instructions.
    /// </summary>
    private static void MlalSteps(SourceWriter w, IntegerGemmLayout g, int rows, string x)
    {
        bool signed = x == "sbyte";
        string v = $"Vector128<{x}>", wide = signed ? "Vector128<short>" : "Vector128<ushort>", extend = signed ? "AdvSimd.SignExtendWidening" : "AdvSimd.ZeroExtendWidening";
        string[] channelOf = ["AdvSimd.Arm64.UnzipEven(even01, even23)", "AdvSimd.Arm64.UnzipEven(odd01, odd23)", "AdvSimd.Arm64.UnzipOdd(even01, even23)", "AdvSimd.Arm64.UnzipOdd(odd01, odd23)"];
        Runs(w, g.K, 8, x,
            channel => $"Input channels {channel(0)} … {channel(7)} of each pixel in 16 bits, one to a lane.",
            rest => $"The last {rest} input channels: {(rest + 3) / 4} step{(rest > 4 ? "s" : "")}, from a load that reads past them into lanes left unused.",
            (channels, channel, pixels, offset) =>
            {
                w.Line($"{wide} {string.Join(", ", Enumerable.Range(0, rows).Select(r => $"x{r} = {extend}Lower(Vector64.LoadUnsafe(ref {pixels}{At(Element(r, Rendering.Constant(offset)))}))"))};");
                for (int step = 0; step < (channels + 3) / 4; step++)
                {
                    int real = Math.Min(4, channels - 4 * step);
                    w.Line($"// Channels {channel(4 * step)} … {channel(4 * step + real - 1)}, lanes {4 * step} … {4 * step + real - 1}: the step's weights as one vector of 16 outputs per channel, each widened to outputs 0 … 7 (lo) and 8 … 15 (hi).");
                    w.Scope();
                    int at = (offset / IntegerGemmLayout.Step + step) * IntegerGemmLayout.StepBytes;
                    w.Line($"{v} {string.Join(", ", Enumerable.Range(0, 4).Select(j => $"w{j} = Vector128.LoadUnsafe(ref {IntegerKernels.Typed(x == "sbyte", "wk")}{Rendering.Offset(at + j * 16)})"))};");
                    w.Line($"{v} even01 = AdvSimd.Arm64.UnzipEven(w0, w1), even23 = AdvSimd.Arm64.UnzipEven(w2, w3){(real > 1 ? ", odd01 = AdvSimd.Arm64.UnzipOdd(w0, w1), odd23 = AdvSimd.Arm64.UnzipOdd(w2, w3)" : "")};");
                    w.Line($"{v} {string.Join(", ", Enumerable.Range(0, real).Select(i => $"channel{i} = {channelOf[i]}"))};");
                    for (int i = 0; i < real; i++)
                    {
                        int lane = 4 * step + i;
                        // Upper halves first: each GetLower is then its vector's last use, and costs no copy.
                        w.Line($"{wide} hi{i} = {extend}Upper(channel{i}), lo{i} = {extend}Lower(channel{i}.GetLower());");
                        for (int r = 0; r < rows; r++)
                            w.Line($"c{r}_1 = AdvSimd.MultiplyBySelectedScalarWideningUpperAndAdd(c{r}_1, lo{i}, x{r}, {lane}); c{r}_3 = AdvSimd.MultiplyBySelectedScalarWideningUpperAndAdd(c{r}_3, hi{i}, x{r}, {lane});");
                        for (int r = 0; r < rows; r++)
                            w.Line($"c{r}_0 = AdvSimd.MultiplyBySelectedScalarWideningLowerAndAdd(c{r}_0, lo{i}.GetLower(), x{r}, {lane}); c{r}_2 = AdvSimd.MultiplyBySelectedScalarWideningLowerAndAdd(c{r}_2, hi{i}.GetLower(), x{r}, {lane});");
                    }
                    w.Close();
                }
            });
    }

    /// <summary>
    /// Runs of <paramref name="size"/> input channels from <c>wk</c> (the weights) and the tile's pixels (each at
    /// a constant offset from <c>ak</c>, or from <c>a</c> when there is no loop, so that the loads need no address
    /// arithmetic): a loop over the whole runs two at a time where there are four or more (half the loop's
    /// counting and branching), the runs left over at constant offsets, then the last <c>K % size</c>; each
    /// comment from <paramref name="whole"/> or <paramref name="last"/>, the code from <paramref name="body"/>(channels,
    /// the name of the run's n-th channel, pixels, offset of the run's first channel from them).
    /// </summary>
    private static void Runs(SourceWriter w, int k, int size, string x, Func<Func<int, string>, string> whole, Func<int, string> last, Action<int, Func<int, string>, string, int> body)
    {
        int full = k / size, rest = k % size;
        bool loop = full >= 4;
        int looped = loop ? full / 2 * 2 : 0;
        string pixels = loop ? "ak" : "a";
        w.Line("ref byte wk = ref wb;");
        if (loop)
        {
            w.Line($"ref {x} ak = ref a;");
            w.Open($"for (int k = 0; k < {looped * size}; k += {2 * size})");
            foreach (int offset0 in new[] { 0, size })
            {
                Func<int, string> channel = n => Plus("k", Rendering.Constant(offset0 + n));
                w.Line($"// {whole(channel)}");
                w.Scope();
                body(size, channel, pixels, offset0);
                w.Close();
            }
            w.Line($"wk = ref Unsafe.Add(ref wk, {2 * size / IntegerGemmLayout.Step * IntegerGemmLayout.StepBytes});").Line($"ak = ref Unsafe.Add(ref ak, {2 * size});");
            w.Close();
        }
        int offset = 0;
        for (int run = looped; run < full; run++, offset += size)
        {
            int first = run * size;
            w.Line($"// {whole(n => Rendering.Constant(first + n))}");
            w.Scope();
            body(size, n => Rendering.Constant(first + n), pixels, offset);
            w.Close();
        }
        if (rest > 0)
        {
            w.Line($"// {last(rest)}");
            w.Scope();
            body(rest, n => Rendering.Constant(full * size + n), pixels, offset);
            w.Close();
        }
    }


    /// <summary>
    /// 4 pixels × 8 outputs in 8 int32 vectors of 256 bits, each holding 4 outputs × the two halves of a step:
    /// the tile's pixels are widened to 16 bits once, into scratch, and each step multiplies 4 of their
    /// channels, broadcast, by a step's weights widened on load (PMADDWD: pairs of products summed exactly).
    /// The halves are added at the end.
    /// </summary>
    private static void Avx2(SourceWriter w, IntegerLayer layer, IntegerGemmLayout g, int pixels, bool rowSums, string x)
    {
        int rows = Math.Min(IntegerGemmBranch.Avx2.Pixels, pixels);
        int stride = g.K;
        w.Line(x == "byte" ? "ref byte input8 = ref input;" : "ref sbyte input8 = ref Unsafe.As<byte, sbyte>(ref input);");
        w.Line("ref short wide = ref Unsafe.As<byte, short>(ref scratch);");
        OpenTileLoop(w, "p", 0, pixels, rows);
        w.Line($"// The tile's pixels in 16 bits, once for all the output blocks{(rowSums ? " (and each one's Σx: pairs times ones, summed)" : "")}.");
        int full = g.K / 16 * 16;
        if (rowSums)
            w.Line($"Vector256<int> {string.Join(", ", Enumerable.Range(0, rows).Select(r => $"sum{r} = default"))};");
        void Widen(string k, string? ones)
        {
            for (int r = 0; r < rows; r++)
                w.Line($"{{ Vector256<short> v = Avx2.ConvertToVector256Int16(Vector128.LoadUnsafe(ref input8{At(Plus(Pixel(r), k))})); v.StoreUnsafe(ref wide{At(Plus(Rendering.Constant(r * stride), k))});" +
                       $"{(rowSums ? $" sum{r} += Avx2.MultiplyAddAdjacent(v, {ones ?? "Vector256<short>.One"});" : "")} }}");
        }
        Sixteens(w, full / 16, k => Widen(k, null));
        if (full < g.K && g.K > 16)
        {
            // The last channels: the 16 that end at K, rewriting some already widened, which Σx leaves out.
            int rest = g.K - full;
            w.Line($"// Channels {g.K - 16} … {g.K - 1}, of which the last {rest} are new{(rowSums ? ": Σx takes only those" : "")}.");
            if (rowSums)
                w.Line($"Vector256<short> last = Vector256.Create({string.Join(", ", Enumerable.Range(0, 16).Select(i => i < 16 - rest ? "(short)0" : "(short)1"))});");
            Widen(Rendering.Constant(g.K - 16), "last");
        }
        if (rowSums)
            w.Line($"int {string.Join(", ", Enumerable.Range(0, rows).Select(r => $"s{r} = Vector256.Sum(sum{r})"))};");
        if (full < g.K && g.K < 16)
        {
            w.Open($"for (int k = 0; k < K; k++)");
            for (int r = 0; r < rows; r++)
                w.Line($"{{ int value = Unsafe.Add(ref input8, {Pixel(r)} + k); Unsafe.Add(ref wide, {Plus(Rendering.Constant(r * stride), "k")}) = (short)value;{(rowSums ? $" s{r} += value;" : "")} }}");
            w.Close();
        }
        // Half blocks of 8 outputs, as many as hold output channels; one needs no loop; a split layer's part makes those of blocks [from, to).
        int halves = (g.OutC + 7) / 8;
        if (layer.Split.Split)
            w.Open(halves % 2 == 0 ? "for (int b = 2 * from; b < 2 * to; b++)" : $"for (int b = 2 * from; b < Math.Min(2 * to, {halves}); b++)");
        else if (halves > 1)
            w.Open($"for (int b = 0; b < {halves}; b++)");
        else
            w.Scope().Line("const int b = 0;");
        w.Line($"ref byte wb = ref Unsafe.Add(ref weights, b / 2 * {g.BlockBytes} + b % 2 * 32);");
        w.Line($"Vector256<int> {string.Join(", ", Enumerable.Range(0, rows).SelectMany(r => Enumerable.Range(0, 2).Select(j => $"c{r}_{j} = default")))};");
        // Two steps an iteration, from references that move, so that every load is at a constant offset.
        int steps = g.Steps, pairs = steps / 2;
        bool moves = pairs > 1 || pairs == 1 && steps % 2 == 1;
        string xs = moves ? "xk" : "wide";
        w.Line(layer.WeightsSigned ? "ref sbyte wk = ref Unsafe.As<byte, sbyte>(ref wb);" : "ref byte wk = ref wb;");
        if (moves)
            w.Line("ref short xk = ref wide;");
        void Step(int s)
        {
            int at = s * IntegerGemmLayout.StepBytes;
            w.Line($"Vector256<short> w0 = Avx2.ConvertToVector256Int16(Vector128.LoadUnsafe(ref wk{Rendering.Offset(at)})), w1 = Avx2.ConvertToVector256Int16(Vector128.LoadUnsafe(ref wk, {at + 16}));");
            for (int r = 0; r < rows; r++)
            {
                int offset = r * stride + s * IntegerGemmLayout.Step;
                w.Line($"Vector256<short> x{r} = Vector256.Create(Unsafe.As<short, long>(ref {(offset == 0 ? xs : $"Unsafe.Add(ref {xs}, {offset})")})).AsInt16(); " +
                       $"c{r}_0 = Avx2.Add(c{r}_0, Avx2.MultiplyAddAdjacent(w0, x{r})); c{r}_1 = Avx2.Add(c{r}_1, Avx2.MultiplyAddAdjacent(w1, x{r}));");
            }
        }
        if (pairs > 1)
            w.Open($"for (int k = 0; k < {pairs * 2 * IntegerGemmLayout.Step}; k += {2 * IntegerGemmLayout.Step})");
        for (int s = 0; s < 2 && pairs > 0; s++)
        {
            w.Line($"// Input channels {(pairs > 1 ? $"k + {s * 4} … k + {s * 4 + 3}" : $"{s * 4} … {s * 4 + 3}")}: 4 of each pixel, broadcast, against 8 outputs × 4 channels.");
            w.Scope();
            Step(s);
            w.Close();
        }
        if (moves)
            w.Line($"wk = ref Unsafe.Add(ref wk, {2 * IntegerGemmLayout.StepBytes}); xk = ref Unsafe.Add(ref xk, {2 * IntegerGemmLayout.Step});");
        if (pairs > 1)
            w.Close();
        if (steps % 2 == 1)
        {
            w.Line($"// The last step, input channels {(steps - 1) * 4} … {(steps - 1) * 4 + 3}.");
            w.Scope();
            Step(0);
            w.Close();
        }
        w.Line("// Lanes 2i and 2i + 1 hold output i's halves: add them, and put the outputs back in order.");
        for (int r = 0; r < rows; r++)
            w.Line($"Vector256<int> c{r} = Avx2.Permute4x64(Avx2.HorizontalAdd(c{r}_0, c{r}_1).AsInt64(), 0b11_01_10_00).AsInt32();");
        RequantizeAvx2(w, layer, g, rows, rowSums);
        w.Close();
        w.Close();
    }

    /// <summary>
    /// Adds the biases (and −zw·Σx) to <paramref name="rows"/> pixels' 8 outputs of block <c>b</c>, requantises them
    /// (clamped relative to the zero point so that CVTPS2DQ, which rounds to even as .NET leaves MXCSR, stays in
    /// range) and stores them as bytes at <c>p</c>.
    /// </summary>
    private static void RequantizeAvx2(SourceWriter w, IntegerLayer layer, IntegerGemmLayout g, int rows, bool rowSums)
    {
        // With the type's whole range as bounds and scales of at most 1/2 (|product| ≤ 2^30, in CVTPS2DQ's range), the
        // saturating packs are the clamp; otherwise the products are clamped in float first.
        bool packsClamp = layer.OutputMin == layer.Output.Min && layer.OutputMax == layer.Output.Max && layer.MaxScale <= 0.5f;
        w.Line(packsClamp
            ? "// Requantisation: the sum times the scale, rounded to even, shifted by the zero point; the saturating packs clamp it to the type."
            : "// Requantisation: the sum times the scale, clamped relative to the zero point, rounded to even, then shifted by it.");
        w.Line("int o = b * 8;");
        if (!packsClamp)
            w.Line("Vector256<float> lo = Vector256.Create((float)(OutputMin - OutputZeroPoint)), hi = Vector256.Create((float)(OutputMax - OutputZeroPoint));");
        w.Line("Vector256<int> bias0 = Vector256.LoadUnsafe(ref bias, (nuint)o);");
        w.Line($"Vector256<float> scale0 = {(g.PerChannelScales ? "Vector256.LoadUnsafe(ref scales, (nuint)o)" : "Vector256.Create(Scale)")};");
        Target(w);
        string pack = layer.Output.Signed ? "Sse2.PackSignedSaturate(words{0}, words{0}).AsByte()" : "Sse2.PackUnsignedSaturate(words{0}, words{0})";
        for (int r = 0; r < rows; r++)
        {
            string sum = $"c{r} + bias0" + (rowSums ? $" - Vector256.Create(WeightZeroPoint * s{r})" : "");
            string product = $"Vector256.ConvertToSingle({sum}) * scale0";
            w.Line($"Vector256<int> q{r} = Avx.ConvertToVector256Int32({(packsClamp ? product : $"Vector256.ClampNative({product}, lo, hi)")}) + Vector256.Create(OutputZeroPoint);");
            w.Line($"Vector128<short> words{r} = Sse2.PackSignedSaturate(q{r}.GetLower(), q{r}.GetUpper());");
            w.Line($"Vector128<byte> y{r} = {string.Format(pack, r)};");
            Store(w, layer, r, 8);
        }
    }

    /// <summary>The tile's first output, <c>target</c>: the other pixels' are at constant offsets from it, which the stores fold into their addresses.</summary>
    private static void Target(SourceWriter w) => w.Line("ref byte target = ref Unsafe.Add(ref output, p * OutC + o);");

    /// <summary>Stores pixel <paramref name="r"/>'s outputs, the bytes <c>y</c>r; past the last output channel only the real ones.</summary>
    private static void Store(SourceWriter w, IntegerLayer layer, int r, int outputs)
    {
        string target = r == 0 ? "target" : $"Unsafe.Add(ref target, {(r == 1 ? "OutC" : $"{r} * OutC")})";
        string store = outputs == 16 ? $"y{r}.StoreUnsafe(ref {target});" : $"Unsafe.WriteUnaligned(ref {target}, y{r}.AsUInt64().ToScalar());";
        if (layer.Operation.OutC % outputs == 0)
        {
            w.Line(store);
            return;
        }
        w.Line($"if (o + {outputs} <= OutC) {store}");
        w.Line($"else for (int i = 0; i < OutC - o; i++) Unsafe.Add(ref {target}, i) = y{r}.GetElement(i);");
    }
}
