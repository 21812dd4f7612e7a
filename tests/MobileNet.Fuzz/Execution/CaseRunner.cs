using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Text.RegularExpressions;
using MobileNet.Generator;
using MobileNet.Generator.Model;

namespace MobileNet.Fuzz.Execution;

/// <summary>
/// Runs one model through the generator and classifies it: the front end (read, lower, bind, plan)
/// first, and only when that binds, the full generation and a compile of what it emitted.
/// </summary>
internal sealed partial class CaseRunner(Watchdog watchdog, CompileCheck compiler)
{
    /// <summary>
    /// More than this in the front end is a runaway: a file's weights are dequantised (4 bytes for each
    /// uint8 one), transposed and packed, a few copies at most; sixteen times the file is not legitimate.
    /// </summary>
    public static long FrontEndLimit(int fileLength) => 16L * fileLength + (32L << 20);

    /// <summary>Where the time goes, summed over all workers: front end, emit, compile.</summary>
    public StageTimes Times { get; } = new();

    // Stands for a stage the watchdog could not judge (see Ending.Interrupted); Run turns it into null.
    private static readonly CaseResult Interrupted = new(Outcome.Rejected, "", "", "", null, "");

    /// <summary>Classifies one model; null when the case was cut short because the campaign must stop.</summary>
    public CaseResult? Run(NetworkSpec request, byte[] model, long emitLimit, IReadOnlyList<string> mutations)
    {
        string kinds = string.Join("+", mutations.Select(m => m.Split(':')[0]).Distinct().Order());
        long start = Stopwatch.GetTimestamp();
        CaseResult? frontEnd = Stage(request, model, emit: false, FrontEndLimit(model.Length), "front end", kinds, out _);
        start = Times.Add(StageTimes.FrontEnd, start);
        if (frontEnd is not null)
            return ReferenceEquals(frontEnd, Interrupted) ? null : frontEnd;
        CaseResult? emitted = Stage(request, model, emit: true, emitLimit, "emit", kinds, out GenerationResult? result);
        start = Times.Add(StageTimes.Emit, start);
        if (emitted is not null)
            return ReferenceEquals(emitted, Interrupted) ? null : emitted;

        CompileVerdict verdict = compiler.Check([.. result!.Files]);
        Times.Add(StageTimes.Compile, start);
        if (verdict.FirstProblem is { } problem)
        {
            string message = problem.GetMessage(System.Globalization.CultureInfo.InvariantCulture);
            string location = problem.Location.GetLineSpan() is var span && span.IsValid ? $"{span.Path}({span.StartLinePosition.Line + 1}): " : "";
            return new CaseResult(Outcome.Uncompilable, problem.Id, "compile", $"{location}{message} ({verdict.Problems} errors and warnings)", null,
                $"uncompilable | {problem.Id} | {Stem(message)}");
        }
        return new CaseResult(Outcome.Generated, "", "compile", "", null, "");
    }

    /// <summary>Runs one stage; returns its classification, or null when it produced code (or, for the front end, bound).</summary>
    private CaseResult? Stage(NetworkSpec request, byte[] model, bool emit, long limit, string phase, string kinds, out GenerationResult? result)
    {
        Watched<GenerationResult> run = watchdog.Run(token => NetworkGenerator.Generate(request, model, emit, token));
        result = run.Value;
        switch (run.Ending)
        {
            case Ending.TimedOut:
                return new CaseResult(Outcome.Hang, "timeout", phase, $"no answer after {watchdog.Timeout.TotalSeconds:0} s; the thread was abandoned", null, $"hang | {phase} | {kinds}");
            case Ending.Interrupted:
                return Interrupted;
            case Ending.HeapCeiling:
                return new CaseResult(Outcome.Runaway, "heap ceiling", phase, "the managed heap passed the ceiling while it ran; cancelled", null, $"runaway | {phase} | heap | {kinds}");
            case Ending.Threw:
                Exception e = run.Error!;
                return new CaseResult(Outcome.Internal, e.GetType().Name, phase, $"{e.GetType().FullName}: {e.Message} (escaped the generator)", e.ToString(),
                    $"internal | escaped {e.GetType().Name} | {FirstFrame(e) ?? Stem(e.Message)}");
        }
        GenerationResult generated = run.Value!;
        if (run.Allocated > limit)
        {
            string diagnostics = string.Join(",", generated.Diagnostics.Select(d => d.Descriptor.Id));
            return new CaseResult(Outcome.Runaway, "allocation", phase, $"allocated {run.Allocated >> 20} MB (limit {limit >> 20} MB); it ended with [{diagnostics}]", null,
                $"runaway | {phase} | allocation | {kinds}");
        }
        if (generated.Diagnostics.FirstOrDefault(d => d.Descriptor.Id == "MNG012") is { } internalError)
        {
            string message = string.Join(" / ", internalError.Arguments);
            Exception? thrown = run.LastThrown;
            return new CaseResult(Outcome.Internal, "MNG012", phase, message, thrown?.ToString(),
                $"internal | {thrown?.GetType().Name ?? "MNG012"} | {(thrown is null ? null : FirstFrame(thrown)) ?? Stem(message)}");
        }
        if (generated.Diagnostics.Count > 0)
        {
            DiagnosticInfo first = generated.Diagnostics[0];
            return new CaseResult(Outcome.Rejected, first.Descriptor.Id, phase, string.Join(" / ", first.Arguments), null, "");
        }
        return null;
    }

    /// <summary>The first frame in the generator's own code, without arguments or file: where the bug is.</summary>
    private static string? FirstFrame(Exception e) =>
        e.StackTrace?.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.StartsWith("at MobileNet.Generator.", StringComparison.Ordinal)) is { } frame
            ? frame[3..].Split('(')[0]
            : null;

    /// <summary>A message with its numbers and quoted names blanked, so one cause gives one signature.</summary>
    private static string Stem(string message)
    {
        string stem = Numbers().Replace(Quoted().Replace(message, "'…'"), "#");
        return stem.Length > 100 ? stem[..100] : stem;
    }

    [GeneratedRegex("'[^']*'")]
    private static partial Regex Quoted();

    [GeneratedRegex(@"-?\d+(\.\d+)?(E[-+]?\d+)?")]
    private static partial Regex Numbers();
}
