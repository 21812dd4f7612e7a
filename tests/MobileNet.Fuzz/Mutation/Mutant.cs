using System;
using System.Collections.Generic;

namespace MobileNet.Fuzz.Mutation;

/// <summary>A mutated model and what was done to the seed to get it, in order.</summary>
internal sealed record Mutant(byte[] Bytes, IReadOnlyList<string> Mutations);

/// <summary>A seed model's mutator: case <c>i</c> is <c>Mutate(Rng.ForCase(campaign seed, seed, i))</c>.</summary>
internal interface IMutator
{
    Mutant Mutate(Rng rng);
}

/// <summary>How many mutations a case stacks: mostly one, so a failure points at its cause; sometimes a few.</summary>
internal static class Stacking
{
    private static int Count(Rng rng) => rng.Next(10) switch { < 6 => 1, < 9 => 2, _ => rng.Next(3, 6) };

    /// <summary>
    /// Draws how many mutations a case stacks and which are generic, applies the structural ones now (each
    /// logged), and returns how many generic byte mutations the mutator applies after them.
    /// </summary>
    public static int Structural(Rng rng, List<string> log, Func<string> structural)
    {
        int count = Count(rng), generic = 0;
        for (int i = 0; i < count; i++)
        {
            if (rng.Chance(GenericShare))
                generic++;
            else
                log.Add(structural());
        }
        return generic;
    }

    /// <summary>Generic byte mutations take this share; the rest use the format's structure.</summary>
    private const double GenericShare = 0.2;
}
