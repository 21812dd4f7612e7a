using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using MobileNet.Fuzz.Campaign;
using MobileNet.Fuzz.Execution;

namespace MobileNet.Fuzz;

internal static class Program
{
    // A case that takes longer than this is a hang: the front end of the biggest seed takes well under a second.
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    private static int Main(string[] args)
    {
        FuzzOptions options;
        try
        {
            options = FuzzOptions.Parse(args);
        }
        catch (Exception e) when (e is ArgumentException or FormatException)
        {
            Console.Error.WriteLine(e.Message);
            Console.Error.WriteLine(FuzzOptions.Usage);
            return 2;
        }

        // The heap ceiling stops a runaway before the machine does: a third of the memory there is, at most 4 GB.
        long ceiling = Math.Min(4L << 30, GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 3);
        var watchdog = new Watchdog(Timeout, ceiling);
        var compiler = new CompileCheck();
        var runner = new CaseRunner(watchdog, compiler);

        List<Seed> seeds = Seeds.Load();
        return options.Replay is { } file ? Replay(file, seeds, runner, watchdog, compiler) : Fuzz(options, seeds, runner, watchdog, compiler);
    }

    private static int Fuzz(FuzzOptions options, List<Seed> seeds, CaseRunner runner, Watchdog watchdog, CompileCheck compiler)
    {
        foreach (Seed seed in seeds)
        {
            if (SeedCheck.Check(seed, watchdog, compiler) is { } problem)
            {
                Console.Error.WriteLine($"Seed {seed.Name} ({seed.Origin}) does not generate cleanly, so its mutants would prove nothing: {problem}");
                return 1;
            }
            Console.WriteLine($"seed {seed.Name}: {seed.Bytes.Length:N0} bytes, generates cleanly; emit allocation limit {seed.EmitLimit >> 20} MB");
        }
        string budget = options.Cases is { } cases ? $"{cases} cases" : $"{options.Seconds} s";
        Console.WriteLine($"campaign seed {options.Seed}, {budget}, {options.Workers} workers, reproducers in {options.Out}");

        var reproducers = new Reproducers(options.Out, options.Seed);
        var campaign = new CampaignRunner(options, seeds, runner, watchdog, reproducers);
        campaign.Run();
        Summary.Print(campaign, runner.Times, compiler, reproducers, options.Out);
        return campaign.Total().Failures == 0 ? 0 : 1;
    }

    /// <summary>Re-runs one reproducer with the request of the seed its .txt names, and prints what happens now.</summary>
    private static int Replay(string file, List<Seed> seeds, CaseRunner runner, Watchdog watchdog, CompileCheck compiler)
    {
        string description = Path.ChangeExtension(file, ".txt");
        string? name = File.Exists(description)
            ? File.ReadLines(description).FirstOrDefault(l => l.StartsWith(Reproducers.SeedLine, StringComparison.Ordinal))?[Reproducers.SeedLine.Length..]
            : null;
        Seed? seed = seeds.FirstOrDefault(s => s.Name == name);
        if (seed is null)
        {
            Console.Error.WriteLine(name is null
                ? $"{description} is missing or names no seed model; it says which request to generate the file with."
                : $"The seed model '{name}' is not one of this fuzzer's seeds (Campaign/Seeds.cs lists them).");
            return 2;
        }
        if (SeedCheck.Check(seed, watchdog, compiler) is { } problem)
            Console.WriteLine($"warning: the seed {seed.Name} itself does not generate cleanly now: {problem}");
        string[] mutations = File.ReadLines(description).Where(l => l.StartsWith("  - ", StringComparison.Ordinal)).Select(l => l[4..]).ToArray();
        if (runner.Run(seed.Request, File.ReadAllBytes(file), seed.EmitLimit, mutations) is not { } result)
        {
            Console.WriteLine($"{Path.GetFileName(file)}: interrupted; the heap passed the ceiling while an abandoned thread still ran");
            return 1;
        }
        Console.WriteLine($"{Path.GetFileName(file)} with the request of {seed.Name}:");
        Console.WriteLine($"  class:     {result.Outcome}{(result.Detail.Length > 0 ? $" ({result.Detail})" : "")}");
        Console.WriteLine($"  phase:     {result.Phase}");
        if (result.Signature.Length > 0)
            Console.WriteLine($"  signature: {result.Signature}");
        if (result.Message.Length > 0)
            Console.WriteLine($"  message:   {result.Message}");
        if (result.Stack is not null)
            Console.WriteLine(result.Stack);
        return result.IsFailure ? 1 : 0;
    }
}
