using System;
using System.Globalization;
using System.IO;

namespace MobileNet.Fuzz.Campaign;

/// <summary>The command line: <c>[--seconds S | --cases N] [--seed K|date] [--workers N] [--out DIR] [--replay FILE]</c>.</summary>
internal sealed record FuzzOptions
{
    /// <summary>The campaign seed when none is given: a fixed one, so that two plain runs do the same cases.</summary>
    public const long DefaultSeed = 20250611;

    public double? Seconds { get; init; }
    public long? Cases { get; init; }
    public long Seed { get; init; } = DefaultSeed;
    public int Workers { get; init; } = 2;
    public string Out { get; init; } = Path.Combine(Directory.GetCurrentDirectory(), "fuzz-out");
    public string? Replay { get; init; }

    public static FuzzOptions Parse(string[] args)
    {
        var options = new FuzzOptions();
        for (int i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            options = args[i] switch
            {
                "--seconds" => options with { Seconds = double.Parse(Value(), CultureInfo.InvariantCulture), Cases = null },
                "--cases" => options with { Cases = long.Parse(Value(), CultureInfo.InvariantCulture), Seconds = null },
                "--seed" => options with { Seed = Value() is "date" ? long.Parse(DateTime.Now.ToString("yyyyMMdd", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture) : long.Parse(args[i], CultureInfo.InvariantCulture) },
                "--workers" => options with { Workers = Math.Max(1, int.Parse(Value(), CultureInfo.InvariantCulture)) },
                "--out" => options with { Out = Path.GetFullPath(Value()) },
                "--replay" => options with { Replay = Path.GetFullPath(Value()) },
                _ => throw new ArgumentException($"unknown argument '{args[i]}'"),
            };
        }
        return options.Seconds is null && options.Cases is null ? options with { Seconds = 60 } : options;
    }

    public const string Usage = "usage: dotnet run -c Release --project tests/MobileNet.Fuzz -- [--seconds S | --cases N] [--seed K|date] [--workers N] [--out DIR] [--replay FILE]";
}
