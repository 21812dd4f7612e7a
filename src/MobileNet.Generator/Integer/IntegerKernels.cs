using System.Collections.Generic;
using System.Globalization;
using MobileNet.Generator.Emitting;
using MobileNet.Generator.Lowering;
using MobileNet.Generator.Planning;

namespace MobileNet.Generator.Integer;

/// <summary>
/// The integer layers as C# with every shape, zero point and bound a constant: each layer's method, which
/// hands a convolution to its kernel family (<see cref="IntegerGemmKernel"/>, <see cref="IntegerDepthwiseKernel"/>)
/// and writes the pool, the add and the softmax itself.
/// </summary>
internal static class IntegerKernels
{
    /// <param name="producer">The streamed layer whose output rows <paramref name="layer"/> reads from a ring and which it runs, or null.</param>
    public static void Write(SourceWriter w, IntegerLayer layer, IReadOnlyList<IntegerGemmBranch> branches, IntegerLayer? producer)
    {
        PlannedOp op = layer.Operation;
        string scratch = layer.ScratchLength > 0 ? ", ref byte scratch" : "";
        string range = layer.Split.Split ? ", int from, int to" : "";
        w.Line($"/// <summary>Layer {layer.Index}: {layer.Description}, {op.Shape(false)} → {op.Shape(true)}, {layer.Input} → {layer.Output}.</summary>");
        if (layer.Split.Split)
            w.Line($"/// <remarks>Makes {(layer.Split.Axis == SplitAxis.Rows ? "output rows" : "the blocks of 16 output channels")} [<paramref name=\"from\"/>, <paramref name=\"to\"/>) of its {layer.Split.Units}: a part's share when the layer is split between threads.</remarks>");
        if (layer.Ring is { } ring)
        {
            w.Line($"/// <remarks>One output row a call, row <paramref name=\"y\"/>, into slot y % {ring.Rows} of the ring <paramref name=\"output\"/>: layer {layer.Index + 1} calls it as its windows reach the row.</remarks>");
            w.Open($"private static void {layer.MethodName}(ref byte input, ref byte output{scratch}, int y)");
        }
        else if (producer is not null)
        {
            w.Line($"/// <remarks>It makes its input rows, in the ring <paramref name=\"input\"/>, by calling layer {producer.Index} on that layer's input <paramref name=\"source\"/>.</remarks>");
            w.Open($"private static void {layer.MethodName}(ref byte source, ref byte input, ref byte output{scratch}{(producer.ScratchLength > 0 ? ", ref byte sourceScratch" : "")}{range})");
        }
        else
            w.Open($"private static void {layer.MethodName}(ref byte input, {(layer.Kind == IntegerKind.Add ? "ref byte skip, " : "")}ref byte output{scratch}{range})");
        switch (layer.Kind)
        {
            case IntegerKind.Conv when layer.Gemm is { } gemm: IntegerGemmKernel.Write(w, layer, gemm, branches); break;
            case IntegerKind.Conv: IntegerDepthwiseKernel.Write(w, layer, layer.Depthwise!, branches, producer); break;
            case IntegerKind.GlobalAveragePool: Pool(w, layer); break;
            case IntegerKind.Add: Add(w, layer); break;
            case IntegerKind.SignFlip:
                w.Line($"const int Length = {layer.OutputLength};");
                w.Line("global::MobileNet.IntegerMath.FlipSigns(ref input, ref output, Length);");
                break;
            default: Softmax(w, layer); break;
        }
        w.Close();
    }

    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// The layer's data and the arrays every convolution's data starts with: <c>bias</c>, the int32 biases at
    /// byte 0, and <c>scales</c>, the float scales at <paramref name="scaleOffset"/> where there is one per
    /// channel; otherwise the one scale as the constant <c>Scale</c>.
    /// </summary>
    public static void Biases(SourceWriter w, IntegerLayer layer, bool perChannel, int scaleOffset)
    {
        if (!perChannel)
            w.Line($"const float Scale = {SourceWriter.Float(layer.Scale)};");
        w.Line($"ref byte data = ref {WeightsEmitter.ClassName}.{Identifiers.WeightField(layer.Index, "")}.Bytes;");
        w.Line("ref int bias = ref Unsafe.As<byte, int>(ref data);");
        if (perChannel)
            w.Line($"ref float scales = ref Unsafe.As<byte, float>(ref Unsafe.Add(ref data, {scaleOffset}));");
    }

    /// <summary>Locals <c>x</c> and <c>y</c>: the input and output as their element type.</summary>
    private static void Views(SourceWriter w, QuantizedTensor input, QuantizedTensor output)
    {
        w.Line(input.Signed ? "ref sbyte x = ref Unsafe.As<byte, sbyte>(ref input);" : "ref byte x = ref input;");
        w.Line(output.Signed ? "ref sbyte y = ref Unsafe.As<byte, sbyte>(ref output);" : "ref byte y = ref output;");
    }

    /// <summary>
    /// The mean of each channel as TFLite's integer pool computes it (LiteRT runs it without XNNPACK): the
    /// codes' sum over the pixels, divided rounding half away from zero, on the input's own grid.
    /// </summary>
    private static void Pool(SourceWriter w, IntegerLayer layer)
    {
        PlannedOp op = layer.Operation;
        w.Line($"const int Pixels = {op.InH * op.InW}, C = {op.InC}, OutputMin = {Int(layer.OutputMin)}, OutputMax = {Int(layer.OutputMax)};");
        w.Line($"global::MobileNet.IntegerMath.AveragePool(ref {Typed(layer.Input.Signed, "input")}, ref {Typed(layer.Output.Signed, "output")}, Pixels, C, OutputMin, OutputMax);");
    }

    /// <summary>The residual add in fixed point (<see cref="IntegerAddition"/>): raw codes times 20-bit multipliers, an arithmetic shift.</summary>
    private static void Add(SourceWriter w, IntegerLayer layer)
    {
        IntegerAddition add = layer.Addition!;
        w.Line($"const int Length = {layer.OutputLength};");
        w.Line($"const int A = {Int(add.A)}, B = {Int(add.B)}, Shift = {Int(add.Shift)}, Bias = {Int(add.Bias)}; // Bias: half a unit less the zero points' terms");
        w.Line($"const int OutputZeroPoint = {Int(layer.Output.ZeroPoint)}, OutputMin = {Int(layer.OutputMin)}, OutputMax = {Int(layer.OutputMax)};");
        // The planner refuses adds that mix uint8 and int8: one type for all three.
        w.Line($"global::MobileNet.IntegerMath.Add(ref {Typed(layer.Input.Signed, "input")}, ref {Typed(layer.Skip.Signed, "skip")}, ref {Typed(layer.Output.Signed, "output")}, Length, A, B, Shift, Bias, OutputZeroPoint, OutputMin, OutputMax);");
    }

    /// <summary>The byte reference <paramref name="name"/> as sbyte where the values are <paramref name="signed"/>.</summary>
    public static string Typed(bool signed, string name) => signed ? $"Unsafe.As<byte, sbyte>(ref {name})" : name;

    /// <summary>TFLite's table softmax (<see cref="IntegerSoftmax"/>), the table in the layer's data.</summary>
    private static void Softmax(SourceWriter w, IntegerLayer layer)
    {
        QuantizedTensor o = layer.Output;
        w.Line($"const int Classes = {layer.Operation.InC};");
        w.Line($"const float OutputScale = {SourceWriter.Float(o.Scale)};");
        Views(w, layer.Input, o);
        w.Line($"ref float table = ref Unsafe.As<byte, float>(ref {Emitting.WeightsEmitter.ClassName}.{Identifiers.WeightField(layer.Index, "")}.Bytes);");
        w.Line($"int max = {Int(layer.Input.Min)};");
        w.Line("for (int i = 0; i < Classes; i++)");
        w.Line("    max = Math.Max(max, Unsafe.Add(ref x, i));");
        w.Line("// table[255 − d] = exp(−scale × d): the entry of x is at 255 − (max − x).");
        w.Line("ref float e = ref Unsafe.Add(ref table, 255 - max);");
        w.Line("float sum = 0;");
        w.Line("for (int i = 0; i < Classes; i++)");
        w.Line("    sum += Unsafe.Add(ref e, Unsafe.Add(ref x, i));");
        w.Line("float inverse = 1 / (sum * OutputScale);");
        w.Line("for (int i = 0; i < Classes; i++)");
        w.Line(o.Signed
            ? $"    Unsafe.Add(ref y, i) = (sbyte)Math.Clamp((int)MathF.Round(Unsafe.Add(ref e, Unsafe.Add(ref x, i)) * inverse, MidpointRounding.AwayFromZero) + {Int(o.ZeroPoint)}, -128, 127);"
            : "    Unsafe.Add(ref y, i) = (byte)Math.Clamp((int)(Unsafe.Add(ref e, Unsafe.Add(ref x, i)) * inverse + 0.5f), 0, 255); // TFLite adds no zero point here");
    }
}
