using System;
using System.Linq;
using System.Threading;
using MobileNet.Generator.Planning;

namespace MobileNet.Generator.Emitting;

/// <summary>
/// Writes the packed weights as read-only data. Each layer's floats go, two at a time, into 64-bit hex
/// literals of a <c>ReadOnlySpan&lt;ulong&gt;</c> property: the compiler stores such an array in the
/// assembly's read-only data and the property returns a span over it, so nothing is copied at start-up
/// or run time. A ulong carries twice the data of a float literal per token, which halves Roslyn's cost.
/// Each literal says <c>UL</c>: without it a word below 2^63 is an int, uint or long, and the compiler
/// gives it a conversion node and a converted constant of its own. Measured on the weights file alone
/// (a fresh compiler process, 2 busy cores), the suffix took V2 1.0-224's peak memory from 1.72 to
/// 1.36 GB and V1 0.5-160's from 0.74-0.78 to 0.60 GB, with 5-15 % less CPU. Against it, on V1: byte
/// literals took 3-4 times as long, uint words (two tokens per ulong) 1.6 times the memory, double
/// literals 1.3 times the memory and 1.5-1.8 times the CPU, a collection expression 10 % more memory;
/// hex without leading zeros and 1 or 64 words a line changed nothing. Roslyn compiles types in
/// parallel but a type's methods one after another: a nested class per layer cost the same CPU and 3 %
/// more memory, and its wall-time gain on 2 cores could not be told from the noise of a shared machine.
/// The layers read each array through a <c>MobileNet.LayerWeights</c> field that holds its address,
/// taken once: in a Debug build each call of such a property allocates.
/// </summary>
internal static class WeightsEmitter
{
    public const string ClassName = "MobileNetWeights";

    public static void Write(SourceWriter writer, ExecutionPlan plan, CancellationToken cancellationToken)
    {
        writer.Line("/// <summary>")
              .Line("/// The folded, packed weights of each layer, as float32 pairs in little-endian 64-bit words. They live")
              .Line("/// in the assembly's read-only data: each property returns a span over it without copying, and each")
              .Line("/// field holds its address, taken once, which the layers read without allocating even in a Debug build.")
              .Line("/// </summary>");
        writer.Open($"private static class {ClassName}");
        foreach (PlannedLayer layer in plan.Layers)
            foreach (PackedWeights weights in layer.Weights)
            {
                cancellationToken.ThrowIfCancellationRequested();
                string name = Identifiers.WeightField(layer.Index, weights.Suffix);
                writer.Line($"/// <summary>{layer.MethodName}{(weights.Suffix.Length > 0 ? $", {weights.Suffix.ToLowerInvariant()}" : "")}: {SourceWriter.Count(weights.Data.Length)} floats.</summary>");
                writer.Line($"public static readonly global::MobileNet.LayerWeights {name} = new({name}Words);");
                var bytes = new byte[weights.Data.Length * sizeof(float)];
                Buffer.BlockCopy(weights.Data, 0, bytes, 0, bytes.Length);
                WordArray(writer, name, bytes);
            }
        writer.Close();
    }

    /// <summary>A property <c>{name}Words</c> over <paramref name="bytes"/> as little-endian 64-bit words, the last one padded with zeros.</summary>
    public static void WordArray(SourceWriter writer, string name, byte[] bytes)
    {
        writer.Line($"private static global::System.ReadOnlySpan<ulong> {name}Words => new ulong[]");
        writer.Line("{");
        AppendWords(writer, bytes);
        writer.Line("};");
    }

    /// <summary>Bytes of read-only data the weights take: floats in pairs, so each array rounds up to 8 bytes.</summary>
    public static int Bytes(ExecutionPlan plan) => plan.Layers.Sum(l => l.Weights.Sum(w => (w.Data.Length + 1) / 2 * 8));

    private static void AppendWords(SourceWriter writer, byte[] bytes)
    {
        const int WordsPerLine = 8;
        var line = new char[WordsPerLine * 22 + 8];
        int words = (bytes.Length + 7) / 8;
        for (int start = 0; start < words; start += WordsPerLine)
        {
            int at = 0;
            for (int i = 0; i < 8; i++)
                line[at++] = ' ';
            for (int word = start; word < Math.Min(start + WordsPerLine, words); word++)
            {
                uint low = Half(bytes, 8 * word), high = Half(bytes, 8 * word + 4);
                line[at++] = '0';
                line[at++] = 'x';
                at = Hex(line, at, high);
                at = Hex(line, at, low);
                line[at++] = 'U';
                line[at++] = 'L';
                line[at++] = ',';
                line[at++] = ' ';
            }
            writer.Raw.Append(line, 0, at - 1).Append('\n');
        }
    }

    /// <summary>The little-endian 32 bits at <paramref name="start"/>, zeros past the end.</summary>
    private static uint Half(byte[] bytes, int start)
    {
        uint value = 0;
        for (int i = 3; i >= 0; i--)
            value = value << 8 | (start + i < bytes.Length ? bytes[start + i] : 0u);
        return value;
    }

    private static int Hex(char[] into, int at, uint value)
    {
        for (int shift = 28; shift >= 0; shift -= 4)
            into[at++] = "0123456789ABCDEF"[(int)(value >> shift) & 0xF];
        return at;
    }
}
