using System.Collections.Generic;

namespace MobileNet.Fuzz.Mutation;

/// <summary>
/// SplitMix64. Its sequence is fixed by the seed on every runtime and platform (System.Random promises
/// no such thing), so a case can be rebuilt from (campaign seed, seed model, case index) alone.
/// </summary>
internal sealed class Rng(ulong seed)
{
    private ulong _state = seed;

    public static Rng ForCase(long campaignSeed, string seedName, long index)
    {
        ulong hash = 14695981039346656037UL; // FNV-1a of the seed model's name
        foreach (char c in seedName)
            hash = (hash ^ c) * 1099511628211UL;
        var mixer = new Rng(hash ^ (ulong)campaignSeed * 0x9E3779B97F4A7C15UL);
        return new Rng(mixer.NextU64() ^ (ulong)index * 0xD1B54A32D192ED03UL);
    }

    public ulong NextU64()
    {
        ulong z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>A value in [0, <paramref name="count"/>); <paramref name="count"/> must be positive.</summary>
    public int Next(int count) => (int)(NextU64() % (ulong)count);

    public int Next(int low, int high) => low + Next(high - low);

    public bool Chance(double probability) => (NextU64() >> 11) * (1.0 / (1UL << 53)) < probability;

    public T Pick<T>(IReadOnlyList<T> items) => items[Next(items.Count)];
}
