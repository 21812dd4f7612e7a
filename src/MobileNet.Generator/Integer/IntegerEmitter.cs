using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using MobileNet.Generator.Emitting;
using MobileNet.Generator.Model;
using MobileNet.Generator.Planning;

namespace MobileNet.Generator.Integer;

/// <summary>
/// Writes an integer network: its class (docs with the layer table, the constants of its 8-bit input and
/// output, Preprocess, Run over bytes and over floats, a method per layer) and its data.
/// </summary>
internal static class IntegerEmitter
{
    public static GeneratedFile[] Emit(TargetType target, IntegerPlan plan, string weightsPath, CancellationToken cancellationToken)
    {
        string hint = Emitter.HintName(target);
        return
        [
            new GeneratedFile($"{hint}.MobileNet.g.cs", Emitter.Wrap(target, code: true, w => WriteNetwork(w, target, plan, weightsPath, cancellationToken), intrinsics: true)),
            new GeneratedFile($"{hint}.MobileNet.Weights.g.cs", Emitter.Wrap(target, code: false, w =>
            {
                w.Open(target.Declarations[target.Declarations.Count - 1]);
                WriteData(w, plan, cancellationToken);
                w.Close();
            })),
        ];
    }

    /// <summary>The C# type of a tensor's elements.</summary>
    private static string Type(Lowering.QuantizedTensor t) => t.Signed ? "sbyte" : "byte";

    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static void WriteNetwork(SourceWriter w, TargetType target, IntegerPlan plan, string weightsPath, CancellationToken cancellationToken)
    {
        PlannedNetwork net = plan.Network;
        int size = net.Resolution, channels = net.InputChannels;
        string alpha = net.Alpha.ToString("0.###", CultureInfo.InvariantCulture);
        PlannedOutput output = plan.Outputs[0];
        IntegerLayer last = plan.Layers[output.Layer];
        string inType = Type(plan.Input), outType = Type(last.Output);

        w.Line("/// <summary>")
         .Line($"/// MobileNet V{net.Version}, α = {alpha}, {size}×{size}×{channels} → {output.Channels} {(output.Kind == OutputKind.Probabilities ? "class probabilities" : "values")} in {last.Output.TypeName}, generated from <c>{DisplayText.XmlDoc(weightsPath)}</c>")
         .Line($"/// ({DisplayText.XmlDoc(net.Source)}), run in integers as TFLite runs it: {Emitter.Millions(plan.MultiplyAccumulates)} M multiply-accumulates, {SourceWriter.Count(plan.WeightBytes)} bytes of weights,")
         .Line($"/// a workspace of {SourceWriter.Count(plan.WorkspaceLength)} bytes (the float network's: {SourceWriter.Count(plan.FloatWorkspaceBytes)}).")
         .Line("/// </summary>")
         .Line("/// <remarks>")
         .Line($"/// <para>The input is {size}×{size}×{channels} {plan.Input.TypeName} values in NHWC order, quantised as the file says: {plan.Input}.")
         .Line($"/// <see cref=\"Preprocess(ReadOnlySpan{{byte}}, int, int, int, Span{{{inType}}}, float)\"/> makes them from 8-bit pixels. Every convolution multiplies 8-bit values into 32-bit sums, exactly,")
         .Line("/// and requantises each sum to its output's 8 bits with the file's scales, as LiteRT does: the outputs are LiteRT's, bit for bit.</para>")
         .Line("/// <code>");
        w.Line($"///  #  {"layer",-16} {"stride",6}  {"input → output",-30} {"MACs",13} {"params",11}  {"output",-40}  {"threads 2·4·8",-16}  name");
        foreach (IntegerLayer layer in plan.Layers)
        {
            PlannedOp op = layer.Operation;
            string shapes = layer.Kind switch
            {
                IntegerKind.Conv when !layer.Classifier => $"{op.Shape(false)} → {op.Shape(true)}",
                IntegerKind.Add => $"{op.Shape(true)} + input",
                IntegerKind.GlobalAveragePool => $"{op.Shape(false)} → {op.OutC}",
                IntegerKind.SignFlip => op.Shape(true),
                _ => $"{op.InC} → {op.OutC}",
            };
            string stride = layer.Kind == IntegerKind.Conv && !layer.Classifier ? Int(op.Stride) : "";
            string range = layer.OutputMin > layer.Output.Min || layer.OutputMax < layer.Output.Max ? $" [{layer.OutputMin}, {layer.OutputMax}]" : "";
            string threads = layer.Ring is null ? layer.Split.Describe() : $"in layer {layer.Index + 1}";
            w.Line($"/// {layer.Index,2}  {layer.Description,-16} {stride,6}  {shapes,-30} {SourceWriter.Count(op.Macs),13} {SourceWriter.Count(op.Parameters),11}  {layer.Output + range,-40}  {threads,-16}  {layer.Name}".TrimEnd());
        }
        w.Line($"///     {"total",-16} {"",6}  {"",-30} {SourceWriter.Count(plan.MultiplyAccumulates),13} {SourceWriter.Count(plan.Parameters),11}")
         .Line("/// </code>")
         .Line("/// <para>Output: each layer's quantisation, and in brackets the clamp of its fused activation where that narrows the type's range.</para>");
        if (plan.Layers.Where(l => l.Ring is not null).ToArray() is { Length: > 0 } streamed)
            w.Line($"/// <para>Streamed, their maps never whole in the workspace: layer{(streamed.Length > 1 ? "s" : "")} {string.Join(", ", streamed.Select(l => Int(l.Index)))}, whose output rows the depthwise layer after each reads from a ring as many rows deep as its window, making each row as its windows reach it.</para>");
        w.Line(plan.MostParts == 1
            ? "/// <para>Threads: every layer is too small to gain from being split between threads, so <c>Run</c> with an <see cref=\"global::MobileNet.InferenceThreads\"/> set runs them all on the calling thread.</para>"
            : "/// <para>Threads: how <c>Run</c> with an <see cref=\"global::MobileNet.InferenceThreads\"/> set of 2, 4 and 8 threads splits each layer, at most: a depthwise layer by output rows (each part making the streamed rows its windows reach, in a ring of its own), a GEMM by blocks of 16 output channels; \"caller\" layers run on the calling thread alone.</para>");
        w
         .Line("/// </remarks>")
         .Line($"[global::System.CodeDom.Compiler.GeneratedCode(\"MobileNet.Generator\", \"{Emitter.GeneratorVersion}\")]");
        w.Open(target.Declarations[target.Declarations.Count - 1]);

        w.Line("/// <summary>Input height and width in pixels.</summary>")
         .Line($"public const int InputSize = {size};")
         .Line("/// <summary>Input channels: 3 for RGB, 1 for greyscale.</summary>")
         .Line($"public const int InputChannels = {channels};")
         .Line($"/// <summary>Values in one input image: {size}×{size}×{channels}, NHWC.</summary>")
         .Line($"public const int InputLength = {plan.InputLength};")
         .Line($"/// <summary>The input's quantisation: real = InputScale × (q − InputZeroPoint), q {plan.Input.TypeName}.</summary>")
         .Line($"public const float InputScale = {SourceWriter.Float(plan.Input.Scale)};")
         .Line("/// <inheritdoc cref=\"InputScale\"/>")
         .Line($"public const int InputZeroPoint = {Int(plan.Input.ZeroPoint)};")
         .Line($"/// <summary>Values in the output: {(output.Kind == OutputKind.Probabilities ? "one probability per class" : "the output tensor, NHWC")}.</summary>")
         .Line($"public const int OutputLength = {output.Length};")
         .Line($"/// <summary>The output's height, width and channels, NHWC{(output.Height == 1 ? " (a vector: 1×1×channels)" : "")}.</summary>")
         .Line($"public const int OutputHeight = {output.Height}, OutputWidth = {output.Width}, OutputChannels = {output.Channels};")
         .Line($"/// <summary>The output's quantisation: real = OutputScale × (q − OutputZeroPoint), q {last.Output.TypeName}.</summary>")
         .Line($"public const float OutputScale = {SourceWriter.Float(last.Output.Scale)};")
         .Line("/// <inheritdoc cref=\"OutputScale\"/>")
         .Line($"public const int OutputZeroPoint = {Int(last.Output.ZeroPoint)};")
         .Line("/// <summary>What Run writes.</summary>")
         .Line($"public const global::MobileNet.MobileNetOutput OutputKind = global::MobileNet.MobileNetOutput.{output.Kind};")
         .Line("/// <summary>True when Run writes probabilities.</summary>")
         .Line($"public const bool OutputIsProbability = {(output.Kind == OutputKind.Probabilities ? "true" : "false")};")
         .Line("/// <summary>Multiply-accumulates per image, counted as the MobileNet papers count them (convolutions and classifier).</summary>")
         .Line($"public const long MultiplyAccumulates = {plan.MultiplyAccumulates.ToString(CultureInfo.InvariantCulture)};")
         .Line("/// <summary>Bytes of read-only data in the assembly: 8-bit weights, 16-bit depthwise taps, int32 biases, float scales, the softmax's table.</summary>")
         .Line($"public const int WeightBytes = {plan.WeightBytes};")
         .Line("/// <summary>Bytes of workspace Run needs.</summary>")
         .Line($"public const int WorkspaceLength = {plan.WorkspaceLength};")
         .Line()
         .Line($"/// <summary>How 8-bit pixels become real input values: {DisplayText.XmlDoc(net.Normalization.Source)}.</summary>")
         .Line($"public static global::MobileNet.PixelNormalization Normalization => new global::MobileNet.PixelNormalization({SourceWriter.Float(net.Normalization.Mean)}, {SourceWriter.Float(net.Normalization.Scale)});")
         .Line()
         .Line("/// <summary>Resizes an image (bilinear; 1 grey, 3 RGB or 4 RGBA bytes per pixel) to the network's input and quantises it as the file's input is. Allocates nothing.</summary>")
         .Line($"public static void Preprocess(ReadOnlySpan<byte> pixels, int width, int height, int channels, Span<{inType}> input, float centralFraction = 1f) =>")
         .Line("    global::MobileNet.ImagePreprocessor.Resize(pixels, width, height, channels, input, InputSize, InputChannels, Normalization, InputScale, InputZeroPoint, centralFraction);")
         .Line()
         .Line("/// <summary>Resizes an image to the network's input as real values (see <see cref=\"Normalization\"/>), for <see cref=\"Run(ReadOnlySpan{float}, Span{float})\"/>.</summary>")
         .Line("public static void Preprocess(ReadOnlySpan<byte> pixels, int width, int height, int channels, Span<float> input, float centralFraction = 1f) =>")
         .Line("    global::MobileNet.ImagePreprocessor.Resize(pixels, width, height, channels, input, InputSize, InputChannels, Normalization, centralFraction);")
         .Line();

        if (!target.IsStatic)
        {
            w.Line("private byte[] _workspace = new byte[WorkspaceLength];")
             .Line($"private readonly {inType}[] _input = new {inType}[InputLength];")
             .Line($"private readonly {outType}[] _output = new {outType}[OutputLength];")
             .Line()
             .Line("/// <summary>Runs the network on one quantised image using this instance's workspace. Allocates nothing; not for concurrent use of one instance.</summary>")
             .Line($"public void Run(ReadOnlySpan<{inType}> input, Span<{outType}> output) => Run(input, output, _workspace);")
             .Line()
             .Line("/// <summary>Runs the network on one quantised image and writes the output as real values. Allocates nothing; not for concurrent use of one instance.</summary>")
             .Line($"public void Run(ReadOnlySpan<{inType}> input, Span<float> output)")
             .Line("{")
             .Line("    global::MobileNet.NetworkGuard.ExactLength(output.Length, OutputLength, nameof(output));")
             .Line("    Run(input, _output, _workspace);")
             .Line("    global::MobileNet.IntegerMath.Dequantize(_output, output, OutputScale, OutputZeroPoint);")
             .Line("}")
             .Line()
             .Line("/// <summary>")
             .Line("/// Runs the network on real input values, quantised first as the file's input is, and writes the output as real values:")
             .Line("/// the float network's API. Allocates nothing; not for concurrent use of one instance.")
             .Line("/// </summary>")
             .Line("public void Run(ReadOnlySpan<float> input, Span<float> output)")
             .Line("{")
             .Line("    global::MobileNet.NetworkGuard.ExactLength(input.Length, InputLength, nameof(input));")
             .Line("    global::MobileNet.IntegerMath.Quantize(input, _input, InputScale, InputZeroPoint);")
             .Line("    Run(_input, output);")
             .Line("}")
             .Line()
             .Line("/// <summary>")
             .Line("/// Runs the network on one quantised image split between the threads of <paramref name=\"threads\"/>, using this instance's workspace; the")
             .Line("/// same codes as one thread. The first call with more threads than before makes the workspace larger, once; then it allocates nothing.")
             .Line("/// Not for concurrent use of one instance.")
             .Line("/// </summary>")
             .Open($"public void Run(ReadOnlySpan<{inType}> input, Span<{outType}> output, global::MobileNet.InferenceThreads threads)");
            ThreadedEmitter.InstanceRun(w, "byte", "input, output");
            w.Close().Line();
        }

        w.Line("/// <summary>Runs the network on one quantised image in a workspace the caller provides. Allocates nothing; thread-safe for distinct workspaces.</summary>")
         .Line($"/// <param name=\"input\"><see cref=\"InputLength\"/> {plan.Input.TypeName} values, NHWC.</param>")
         .Line($"/// <param name=\"output\">Receives <see cref=\"OutputLength\"/> {last.Output.TypeName} values.</param>")
         .Line("/// <param name=\"workspace\">At least <see cref=\"WorkspaceLength\"/> bytes; its contents are overwritten.</param>")
         .Line("/// <exception cref=\"ArgumentException\">A span does not have the length the network needs.</exception>");
        void Body(bool profiled, bool threaded = false)
        {
            w.Line("global::MobileNet.NetworkGuard.ExactLength(input.Length, InputLength, nameof(input));")
             .Line("global::MobileNet.NetworkGuard.ExactLength(output.Length, OutputLength, nameof(output));")
             .Line($"global::MobileNet.NetworkGuard.MinimumLength(workspace.Length, {(threaded ? "WorkspaceLengthFor(threads.Count)" : "WorkspaceLength")}, nameof(workspace));")
             .Line($"ref byte image = ref Unsafe.As<{inType}, byte>(ref MemoryMarshal.GetReference(input));")
             .Line("ref byte ws = ref global::MobileNet.NetworkGuard.AlignToCacheLine(ref MemoryMarshal.GetReference(workspace));");
            if (threaded)
                w.Line($"ref byte first = ref Unsafe.As<{outType}, byte>(ref MemoryMarshal.GetReference(output)); // what the steps call their output; the layers write the workspace");
            if (profiled)
                w.Line("long start = global::System.Diagnostics.Stopwatch.GetTimestamp(), now;");
            // A streamed layer runs inside the depthwise layer after it, which is given its input and scratch.
            foreach (IntegerLayer layer in plan.Layers.Where(l => l.Ring is null))
            {
                if (threaded && layer.Split.Split)
                    w.Line($"threads.Run({Identifiers.PartMethod(layer.Index)}, ref image, ref first, ref ws);");
                else
                    w.Line($"{layer.MethodName}({Arguments(plan, layer)}{(layer.Split.Split ? $", 0, {layer.Split.Units}" : "")});");
                if (profiled)
                    w.Line($"now = global::System.Diagnostics.Stopwatch.GetTimestamp(); LayerTicks[{layer.Index}] += now - start; start = now;");
            }
            w.Line($"MemoryMarshal.CreateReadOnlySpan(ref Unsafe.As<byte, {outType}>(ref {Emitter.Buffer(last.OutputOffset)}), OutputLength).CopyTo(output);");
        }
        w.Open($"public static void Run(ReadOnlySpan<{inType}> input, Span<{outType}> output, Span<byte> workspace)");
        Body(profiled: false);
        w.Close();

        w.Line();
        ThreadedEmitter.Sizes(w, "bytes", plan.MostParts, plan.PartScratchLength, plan.PartScratchAt);
        w.Line()
         .Line("/// <summary>")
         .Line("/// Runs the network on one quantised image in a workspace the caller provides, each layer split between the threads of")
         .Line("/// <paramref name=\"threads\"/> as the layer table says: every output is computed by one thread as one thread computes it, so the")
         .Line("/// codes are those of <c>Run</c> without threads. Allocates nothing; thread-safe for distinct workspaces and thread sets.")
         .Line("/// </summary>")
         .Line($"/// <param name=\"input\"><see cref=\"InputLength\"/> {plan.Input.TypeName} values, NHWC.</param>")
         .Line($"/// <param name=\"output\">Receives <see cref=\"OutputLength\"/> {last.Output.TypeName} values.</param>")
         .Line("/// <param name=\"workspace\">At least <see cref=\"WorkspaceLengthFor\"/>(<paramref name=\"threads\"/>.Count) bytes; its contents are overwritten.</param>")
         .Line("/// <param name=\"threads\">The threads to split each layer between; one network runs on a set at a time.</param>")
         .Line("/// <exception cref=\"ArgumentException\">A span does not have the length the network needs.</exception>");
        w.Open($"public static void Run(ReadOnlySpan<{inType}> input, Span<{outType}> output, Span<byte> workspace, global::MobileNet.InferenceThreads threads)");
        w.Line("ArgumentNullException.ThrowIfNull(threads);");
        if (plan.MostParts == 1)
            w.Line("Run(input, output, workspace); // no layer gains from threads");
        else
            Body(profiled: false, threaded: true);
        w.Close();
        if (plan.MostParts > 1)
            ThreadedEmitter.PartBuffer(w, "byte");
        foreach (IntegerLayer layer in plan.Layers.Where(l => l.Split.Split))
            ThreadedEmitter.PartMethod(w, layer.Index, layer.Split, layer.Split.Axis == SplitAxis.Rows ? "output rows" : "blocks of output channels", "byte",
                layer.MethodName, Arguments(plan, layer, part: true));

        // A timed copy of Run for the per-layer breakdown (tests/MobileNet.Benchmarks --layers); absent unless MOBILENET_PROFILE is defined.
        w.Line()
         .Line("#if MOBILENET_PROFILE")
         .Line("/// <summary>The generated layer methods, in order, for the per-layer breakdown.</summary>")
         .Line($"public static readonly string[] LayerNames = {{ {string.Join(", ", plan.Layers.Select(l => $"\"{l.MethodName}\""))} }};")
         .Line("/// <summary>Each layer's multiply-accumulates, in the papers' convention.</summary>")
         .Line($"public static readonly long[] LayerMacs = {{ {string.Join(", ", plan.Layers.Select(l => l.Operation.Macs.ToString(CultureInfo.InvariantCulture)))} }};")
         .Line("/// <summary>Stopwatch ticks spent in each layer by <see cref=\"RunProfiled\"/> since the array was last cleared; a streamed layer's in the depthwise layer that runs it.</summary>")
         .Line($"public static readonly long[] LayerTicks = new long[{plan.Layers.Count}];")
         .Line()
         .Line("/// <summary>Run, adding each layer's time to <see cref=\"LayerTicks\"/>.</summary>");
        w.Open($"public static void RunProfiled(ReadOnlySpan<{inType}> input, Span<{outType}> output, Span<byte> workspace)");
        Body(profiled: true);
        w.Close();
        w.Line("#endif");

        foreach (IntegerLayer layer in plan.Layers)
        {
            cancellationToken.ThrowIfCancellationRequested();
            w.Line();
            IntegerKernels.Write(w, layer, plan.Branches, layer.StreamedFrom >= 0 ? plan.Layers[layer.StreamedFrom] : null);
        }
        w.Close();
    }


    /// <summary>
    /// A layer method's buffer arguments: a streamed consumer's producer input, its ring, output, scratch and producer
    /// scratch; any other layer's input (and an add's skip), output and scratch. In a <paramref name="part"/> method the
    /// ring and the scratch are the part's own.
    /// </summary>
    private static string Arguments(IntegerPlan plan, IntegerLayer layer, bool part = false)
    {
        string Own(int offset, int within) => part ? $"ref PartBuffer(ref ws, {offset}, part, {within})" : $"ref {Emitter.Buffer(offset)}";
        string scratch = layer.ScratchLength > 0 ? $", {Own(layer.ScratchOffset, 0)}" : "";
        if (layer.StreamedFrom >= 0 && plan.Layers[layer.StreamedFrom] is var producer)
            return $"ref {Emitter.Buffer(producer.InputOffset)}, {Own(layer.InputOffset, layer.PartRingAt)}, ref {Emitter.Buffer(layer.OutputOffset)}{scratch}" +
                   (producer.ScratchLength > 0 ? $", {Own(producer.ScratchOffset, layer.PartSourceScratchAt)}" : "");
        return $"ref {Emitter.Buffer(layer.InputOffset)}, {(layer.Kind == IntegerKind.Add ? $"ref {Emitter.Buffer(layer.SkipOffset)}, " : "")}ref {Emitter.Buffer(layer.OutputOffset)}{scratch}";
    }

    private static void WriteData(SourceWriter w, IntegerPlan plan, CancellationToken cancellationToken)
    {
        w.Line("/// <summary>Each convolution's int32 biases, float scales (where per channel) and 8-bit weights, in the assembly's read-only data.</summary>");
        w.Open($"private static class {WeightsEmitter.ClassName}");
        foreach (KeyValuePair<int, byte[]> data in plan.Data.OrderBy(d => d.Key))
        {
            cancellationToken.ThrowIfCancellationRequested();
            IntegerLayer layer = plan.Layers[data.Key];
            string name = Identifiers.WeightField(data.Key, "");
            w.Line($"/// <summary>{layer.MethodName}: {SourceWriter.Count(data.Value.Length)} bytes.</summary>")
             .Line($"public static readonly global::MobileNet.LayerWeights {name} = new({name}Words);");
            WeightsEmitter.WordArray(w, name, data.Value);
        }
        w.Close();
    }
}
