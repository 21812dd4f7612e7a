using System;
using System.Linq;
using MobileNet.Fuzz.Execution;
using MobileNet.Generator;
using MobileNet.Generator.Model;

namespace MobileNet.Fuzz.Campaign;

/// <summary>
/// Checks that a seed generates cleanly before it is fuzzed (a seed that fails would make every case
/// look like a finding), and sets its emit allocation limit from what generating it took.
/// </summary>
internal static class SeedCheck
{
    /// <summary>Returns null if the seed is good, else what is wrong with it.</summary>
    public static string? Check(Seed seed, Watchdog watchdog, CompileCheck compiler)
    {
        Watched<GenerationResult> run = watchdog.Run(token => NetworkGenerator.Generate(seed.Request, seed.Bytes, emit: true, token));
        if (run.Ending != Ending.Returned)
            return $"generating it ended with {run.Ending} {run.Error}";
        GenerationResult result = run.Value!;
        if (result.Diagnostics.Count > 0)
            return "it gives " + string.Join("; ", result.Diagnostics.Select(d => $"{d.Descriptor.Id} {string.Join(" / ", d.Arguments)}"));
        if (compiler.Check([.. result.Files]).FirstProblem is { } problem)
            return $"its generated code does not compile: {problem}";
        // A mutant that binds may legitimately be somewhat bigger than its seed; four times is not legitimate.
        seed.EmitLimit = Math.Max(CaseRunner.FrontEndLimit(seed.Bytes.Length), 4 * run.Allocated);
        _ = seed.Mutator; // built here, once, rather than racing in the workers
        return null;
    }
}
