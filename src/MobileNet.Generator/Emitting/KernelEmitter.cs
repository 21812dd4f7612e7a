using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using MobileNet.Generator.Kernels;
using MobileNet.Generator.Kernels.Depthwise;
using MobileNet.Generator.Kernels.Gemm;
using MobileNet.Generator.Kernels.RowStream;
using MobileNet.Generator.Kernels.Stem;
using MobileNet.Generator.Model;
using MobileNet.Generator.Planning;
using static MobileNet.Generator.Kernels.Rendering;

namespace MobileNet.Generator.Emitting;

/// <summary>
/// Writes one method per layer with every shape a constant, so that the JIT and NativeAOT fold the
/// loop bounds and offsets. Activations are NHWC with the channel count rounded up to whole
/// <c>Vector128</c>s. Each kernel has a branch per vector width the build can meet (512, 256 and 128 bits; 128 alone for ARM64); the JIT and
/// NativeAOT compile only the one the target takes, which on ARM64 is the 128-bit (NEON) one.
/// </summary>
internal static class KernelEmitter
{
    /// <summary>
    /// A kernel method: its name says what it computes, and the layers of one shape call the same one with
    /// their own weights. V1's five 14×14×512 layers run one depthwise and one pointwise kernel.
    /// </summary>
    private sealed record Kernel(string Name, string Summary, string Parameters, Action<SourceWriter> Body);

    /// <summary>
    /// The kernels one layer calls, built once: the layer's method calls them by name, and the class writes
    /// each kernel once. Depthwise and projection kernels by the output rows they make at a time.
    /// </summary>
    /// <param name="Gemm">A pointwise layer's GEMM, or a split one's (or a split classifier's) GEMM of a unit.</param>
    /// <param name="LastGemm">A split layer's GEMM of its last unit, where that is smaller.</param>
    private sealed record LayerKernels(Kernel? Gemm, Kernel? LastGemm, Kernel? Expand, IReadOnlyDictionary<int, Kernel> Depthwise, IReadOnlyDictionary<int, Kernel> Project)
    {
        /// <summary>In the order the class writes them: the GEMMs, the depthwise filters (two rows, then one), the expansion, the projections.</summary>
        public IEnumerable<Kernel> All =>
            new[] { Gemm, LastGemm }.Concat(Depthwise.OrderByDescending(d => d.Key).Select(d => d.Value)).Append(Expand)
                .Concat(Project.OrderByDescending(p => p.Key).Select(p => p.Value)).OfType<Kernel>();
    }

    /// <summary>Writes each layer's method, then each kernel they call, once, with the layers that call it.</summary>
    public static void Write(SourceWriter w, IEnumerable<PlannedLayer> layers, CancellationToken cancellationToken)
    {
        var kernels = new List<Kernel>();
        var callers = new Dictionary<string, List<int>>();
        foreach (PlannedLayer layer in layers)
        {
            cancellationToken.ThrowIfCancellationRequested();
            w.Line();
            LayerKernels calls = KernelsOf(layer);
            WriteLayer(w, layer, calls);
            foreach (Kernel kernel in calls.All)
            {
                if (!callers.TryGetValue(kernel.Name, out List<int>? indices))
                {
                    kernels.Add(kernel);
                    callers.Add(kernel.Name, indices = []);
                }
                if (!indices.Contains(layer.Index))
                    indices.Add(layer.Index);
            }
        }
        foreach (Kernel kernel in kernels)
        {
            cancellationToken.ThrowIfCancellationRequested();
            List<int> indices = callers[kernel.Name];
            w.Line();
            OpenMethod(w, $"{kernel.Summary} {(indices.Count == 1 ? "Layer" : "Layers")} {string.Join(", ", indices)}.", $"{kernel.Name}({kernel.Parameters})");
            kernel.Body(w);
            w.Close();
        }
    }

    private static void WriteLayer(SourceWriter w, PlannedLayer layer, LayerKernels calls)
    {
        PlannedOp op = layer.Operation;
        OpenMethod(w, $"Layer {layer.Index}: {Describe(layer)}{(layer.ExpansionOutput is { } e ? $"; each expanded row is also copied to <paramref name=\"expansion\"/>, {e.Name}" : "")}.",
            $"{layer.MethodName}(ref float input, ref float output{(layer.ScratchLength > 0 ? ", ref float scratch" : "")}{(layer.ExpansionOutput is null ? "" : ", Span<float> expansion")}" +
            $"{(layer.Split.Split ? ", int from, int to" : "")})", layer.Split.Split ? UnitsText(layer) : null);
        switch (layer.Kernel)
        {
            case KernelKind.Bottleneck or KernelKind.DepthwiseSeparable: Bottleneck(w, layer, calls); break;
            case KernelKind.ConvKxK: StemKernel.Write(w, layer.Stem!, Weights(layer), op.Clamp, layer.Split.Split); break;
            case KernelKind.Depthwise3x3: Depthwise3x3(w, layer, op, calls); break;
            case KernelKind.Pointwise or KernelKind.Dense when layer.Split.Split: GemmUnits(w, layer, calls); break;
            case KernelKind.Pointwise: w.Line($"{calls.Gemm!.Name}(ref {WeightsOf(layer)}, ref input, ref output);"); break;
            case KernelKind.GlobalAveragePool: GlobalAveragePool(w, layer, op); break;
            case KernelKind.Dense: Dense(w, layer, op); break;
            default: throw new InvalidOperationException($"{layer.Kernel} has no layer method");
        }
        w.Close();
    }

    /// <summary>Opens a kernel method: its summary (and what a split layer's range counts), straight to optimised code, the signature after <c>private static void</c>.</summary>
    private static void OpenMethod(SourceWriter w, string summary, string signature, string? units = null)
    {
        w.Line($"/// <summary>{summary}</summary>");
        if (units is not null)
            w.Line($"/// <remarks>Makes units [<paramref name=\"from\"/>, <paramref name=\"to\"/>) of {units}: a part's share when the layer is split between threads.</remarks>");
        // Straight to optimised code: a tier-0 or OSR copy of these loops runs several times slower, and they gain nothing from profiling.
        w.Line("[MethodImpl(MethodImplOptions.AggressiveOptimization)]");
        w.Open($"private static void {signature}");
    }

    public static string Describe(PlannedLayer layer)
    {
        PlannedOp op = layer.Operation;
        return layer.Kernel switch
        {
            KernelKind.ConvKxK or KernelKind.Depthwise3x3 or KernelKind.Pointwise =>
                $"{Kind(layer)}, stride {op.Stride}, {op.Shape(false)} → {op.Shape(true)}"
                + (op.KernelH > 1 ? $", pads (top, left, bottom, right) = {op.Pads}" : "") + ActivationText(op.Clamp),
            KernelKind.GlobalAveragePool => $"average pool, {op.Shape(false)} → 1×1×{op.OutC}",
            KernelKind.Bottleneck or KernelKind.DepthwiseSeparable => BottleneckDescription(layer),
            KernelKind.Dense => $"classifier, {op.InC} → {op.OutC}{ActivationText(op.Clamp)}",
            _ => $"softmax over {op.OutC} classes",
        };
    }

    public static string Kind(PlannedLayer layer) => layer.Kernel switch
    {
        KernelKind.ConvKxK => $"conv {layer.Operation.KernelH}×{layer.Operation.KernelW}",
        KernelKind.Depthwise3x3 => "depthwise 3×3",
        KernelKind.Pointwise => "pointwise 1×1",
        KernelKind.GlobalAveragePool => "average pool",
        KernelKind.Dense => "classifier",
        KernelKind.Bottleneck => "bottleneck",
        KernelKind.DepthwiseSeparable => "separable",
        _ => "softmax",
    };

    private static string BottleneckDescription(PlannedLayer layer)
    {
        StreamedOps b = Streamed(layer);
        if (layer.Kernel == KernelKind.DepthwiseSeparable)
            return $"depthwise separable, {b.InH}×{b.InW}×{b.InC} → {b.Project.Shape(true)}, depthwise stride {b.Depthwise.Stride}, " +
                $"pads (top, left, bottom, right) = {b.Depthwise.Pads}{ActivationText(b.Depthwise.Clamp)}, then 1×1{ActivationText(b.Project.Clamp)}";
        return $"inverted residual, {b.InH}×{b.InW}×{b.InC} → {b.Project.Shape(true)} through {b.Hidden} channels, depthwise stride {b.Depthwise.Stride}, " +
            $"pads (top, left, bottom, right) = {b.Depthwise.Pads}{(b.Residual ? ", plus the input" : "")}";
    }

    private static StreamedOps Streamed(PlannedLayer layer) => layer.Streamed ?? throw new InvalidOperationException("not a row-streamed layer");

    /// <summary>Declares <paramref name="local"/> over the layer's packed weights named <paramref name="suffix"/> (a bottleneck's "Expand", "Depthwise", "Project"; "" for a single array).</summary>
    private static string Weights(PlannedLayer layer, string local = "w", string suffix = "") => $"ref float {local} = ref {WeightsOf(layer, suffix)};";

    /// <summary>The first float of the layer's packed weights named <paramref name="suffix"/>.</summary>
    private static string WeightsOf(PlannedLayer layer, string suffix = "") => $"{WeightsEmitter.ClassName}.{Identifiers.WeightField(layer.Index, suffix)}.Floats";

    /// <summary>Declares <c>r0</c>, <c>r1</c>, …: the <paramref name="count"/> input rows from <c>iy0</c>, or the zero row where the window hangs over the top or bottom.</summary>
    private static void RowSources(SourceWriter w, int count, Func<int, string> row)
    {
        for (int j = 0; j < count; j++)
            w.Line($"ref float r{j} = ref (uint)(iy0 + {j}) < InH ? ref {row(j)} : ref zero;");
    }

    /// <summary>The numbers of output rows the layer's depthwise filter makes at a time, as planned: 2 (in a loop), then 1.</summary>
    private static int[] RowCounts(PlannedLayer layer) => layer.Depthwise!.Keys.OrderByDescending(rows => rows).ToArray();

    /// <summary>
    /// Covers the output rows (<c>oy</c>, up to the constant <c>OutH</c>) two at a time, then the last one alone if their number is odd:
    /// two output rows read four input rows at stride 1 (five at stride 2) instead of six, so a depthwise
    /// layer reads each input value from L2 about twice instead of three times, and loads it once into a register for both rows.
    /// A split layer covers the units [<c>from</c>, <c>to</c>): pairs of rows and, where their number is odd, the last row alone.
    /// </summary>
    private static void RowPairs(SourceWriter w, PlannedLayer layer, Action<int> body)
    {
        bool split = layer.Split.Split;
        if (split)
            w.Line("int end = Math.Min(2 * to, OutH);");
        foreach (int rows in RowCounts(layer))
        {
            if (rows == 2)
                w.Open(split ? "for (int oy = 2 * from; oy + 2 <= end; oy += 2)" : "for (int oy = 0; oy + 2 <= OutH; oy += 2)");
            else if (split)
                w.Open("if (end == OutH)").Line("int oy = OutH - 1;");
            else
                w.Scope().Line("int oy = OutH - 1;");
            body(rows);
            w.Close();
        }
    }

    /// <summary>
    /// What a split layer's units are, for its method's docs: "its 112 output rows", "its 7 output rows: 3 pairs, then
    /// the last alone", "its 56 output rows, 7 at a time", "its 1000 output channels, 128 at a time".
    /// </summary>
    private static string UnitsText(PlannedLayer layer)
    {
        LayerSplit split = layer.Split;
        int rows = (layer.Streamed?.Depthwise ?? layer.Operation).OutH;
        return (split.Axis, split.PerUnit) switch
        {
            (SplitAxis.Rows, 1) => $"its {rows} output rows",
            (SplitAxis.Rows, 2) => rows % 2 == 0 ? $"its {rows} output rows in pairs" : $"its {rows} output rows: {rows / 2} pairs, then the last alone",
            (SplitAxis.Rows, _) => $"its {rows} output rows, {split.PerUnit} at a time",
            _ => $"its {layer.Operation.OutC} output channels, {split.PerUnit * GemmLayout.Block} at a time",
        };
    }

    /// <summary>
    /// A split GEMM layer: each unit one call of the unit's GEMM kernel, the last unit its own where it is smaller.
    /// By rows a unit moves the input and output on by its pixels; by channels, the weights by its blocks and
    /// the output by its channels.
    /// </summary>
    private static void GemmUnits(SourceWriter w, PlannedLayer layer, LayerKernels calls)
    {
        LayerSplit split = layer.Split;
        GemmSchedule unit = layer.Gemm!;
        bool rows = split.Axis == SplitAxis.Rows;
        int pixels = unit.Pixels;
        (string input, string output, string weights) Operands(string u) => rows
            ? (At("input", Times(u, pixels * layer.InStride)), At("output", Times(u, pixels * layer.OutStride)), "weights")
            : ("input", At("output", Times(u, split.PerUnit * GemmLayout.Block)), At("weights", Times(u, split.PerUnit * unit.Layout.BlockLength)));
        w.Line(Weights(layer, "weights"));
        GemmSchedule? last = layer.LastGemm;
        w.Line(rows
            ? $"// A unit is {split.PerUnit} rows, {pixels} pixels{(last is null ? "" : $"; the last has {last.Pixels}")}."
            : $"// A unit is {split.PerUnit * GemmLayout.Block} output channels{(last is null ? "" : $"; the last has {last.Layout.OutStride}")}.");
        (string i, string o, string k) = Operands("u");
        w.Line($"for (int u = from; u < {(last is null ? "to" : $"Math.Min(to, {split.Units - 1})")}; u++)")
         .Line($"    {calls.Gemm!.Name}(ref {k}, ref {i}, ref {o});");
        if (last is null)
            return;
        (i, o, k) = Operands(Constant(split.Units - 1));
        w.Line($"if (to == {split.Units})")
         .Line($"    {calls.LastGemm!.Name}(ref {k}, ref {i}, ref {o});");
    }

    /// <summary>Unit <paramref name="u"/>'s offset, <paramref name="step"/> a unit: a constant where <paramref name="u"/> is a number, else "u * step".</summary>
    private static string Times(string u, int step) => int.TryParse(u, out int n) ? Constant(n * step) : $"{u} * {step}";


    private static void Depthwise3x3(SourceWriter w, PlannedLayer layer, PlannedOp op, LayerKernels calls)
    {
        w.Line($"const int InH = {op.InH}, InW = {op.InW}, C = {layer.OutStride}, OutH = {op.OutH}, Stride = {op.Stride}, PadTop = {op.Pads.Top};");
        w.Line(Weights(layer, "dwWeights"));
        w.Line("ref float zero = ref scratch; // the zero padding above and below the image");
        w.Line("MemoryMarshal.CreateSpan(ref zero, InW * C).Clear();");
        RowPairs(w, layer, rows =>
        {
            w.Line("int iy0 = oy * Stride - PadTop;");
            RowSources(w, layer.Depthwise![rows].InputRows, j => $"Unsafe.Add(ref input, (iy0 + {j}) * InW * C)");
            DepthwiseCall(w, layer, calls, rows, $"Unsafe.Add(ref output, oy * {op.OutW * layer.OutStride})");
        });
    }

    /// <summary>Calls the layer's depthwise kernel for <paramref name="rows"/> output rows, on <c>dwWeights</c> and the row sources declared before it.</summary>
    private static void DepthwiseCall(SourceWriter w, PlannedLayer layer, LayerKernels calls, int rows, string target) =>
        w.Line($"{calls.Depthwise[rows].Name}(ref dwWeights, {string.Join(", ", Enumerable.Range(0, layer.Depthwise![rows].InputRows).Select(j => $"ref r{j}"))}, ref {target});");

    private static void Bottleneck(SourceWriter w, PlannedLayer layer, LayerKernels calls)
    {
        StreamedOps block = Streamed(layer);
        PlannedOp dw = block.Depthwise;
        RowStreamLayout scratch = layer.RowStream!;
        bool expand = scratch.Expands;
        int ringRows = scratch.RingRows;
        // Row: the floats of one expanded row; Slot: the scratch one takes, whole cache lines.
        w.Line($"const int InH = {block.InH}, InW = {block.InW}, InC = {layer.InStride}, OutH = {dw.OutH}, Stride = {dw.Stride}, PadTop = {dw.Pads.Top}, Row = {scratch.Row}, Slot = {scratch.Slot};");
        if (expand)
            w.Line($"ref float ring = ref scratch; // {ringRows} expanded input rows, row iy in slot iy % {ringRows}");
        // RowStreamLayout.ZeroAt and DepthwiseAt, in slots.
        w.Line($"ref float zero = ref {(expand ? $"Unsafe.Add(ref scratch, {ringRows} * Slot)" : "scratch")}; // the zero padding above and below the image");
        w.Line($"ref float d = ref Unsafe.Add(ref scratch, {(expand ? $"{ringRows + 1} * Slot" : "Slot")}); // the depthwise output rows");
        w.Line("MemoryMarshal.CreateSpan(ref zero, Row).Clear();");
        if (expand)
            w.Line(Weights(layer, "expandWeights", Identifiers.Expand));
        w.Line(Weights(layer, "dwWeights", Identifiers.Depthwise));
        w.Line(Weights(layer, "projectWeights", Identifiers.Project));
        if (expand)
            w.Line(layer.Split.Split ? "int expanded = Math.Max(0, 2 * from * Stride - PadTop); // the first input row the part's windows reach" : "int expanded = 0;");
        RowPairs(w, layer, rows =>
        {
            int inputRows = layer.Depthwise![rows].InputRows;
            w.Line("int iy0 = oy * Stride - PadTop;");
            if (expand)
            {
                w.Open($"for (; expanded <= Math.Min(iy0 + {inputRows - 1}, InH - 1); expanded++)");
                ExpandRow(w, layer, calls.Expand!, ringRows);
                w.Close();
            }
            // Without an expansion the depthwise reads the input rows themselves (then the hidden width is InC).
            RowSources(w, inputRows, j => expand ? $"Unsafe.Add(ref ring, (iy0 + {j}) % {ringRows} * Slot)" : $"Unsafe.Add(ref input, (iy0 + {j}) * InW * InC)");
            DepthwiseCall(w, layer, calls, rows, "d");
            // The output rows are consecutive in d, in the output and in the input: one GEMM over their pixels.
            w.Line($"{calls.Project[rows].Name}(ref projectWeights, ref d, ref Unsafe.Add(ref output, oy * {dw.OutW * layer.OutStride})" +
                (block.Residual ? $", ref Unsafe.Add(ref input, oy * {block.InW * layer.InStride})" : "") + ");");
        });
        // The windows of 3×3 convolutions with SAME padding reach the last input row, so every row was expanded.
        if (layer.ExpansionOutput is not null && (dw.OutH - 1) * dw.Stride - dw.Pads.Top + 2 < block.InH - 1)
            throw new InvalidOperationException($"{layer.MethodName}'s windows leave input rows unexpanded");
    }

    /// <summary>Expands input row <c>expanded</c> into its ring slot and, when the expanded tensor is one of Run's outputs, copies the row out.</summary>
    private static void ExpandRow(SourceWriter w, PlannedLayer layer, Kernel expand, int ringRows)
    {
        w.Line($"ref float slot = ref Unsafe.Add(ref ring, expanded % {ringRows} * Slot);");
        w.Line($"{expand.Name}(ref expandWeights, ref Unsafe.Add(ref input, expanded * InW * InC), ref slot);");
        if (layer.ExpansionOutput is not { } tap)
            return;
        string target = $"expansion.Slice(expanded * InW * {tap.Channels}, InW * {tap.Channels})";
        w.Line(tap.Stride == tap.Channels
            ? $"MemoryMarshal.CreateReadOnlySpan(ref slot, Row).CopyTo({target});"
            : $"global::MobileNet.TensorLayout.CopyChannels(MemoryMarshal.CreateReadOnlySpan(ref slot, Row), {tap.Stride}, {target}, {tap.Channels});");
    }

    /// <summary>
    /// The kernels a layer calls: a row-streamed layer's stages, each a method of its own (a bottleneck's
    /// expansion of one input row; the depthwise filter of two output rows, and of one for the last of an
    /// odd number; their projection), a depthwise layer's filter, a pointwise layer's GEMM. Inline, with a
    /// branch per vector width, the stages made the largest layer methods (V2's 7×7 ones, 52 KB of IL) so
    /// large that the JIT compiled them without optimisation, 6 times slower.
    /// </summary>
    private static LayerKernels KernelsOf(PlannedLayer layer)
    {
        var none = new Dictionary<int, Kernel>();
        bool depthwise = layer.Kernel is KernelKind.Bottleneck or KernelKind.DepthwiseSeparable or KernelKind.Depthwise3x3;
        bool gemm = layer.Kernel == KernelKind.Pointwise || layer.Kernel == KernelKind.Dense && layer.Split.Split;
        return new LayerKernels(
            gemm ? Pointwise(layer, layer.Gemm!) : null,
            gemm && layer.LastGemm is { } last ? Pointwise(layer, last) : null,
            layer.Streamed?.Expand is not null ? Expand(layer) : null,
            depthwise ? RowCounts(layer).ToDictionary(rows => rows, rows => Depthwise(layer, rows)) : none,
            layer.Streamed is not null ? RowCounts(layer).ToDictionary(rows => rows, rows => Project(layer, rows)) : none);
    }

    private static Kernel Depthwise(PlannedLayer layer, int rows)
    {
        PlannedOp dw = layer.Streamed?.Depthwise ?? layer.Operation;
        DepthwiseSchedule s = layer.Depthwise![rows];
        return new Kernel(Identifiers.DepthwiseKernel(s, dw.Clamp),
            $"A 3×3 depthwise convolution, stride {s.Stride}, of {(rows == 2 ? "two output rows" : "one output row")}: {s.OutW} pixels × {dw.OutC} channels each{ActivationText(dw.Clamp)}.",
            $"ref float weights, {string.Join(", ", Enumerable.Range(0, s.InputRows).Select(j => $"ref float r{j}"))}, ref float d",
            w => DepthwiseKernel.Write(w, s, "weights", dw.Clamp, ""));
    }

    private static Kernel Expand(PlannedLayer layer)
    {
        StreamedOps block = Streamed(layer);
        PlannedOp expand = block.Expand!;
        return Gemm(layer.Expand!, expand.Clamp, residual: false, $"The expansion of one input row: {block.InW} pixels × {block.InC} → {block.Hidden} channels{ActivationText(expand.Clamp)}.");
    }

    private static Kernel Project(PlannedLayer layer, int rows)
    {
        StreamedOps block = Streamed(layer);
        return Gemm(layer.Projections![rows], block.Project.Clamp, block.Residual,
            $"The projection of {(rows == 2 ? "two output rows" : "one output row")}: {rows * block.Depthwise.OutW} pixels × {block.Hidden} → {block.Project.OutC} channels" +
            $"{(block.Residual ? ", plus the input pixels under them" : "")}{ActivationText(block.Project.Clamp)}.");
    }

    /// <summary>A 1×1 convolution's GEMM, or a unit of a split one or of a split classifier (<paramref name="s"/>).</summary>
    private static Kernel Pointwise(PlannedLayer layer, GemmSchedule s)
    {
        PlannedOp op = layer.Operation;
        string what = layer.Kernel == KernelKind.Dense ? "The classifier" : "A 1×1 convolution";
        string channels = s.OutputStride != s.Layout.OutStride ? $"{s.Layout.OutStride} of its {op.OutC} channels" : $"{op.OutC} channels";
        return Gemm(s, op.Clamp, residual: false, $"{what}: {s.Pixels} pixel{(s.Pixels == 1 ? "" : "s")} × {op.InC} → {channels}{ActivationText(op.Clamp)}.");
    }

    /// <summary>A GEMM kernel from <c>input</c> to <c>output</c> (plus <c>residual</c>) on <c>weights</c>.</summary>
    private static Kernel Gemm(GemmSchedule s, Clamp clamp, bool residual, string summary) =>
        new(Identifiers.GemmKernel(s, clamp, residual), summary, $"ref float weights, ref float input, ref float output{(residual ? ", ref float residual" : "")}",
            w => GemmKernel.Write(w, s, new GemmOperands("input", "output", "weights", clamp, Residual: residual ? "residual" : null)));

    private static void GlobalAveragePool(SourceWriter w, PlannedLayer layer, PlannedOp op)
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

    private static void Dense(SourceWriter w, PlannedLayer layer, PlannedOp op)
    {
        w.Line(Weights(layer, "weights"));
        GemmKernel.Write(w, layer.Gemm!, new GemmOperands("input", "output", "weights", op.Clamp));
    }
}
