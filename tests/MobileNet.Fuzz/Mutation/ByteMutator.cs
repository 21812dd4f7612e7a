using System;
using System.Collections.Generic;

namespace MobileNet.Fuzz.Mutation;

/// <summary>
/// Format-blind mutations: bit flips, byte overwrites, truncation, chunk insertion, deletion and
/// duplication. Positions are drawn mostly from the structural bytes the format walker found (tags,
/// lengths, offsets, indices): a mutation in the bulk weight data mostly yields a network that still
/// binds, which is slow to emit and rarely interesting. A quarter of them still land anywhere.
/// </summary>
internal static class ByteMutator
{
    private const double HotShare = 0.75;

    /// <summary>Applies one mutation to <paramref name="bytes"/> and says what it did.</summary>
    public static string Mutate(ref byte[] bytes, IReadOnlyList<int> hot, Rng rng)
    {
        if (bytes.Length == 0)
        {
            bytes = [rng.Pick(Interesting.Bytes)];
            return "generic: insert one byte into an empty file";
        }
        int at = Position(bytes.Length, hot, rng);
        switch (rng.Next(6))
        {
            case 0:
                int bit = rng.Next(8);
                bytes[at] ^= (byte)(1 << bit);
                return $"generic: flip bit {bit} of byte {at}";
            case 1:
                byte value = rng.Chance(0.75) ? rng.Pick(Interesting.Bytes) : (byte)rng.Next(256);
                int run = rng.Chance(0.7) ? 1 : Math.Min(rng.Pick(RunLengths), bytes.Length - at);
                bytes.AsSpan(at, run).Fill(value);
                return $"generic: overwrite {run} byte(s) at {at} with 0x{value:X2}";
            case 2:
                bytes = bytes[..at];
                return $"generic: truncate to {at} bytes";
            case 3:
                byte[] chunk = Chunk(bytes, rng);
                bytes = [.. bytes.AsSpan(0, at), .. chunk, .. bytes.AsSpan(at)];
                return $"generic: insert {chunk.Length} byte(s) at {at}";
            case 4:
                int delete = Math.Min(rng.Pick(RunLengths), bytes.Length - at);
                bytes = [.. bytes.AsSpan(0, at), .. bytes.AsSpan(at + delete)];
                return $"generic: delete {delete} byte(s) at {at}";
            default:
                int length = Math.Min(rng.Pick(RunLengths), bytes.Length - at);
                bytes = [.. bytes.AsSpan(0, at + length), .. bytes.AsSpan(at, length), .. bytes.AsSpan(at + length)];
                return $"generic: duplicate {length} byte(s) at {at}";
        }
    }

    private static readonly int[] RunLengths = [1, 2, 3, 4, 8, 16, 64, 256];

    private static int Position(int length, IReadOnlyList<int> hot, Rng rng) =>
        hot.Count > 0 && rng.Chance(HotShare) ? Math.Min(hot[rng.Next(hot.Count)], length - 1) : rng.Next(length);

    /// <summary>Interesting bytes, random bytes, or a copy of another part of the file (a plausible but misplaced structure).</summary>
    private static byte[] Chunk(byte[] bytes, Rng rng)
    {
        int length = rng.Pick(RunLengths);
        var chunk = new byte[length];
        switch (rng.Next(3))
        {
            case 0:
                Array.Fill(chunk, rng.Pick(Interesting.Bytes));
                break;
            case 1:
                for (int i = 0; i < length; i++)
                    chunk[i] = (byte)rng.Next(256);
                break;
            default:
                int from = rng.Next(bytes.Length);
                chunk = bytes.AsSpan(from, Math.Min(length, bytes.Length - from)).ToArray();
                break;
        }
        return chunk;
    }
}
