using System;
using System.Collections.Generic;
using System.Linq;
using MobileNet.Fuzz.Execution;

namespace MobileNet.Fuzz.Campaign;

/// <summary>The end-of-campaign tables: outcomes and diagnostics per seed and in total, rates, shapes, findings.</summary>
internal static class Summary
{
    public static void Print(CampaignRunner campaign, StageTimes times, CompileCheck compiler, Reproducers reproducers, string outFolder)
    {
        Outcome[] outcomes = Enum.GetValues<Outcome>();
        SeedStats total = campaign.Total();
        List<(string Name, SeedStats Stats)> rows = [.. campaign.Stats.Select(p => (p.Key.Name, p.Value)), ("total", total)];
        string[] ids = total.Diagnostics.Keys.ToArray();
        int width = rows.Max(r => r.Name.Length);

        Console.WriteLine();
        Console.WriteLine($"{"seed".PadRight(width)} {"cases",7} {"/s",6} " + string.Join(" ", outcomes.Select(o => $"{o.ToString().ToLowerInvariant(),12}")));
        foreach ((string name, SeedStats stats) in rows)
        {
            // Per seed: cases per second of one worker's time; the total row: per second of wall time.
            double rate = name == "total" ? stats.Cases / campaign.Elapsed.TotalSeconds : stats.Rate;
            Console.WriteLine($"{name.PadRight(width)} {stats.Cases,7} {rate,6:0.0} " + string.Join(" ", outcomes.Select(o => $"{stats.Count(o),12}")));
        }

        Console.WriteLine();
        Console.WriteLine($"{"seed".PadRight(width)} " + string.Join(" ", ids.Select(id => $"{id,7}")));
        foreach ((string name, SeedStats stats) in rows)
            Console.WriteLine($"{name.PadRight(width)} " + string.Join(" ", ids.Select(id => $"{stats.Diagnostics.GetValueOrDefault(id),7}")));

        Console.WriteLine();
        Console.WriteLine($"{total.Cases} cases in {campaign.Elapsed.TotalSeconds:0} s: {total.Cases / campaign.Elapsed.TotalSeconds:0.0} cases/s of wall time (per-seed rates are per worker).");
        Console.WriteLine($"Time per stage, all workers: {times}.");
        Console.WriteLine($"{compiler.Shapes} distinct generated-source shapes compiled (one compile per hash of the generated text without weight literals, doc lines and float values).");
        if (campaign.StopReason is { } reason)
            Console.WriteLine($"Stopped early: {reason}.");

        IReadOnlyList<Finding> findings = reproducers.Findings;
        Console.WriteLine(findings.Count == 0 ? "No failures." : $"{findings.Count} failure signature(s), reproducers in {outFolder}:");
        foreach (Finding finding in findings)
            Console.WriteLine($"  {finding.Count,6} × {finding.Signature}\n           {finding.File}");
    }
}
