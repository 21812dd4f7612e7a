using MobileNet.Generator.Planning;

namespace MobileNet.Generator.Emitting;

/// <summary>
/// What the float and the integer emitters write alike for a network split over a thread set: the sizes of the
/// parts' scratch and the workspace they need, the helper that finds a part's buffer, each split layer's part
/// method and the instance <c>Run</c> that grows the instance's workspace once.
/// </summary>
internal static class ThreadedEmitter
{
    /// <summary>The constants of the parts' scratch and <c>WorkspaceLengthFor</c>, in <paramref name="unit"/> ("floats", "bytes").</summary>
    public static void Sizes(SourceWriter w, string unit, int mostParts, int partScratchLength, int partScratchAt) =>
        w.Line($"/// <summary>The most parts a layer is split into, and the {unit} of scratch each part after the first takes: from {partScratchAt} {unit} in, past what one thread uses.</summary>")
         .Line($"private const int MostParts = {mostParts}, PartScratchLength = {partScratchLength}, PartScratchAt = {partScratchAt};")
         .Line()
         .Line($"/// <summary>{char.ToUpperInvariant(unit[0])}{unit.Substring(1)} of workspace <c>Run</c> needs with a set of <paramref name=\"threads\"/> threads: <see cref=\"WorkspaceLength\"/> and the scratch of each part after the first.</summary>")
         .Line("public static int WorkspaceLengthFor(int threads) => WorkspaceLength + (Math.Clamp(threads, 1, MostParts) - 1) * PartScratchLength;");

    /// <summary><c>PartBuffer</c>: where part <c>part</c> finds a buffer, the layer's own for part 0, else at an offset within its scratch.</summary>
    public static void PartBuffer(SourceWriter w, string element) =>
        w.Line()
         .Line("/// <summary>A part's buffer: part 0 uses the layer's own, at <paramref name=\"at\"/>; the others the one <paramref name=\"within\"/> their scratch.</summary>")
         .Line($"private static ref {element} PartBuffer(ref {element} ws, int at, int part, int within) =>")
         .Line("    ref part == 0 ? ref Unsafe.Add(ref ws, at) : ref Unsafe.Add(ref ws, PartScratchAt + (part - 1) * PartScratchLength + within);");

    /// <summary>
    /// Layer <paramref name="index"/>'s part method: its run of the split's units (<paramref name="units"/> says what they are),
    /// handed to <paramref name="method"/> after the buffer <paramref name="arguments"/>.
    /// </summary>
    public static void PartMethod(SourceWriter w, int index, LayerSplit split, string units, string element, string method, string arguments) =>
        w.Line()
         .Line($"/// <summary>Layer {index}'s part <paramref name=\"part\"/> of a step: a run of its {split.Units} {units}, in {split.MaxParts} parts at most.</summary>")
         .Open($"private static void {Identifiers.PartMethod(index)}(int part, int parts, ref {element} image, ref {element} output, ref {element} ws)")
         .Line($"(int from, int to) = global::MobileNet.InferenceThreads.Range({split.Units}, Math.Min(parts, {split.MaxParts}), part);")
         .Line("if (from < to)")
         .Line($"    {method}({arguments}, from, to);")
         .Close();

    /// <summary>The body of the instance <c>Run</c> with a thread set: the instance's workspace grown once to the set's size, then the static <c>Run</c> with <paramref name="spans"/>.</summary>
    public static void InstanceRun(SourceWriter w, string element, string spans) =>
        w.Line("ArgumentNullException.ThrowIfNull(threads);")
         .Line("int length = WorkspaceLengthFor(threads.Count);")
         .Line("if (_workspace.Length < length)")
         .Line($"    _workspace = new {element}[length];")
         .Line($"Run({spans}, _workspace, threads);");
}
