using System;
using System.Collections.Generic;
using MobileNet.Generator.Emitting;
using MobileNet.Generator.Model;

namespace MobileNet.Generator.Kernels;

/// <summary>The pieces of text every kernel family writes the same way: width branches, tiled loops, clamps.</summary>
internal static class Rendering
{
    /// <summary>
    /// Opens one branch per vector width, widest first; the JIT and NativeAOT keep only the branch the target
    /// takes. A build for one width (ARM64's) gets that width's code alone, without a test or a block: every
    /// kernel writes its branches last in their block, so their locals meet nothing after them.
    /// </summary>
    /// <param name="branches">A schedule's branches, widest first.</param>
    /// <param name="width">The vector width whose check opens a branch.</param>
    public static void ForEachWidth<T>(SourceWriter w, IReadOnlyList<T> branches, Func<T, VectorWidth> width, Action<T> body)
    {
        if (branches.Count == 1)
        {
            body(branches[0]);
            return;
        }
        for (int i = 0; i < branches.Count; i++)
        {
            w.Open(i == branches.Count - 1 ? "else" : $"{(i == 0 ? "if" : "else if")} ({width(branches[i]).IsAccelerated})");
            body(branches[i]);
            w.Close();
        }
    }

    /// <summary>
    /// Declares <paramref name="index"/> at <paramref name="start"/> and covers [start, end) with tiles of
    /// <paramref name="size"/> (a loop when there are several), then one tile of exactly what is left: every
    /// bound is a constant.
    /// </summary>
    public static void Tiles(SourceWriter w, string index, int start, int end, int size, Action<int> tile)
    {
        int full = (end - start) / size;
        w.Line($"int {index} = {start};");
        if (full > 1)
        {
            w.Open($"for (; {index} + {size} <= {end}; {index} += {size})");
            tile(size);
            w.Close();
        }
        else if (full == 1)
        {
            w.Scope();
            tile(size);
            w.Close();
            if ((end - start) % size != 0)
                w.Line($"{index} += {size};");
        }
        if ((end - start) % size != 0)
        {
            w.Scope();
            tile((end - start) % size);
            w.Close();
        }
    }

    /// <summary>
    /// Opens a loop that covers [<paramref name="first"/>, <paramref name="end"/>) with tiles of
    /// <paramref name="size"/> at <paramref name="index"/>. Where the range is not a multiple of the tile, the
    /// last tile is moved back to end at <paramref name="end"/> and redoes a few outputs (the same values
    /// again): one tile's code instead of a second one for the remainder. Only for kernels whose output
    /// is not one of their inputs.
    /// </summary>
    public static void OpenTileLoop(SourceWriter w, string index, int first, int end, int size)
    {
        int overlap = ((end - first + size - 1) / size) * size - (end - first);
        if (overlap == 0)
        {
            w.Open($"for (int {index} = {first}; {index} < {end}; {index} += {size})");
            return;
        }
        w.Line($"// The last tile ends at {end}: it redoes {overlap} pixel{(overlap == 1 ? "" : "s")} rather than have code of its own.");
        w.Open($"for (int start = {first}; start < {end}; start += {size})");
        w.Line($"int {index} = Math.Min(start, {end - size});");
    }

    /// <summary>Tiles of at most <paramref name="most"/> covering <paramref name="length"/> as evenly as their number allows: 54 → 8 (7 tiles), 26 → 7 (4).</summary>
    public static int EvenTile(int length, int most)
    {
        int count = (length + most - 1) / most;
        return (length + count - 1) / count;
    }

    /// <summary>", ReLU6", ", ReLU", "" or ", clamped to [lo, hi]": a clamp as the docs name it.</summary>
    public static string ActivationText(Clamp clamp) => clamp.Activation switch
    {
        "" => "",
        { } name => ", " + name,
        null => FormattableString.Invariant($", clamped to [{clamp.Min}, {clamp.Max}]"), // the build machine's culture must not change the output
    };

    /// <summary>Declares the bounds a clamp needs, if any, as <c>lo</c>/<c>hi</c> or <c>{prefix}Lo</c>/<c>{prefix}Hi</c>, in the block that uses them.</summary>
    public static void ClampBounds(SourceWriter w, Clamp clamp, string prefix = "", string vector = "Vector128")
    {
        if (clamp.HasMin)
            w.Line($"{vector}<float> {Prefixed(prefix, "lo")} = {vector}.Create({SourceWriter.Float(clamp.Min)});");
        if (clamp.HasMax)
            w.Line($"{vector}<float> {Prefixed(prefix, "hi")} = {vector}.Create({SourceWriter.Float(clamp.Max)});");
    }

    /// <summary>The expression that applies the clamp to <paramref name="value"/>.</summary>
    public static string Apply(Clamp clamp, string value, string prefix = "")
    {
        // MaxNative/MinNative are one instruction (maxps, fmax); Max/Min order NaNs and signed zeros as
        // IEEE 754-2019 says, which costs three on x64. The weights have no NaNs, so the results agree.
        // Unqualified: the generated file imports Vector128, Vector256 and Vector512 statically, and the
        // arguments' type picks the width.
        if (clamp.HasMin)
            value = $"MaxNative({value}, {Prefixed(prefix, "lo")})";
        if (clamp.HasMax)
            value = $"MinNative({value}, {Prefixed(prefix, "hi")})";
        return value;
    }

    /// <summary>
    /// <c>acc += k × x[lane]</c> rounded once, 128-bit vectors only (NEON's FMLA by element, <c>KernelMath.FmaLane</c>):
    /// the same result as <see cref="VectorWidth.Fma"/> on the lane broadcast.
    /// </summary>
    public static string FmaByLane(string acc, string k, string x, int lane) => $"{acc} = FmaLane({acc}, {k}, {x}, {lane});";

    /// <summary>A local's name under a prefix: <c>lo</c>, or <c>expandHi</c> for the prefix "expand"; <c>half</c>, or <c>projectHalf</c>.</summary>
    public static string Prefixed(string prefix, string name) =>
        prefix.Length == 0 ? name : prefix + char.ToUpperInvariant(name[0]) + name.Substring(1);

    /// <summary>An integer as C# text, whatever the build machine's culture.</summary>
    public static string Constant(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The sum of two offsets as C# text, leaving out a zero.</summary>
    public static string Plus(string a, string b) => a == "0" ? b : b == "0" ? a : $"{a} + {b}";

    /// <summary>The element <paramref name="offset"/> floats after <paramref name="name"/>: <c>Unsafe.Add(ref name, offset)</c>, or <c>name</c> itself at 0.</summary>
    public static string At(string name, string offset) => offset == "0" ? name : $"Unsafe.Add(ref {name}, {offset})";

    /// <summary>A load's or store's element offset argument: <c>, 16</c>, or nothing for 0.</summary>
    public static string Offset(int elements) => elements == 0 ? "" : $", {Constant(elements)}";
}
