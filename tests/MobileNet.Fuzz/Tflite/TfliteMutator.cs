using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.Linq;
using MobileNet.Fuzz.Mutation;

namespace MobileNet.Fuzz.Tflite;

/// <summary>
/// Mutates a .tflite file in place at the positions <see cref="TfliteWalker"/> recorded: offsets and
/// lengths that point nowhere, at themselves or at the wrong table; indices out of range; dimensions,
/// types, scales and zero points that make no sense; options out of range; operators rewired into
/// cycles; names overwritten with hostile text. A share of the mutations are generic byte mutations
/// aimed mostly at those same positions.
/// </summary>
internal sealed class TfliteMutator : IMutator
{
    private readonly byte[] _seed;
    private readonly TfliteMap _map;
    private readonly Dictionary<Spot, List<Site>> _sites;
    private readonly List<int> _hot;

    public TfliteMutator(byte[] seed)
    {
        _seed = seed;
        _map = TfliteWalker.Walk(seed);
        _sites = _map.Sites.GroupBy(s => s.Spot).ToDictionary(g => g.Key, g => g.ToList());
        _hot = _map.Sites.SelectMany(s => Enumerable.Range(s.Position, Math.Min(s.Size, 64))).Distinct().Order().ToList();
    }

    public Mutant Mutate(Rng rng)
    {
        byte[] bytes = (byte[])_seed.Clone();
        var log = new List<string>();
        int generic = Stacking.Structural(rng, log, () => Structural(bytes, rng));
        // Byte mutations come last: insertions and deletions move every recorded position after them.
        for (int i = 0; i < generic; i++)
            log.Add(ByteMutator.Mutate(ref bytes, _hot, rng));
        return new Mutant(bytes, log);
    }

    private static readonly Spot[] Options = [Spot.Padding, Spot.Stride, Spot.Activation, Spot.Dilation, Spot.FilterSize, Spot.DepthMultiplier, Spot.Beta, Spot.KeepDims];

    private string Structural(byte[] bytes, Rng rng)
    {
        Spot? chosen = rng.Next(26) switch
        {
            < 2 => Spot.UOffset,
            2 => Spot.VtableOffset,
            < 5 => Spot.VectorLength,
            < 7 => Spot.VtableEntry,
            < 9 => Spot.TensorIndex,
            9 => Spot.BufferIndex,
            10 => Spot.OpcodeIndex,
            11 => rng.Chance(0.5) ? Spot.BuiltinCode : Spot.DeprecatedBuiltinCode,
            < 14 => Spot.ShapeDim,
            14 => Spot.TensorType,
            15 => Spot.Scale,
            16 => Spot.ZeroPoint,
            17 => Spot.QuantizedDimension,
            < 20 => rng.Pick(Options),
            < 23 => Spot.NameBytes,
            _ => null,
        };
        if (chosen is not { } spot)
            return Rewire(bytes, rng);
        if (!_sites.TryGetValue(spot, out List<Site>? sites))
            return $"{spot}: (none in this model)";
        Site site = rng.Pick(sites);
        return $"{spot}: byte {site.Position}, {Apply(bytes, site, rng)}";
    }

    private string Apply(byte[] bytes, Site site, Rng rng)
    {
        int at = site.Position;
        int old = site.Size switch { 1 => bytes[at], 2 => U16(bytes, at), 4 => I32(bytes, at), _ => 0 };
        switch (site.Spot)
        {
            case Spot.UOffset:
                return Int32(bytes, at, old, rng.Next(6) switch
                {
                    0 => 0, // points at itself
                    1 => -1,
                    2 => int.MaxValue,
                    3 => bytes.Length - at + rng.Next(-2, 3), // at or just past the end
                    4 => rng.Pick(_map.Tables) - at, // the wrong table
                    _ => old + 4 * rng.Next(-2, 3),
                });
            case Spot.VtableOffset:
                return Int32(bytes, at, old, rng.Next(5) switch { 0 => 0, 1 => int.MinValue, 2 => int.MaxValue, 3 => -old, _ => old + 2 * rng.Next(-2, 3) });
            case Spot.VectorLength:
                return Int32(bytes, at, old, rng.Next(6) switch { 0 => 0, 1 => -1, 2 => int.MaxValue, 3 => old + 1, 4 => old * 2 + 1, _ => 0x40000000 });
            case Spot.VtableEntry:
                int entry = rng.Next(5) switch { 0 => 0, 1 => 0xFFFF, 2 => rng.Next(1, 4), 3 => old + 4, _ => old + rng.Next(-3, 4) };
                BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(at), (ushort)entry);
                return $"{old} := {(ushort)entry}";
            case Spot.TensorIndex:
                return Int32(bytes, at, old, Index(_map.TensorCount, rng, optional: true));
            case Spot.BufferIndex:
                return Int32(bytes, at, old, Index(_map.BufferCount, rng, optional: false));
            case Spot.OpcodeIndex:
                return Int32(bytes, at, old, Index(_map.OpcodeCount, rng, optional: false));
            case Spot.BuiltinCode:
                return Int32(bytes, at, old, rng.Chance(0.7) ? rng.Pick(Builtins) : (int)Interesting.Integer(rng));
            case Spot.DeprecatedBuiltinCode:
                return Byte(bytes, at, old, rng.Chance(0.7) ? (byte)rng.Pick(Builtins) : rng.Pick(Interesting.Bytes));
            case Spot.ShapeDim:
                return Int32(bytes, at, old, rng.Next(3) switch { 0 => old + rng.Next(-2, 3), _ => (int)Interesting.Integer(rng) });
            case Spot.TensorType:
                return Byte(bytes, at, old, rng.Chance(0.8) ? (byte)rng.Next(18) : (byte)255);
            case Spot.Scale or Spot.Beta:
                float value = Interesting.Float(rng);
                BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(at), value);
                return $"{BitConverter.Int32BitsToSingle(old)} := {value}";
            case Spot.ZeroPoint:
                long was = BinaryPrimitives.ReadInt64LittleEndian(bytes.AsSpan(at));
                long zero = rng.Pick(ZeroPoints);
                BinaryPrimitives.WriteInt64LittleEndian(bytes.AsSpan(at), zero);
                return $"{was} := {zero}";
            case Spot.NameBytes:
                return Name(bytes, site, rng);
            default:
                // Options and the quantised dimension: an interesting integer, or a near miss.
                int option = rng.Chance(0.3) ? old + rng.Next(-2, 3) : (int)Interesting.Integer(rng);
                return site.Size == 1 ? Byte(bytes, at, old, (byte)option) : Int32(bytes, at, old, option);
        }
    }

    // The operators MobileNets use and a few they do not (CONCATENATION, MUL, TANH, LOGISTIC, a custom-range code).
    private static readonly int[] Builtins = [0, 1, 2, 3, 4, 6, 9, 14, 18, 19, 20, 21, 22, 25, 28, 32, 34, 40, 43, 114, 127, 150];

    private static readonly long[] ZeroPoints = [long.MinValue, long.MaxValue, 256, -129, 128, 255, -1, 1L << 40, int.MaxValue];

    /// <summary>An index just outside the range, far outside it, or a valid but different one.</summary>
    private static int Index(int count, Rng rng, bool optional) => rng.Next(6) switch
    {
        0 => count,
        1 => count + 1,
        2 => optional ? -2 : -1,
        3 => rng.Chance(0.5) ? int.MaxValue : int.MinValue,
        4 when optional => -1, // "no tensor", which the schema allows
        _ => rng.Next(Math.Max(count, 1)),
    };

    /// <summary>Overwrites a name with hostile text cut to the name's length, or makes its length run past the file.</summary>
    private static string Name(byte[] bytes, Site site, Rng rng)
    {
        if (site.Size == 0 || rng.Chance(0.15))
            return Int32(bytes, site.Position - 4, site.Size, rng.Chance(0.5) ? int.MaxValue : site.Size + rng.Next(1, 64)) + " (name length)";
        byte[] text = Interesting.TextBytes(rng);
        int length = Math.Min(text.Length, site.Size);
        text.AsSpan(0, length).CopyTo(bytes.AsSpan(site.Position));
        return $"name bytes := {length} byte(s) of hostile text";
    }

    /// <summary>Rewires operators: an output into its own input (a cycle), an input from a later operator, the model output from an earlier one.</summary>
    private string Rewire(byte[] bytes, Rng rng)
    {
        List<OperatorSites> ops = _map.Operators.Where(o => o.Inputs.Count > 0 && o.Outputs.Count > 0).ToList();
        if (ops.Count < 2)
            return "rewire: (too few operators)";
        int k = rng.Next(1, ops.Count), j = rng.Next(k);
        OperatorSites later = ops[k], earlier = ops[j];
        switch (rng.Next(4))
        {
            case 0:
                Copy(bytes, later.Inputs[0], later.Outputs[0]);
                return $"rewire: operator {later.Index}'s output := its own input (cycle)";
            case 1:
                Copy(bytes, earlier.Inputs[0], later.Outputs[0]);
                return $"rewire: operator {later.Index}'s output := operator {earlier.Index}'s input (cycle)";
            case 2:
                Copy(bytes, later.Outputs[0], earlier.Inputs[0]);
                return $"rewire: operator {earlier.Index}'s input := operator {later.Index}'s output (cycle)";
            default:
                if (_map.SubgraphOutputs.Count == 0)
                    return "rewire: (no subgraph output)";
                Copy(bytes, earlier.Outputs[0], _map.SubgraphOutputs[0]);
                return $"rewire: the subgraph output := operator {earlier.Index}'s output";
        }
    }

    private static void Copy(byte[] bytes, int from, int to) => bytes.AsSpan(from, 4).CopyTo(bytes.AsSpan(to));

    private static string Int32(byte[] bytes, int at, int old, int value)
    {
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(at), value);
        return $"{old} := {value}";
    }

    private static string Byte(byte[] bytes, int at, int old, byte value)
    {
        bytes[at] = value;
        return $"{old} := {value}";
    }

    private static int I32(byte[] bytes, int at) => BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(at));

    private static int U16(byte[] bytes, int at) => BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(at));
}
