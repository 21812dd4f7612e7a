using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using MobileNet.Fuzz.Execution;
using MobileNet.Fuzz.Mutation;

namespace MobileNet.Fuzz.Campaign;

/// <summary>A failure signature, the reproducer written for its first case, and how often it came up.</summary>
internal sealed class Finding(string signature, string file)
{
    private long _count;
    public string Signature { get; } = signature;
    public string File { get; } = file;
    public long Count => Interlocked.Read(ref _count);
    public void Add() => Interlocked.Increment(ref _count);
}

/// <summary>
/// Writes one reproducer per new failure signature: the mutant with its seed's extension, and a .txt
/// beside it saying how it was made and what happened (which <c>--replay</c> reads back).
/// </summary>
internal sealed class Reproducers
{
    public const string SeedLine = "seed model: ";

    private readonly string _folder;
    private readonly long _campaignSeed;
    private readonly Dictionary<string, Finding> _findings = [];

    public Reproducers(string folder, long campaignSeed)
    {
        _folder = folder;
        _campaignSeed = campaignSeed;
        Directory.CreateDirectory(folder);
        // Reproducers are results, not sources: keep them out of git wherever the folder is.
        System.IO.File.WriteAllText(Path.Combine(folder, ".gitignore"), "*\n");
    }

    public IReadOnlyList<Finding> Findings
    {
        get
        {
            lock (_findings)
                return _findings.Values.OrderBy(f => f.File).ToList();
        }
    }

    public void Record(Seed seed, long index, Mutant mutant, CaseResult result)
    {
        lock (_findings)
        {
            if (_findings.TryGetValue(result.Signature, out Finding? known))
            {
                known.Add();
                return;
            }
            var finding = new Finding(result.Signature, $"{result.Outcome.ToString().ToLowerInvariant()}-{_findings.Count + 1:D3}-{seed.Name}-case{index}{seed.Extension}");
            finding.Add();
            _findings.Add(result.Signature, finding);
            string path = Path.Combine(_folder, finding.File);
            System.IO.File.WriteAllBytes(path, mutant.Bytes);
            System.IO.File.WriteAllText(Path.ChangeExtension(path, ".txt"), Describe(seed, index, mutant, result, path));
        }
    }

    private string Describe(Seed seed, long index, Mutant mutant, CaseResult result, string path)
    {
        var text = new StringBuilder()
            .AppendLine($"{SeedLine}{seed.Name}")
            .AppendLine($"seed origin: {seed.Origin}")
            .AppendLine($"request: Version {seed.Request.Version}, Alpha {seed.Request.Alpha}, Resolution {seed.Request.Resolution}, Weights {seed.Request.Weights}")
            .AppendLine($"campaign seed: {_campaignSeed}")
            .AppendLine($"case index: {index}")
            .AppendLine($"replay: dotnet run -c Release --project tests/MobileNet.Fuzz -- --replay {path}")
            .AppendLine("mutations:");
        foreach (string mutation in mutant.Mutations)
            text.AppendLine($"  - {mutation}");
        text.AppendLine($"class: {result.Outcome}")
            .AppendLine($"signature: {result.Signature}")
            .AppendLine($"phase: {result.Phase}")
            .AppendLine($"message: {result.Message}");
        if (result.Stack is not null)
            text.AppendLine("stack:").AppendLine(result.Stack);
        return text.ToString();
    }
}
