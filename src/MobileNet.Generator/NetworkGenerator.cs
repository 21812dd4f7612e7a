using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using MobileNet.Generator.Binding;
using MobileNet.Generator.Emitting;
using MobileNet.Generator.Integer;
using MobileNet.Generator.Kernels;
using MobileNet.Generator.Lowering;
using MobileNet.Generator.Model;
using MobileNet.Generator.Planning;
using MobileNet.Generator.Reading;

namespace MobileNet.Generator;

/// <summary>
/// Runs the stages for one request: find the model → read → lower → bind → plan → emit. Every
/// failure is a diagnostic; nothing escapes as an exception.
/// </summary>
internal static class NetworkGenerator
{
    public static GenerationResult Generate(NetworkSpec spec, EquatableArray<BridgedModel> models, ProjectInfo project, CancellationToken cancellationToken) =>
        Guarded(spec, emit: true, diagnostics => Run(spec, models, project, diagnostics, cancellationToken));

    /// <summary>
    /// The stages after the model is found, on its bytes: read, lower, bind, plan and, when
    /// <paramref name="emit"/>, emit. The fuzzer drives this directly.
    /// </summary>
    internal static GenerationResult Generate(NetworkSpec spec, byte[] model, bool emit, CancellationToken cancellationToken) =>
        Guarded(spec, emit, diagnostics => Build(spec, model, emit, diagnostics, cancellationToken));

    private static GenerationResult Guarded(NetworkSpec spec, bool emit, Func<List<DiagnosticInfo>, GeneratedFile[]> run)
    {
        var diagnostics = new List<DiagnosticInfo>();
        GeneratedFile[] files = Catching(spec, diagnostics, () => run(diagnostics));
        // After an error the class still gets its public members, so that the user's code that uses them compiles
        // and the error is the build's only one; not where they would clash (MNG013) or cannot be added (MNG001).
        if (emit && files.Length == 0 && diagnostics.Count > 0 && !spec.IsDuplicate && spec.Target.NotPartial is null)
        {
            string errors = string.Join(", ", diagnostics.Select(d => d.Descriptor.Id).Distinct());
            files = Catching(spec, diagnostics, () => [Emitter.EmitStandIn(spec.Target, NetworkSurface.StandIn(spec, errors))]);
        }
        return new GenerationResult(spec.Key, files, diagnostics.ToArray());
    }

    /// <summary>Runs a stage; an exception from it is MNG012, and no files.</summary>
    private static GeneratedFile[] Catching(NetworkSpec spec, List<DiagnosticInfo> diagnostics, Func<GeneratedFile[]> stage)
    {
        try
        {
            return stage();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InternalError, DiagnosticSite.Attribute, spec.Target.FullName, $"{e.GetType().Name}: {e.Message}"));
            return [];
        }
    }

    private static GeneratedFile[] Run(NetworkSpec spec, EquatableArray<BridgedModel> models, ProjectInfo project, List<DiagnosticInfo> diagnostics, CancellationToken cancellationToken)
    {
        GeneratedFile[] none = [];
        if (spec.IsDuplicate)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.DuplicateAttribute, DiagnosticSite.Attribute, spec.Target.FullName));
            return none;
        }
        if (spec.Target.NotPartial is { } notPartial)
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.NotPartial, DiagnosticSite.ClassName, notPartial));
        if (spec.Version is not (1 or 2))
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnsupportedVersion, DiagnosticSite.Version, spec.Version.ToString()));
        if (!(spec.Alpha > 0 && spec.Alpha <= 2))
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnsupportedAlpha, DiagnosticSite.Alpha, spec.Alpha.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        if (!spec.ResolutionIsSupported)
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnsupportedResolution, DiagnosticSite.Resolution, spec.Resolution.ToString()));
        if (spec.Normalization is < 0 or > 2)
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnsupportedNormalization, DiagnosticSite.Normalization, spec.Normalization.ToString()));
        if (spec.Output is < 0 or > (int)OutputKind.FeatureMap)
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnsupportedOutput, DiagnosticSite.Output, spec.Output.ToString()));
        if (spec.Arithmetic is < 0 or > 2)
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnsupportedArithmetic, DiagnosticSite.Arithmetic, spec.Arithmetic.ToString()));
        if (string.IsNullOrWhiteSpace(spec.Weights))
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.WeightsMissing, DiagnosticSite.Attribute, spec.Target.Name));
        if (diagnostics.Count > 0)
            return none;

        string weights = spec.Weights!;
        BridgedModel? model = Find(weights, models, project, StringComparison.Ordinal);
        if (model is null)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ModelNotRegistered, DiagnosticSite.Weights, weights, NotRegistered(weights, models, project)));
            return none;
        }
        if (model.Content is null)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ModelNotFound, DiagnosticSite.Weights, weights));
            return none;
        }
        cancellationToken.ThrowIfCancellationRequested();
        byte[]? bytes = ModelBridge.Decode(model.Content);
        if (bytes is null)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ModelUnreadable, DiagnosticSite.Weights, weights, $"its bridge file '{model.BridgePath}' is damaged; delete it and rebuild"));
            return none;
        }
        return Build(spec, bytes, emit: true, diagnostics, cancellationToken, VectorWidth.For(project.RuntimeIdentifier, project.AotInstructionSet, project.Optimized));
    }

    /// <param name="widths">The vector widths to write a branch for: all three unless the build's runtime identifier narrows them.</param>
    private static GeneratedFile[] Build(NetworkSpec spec, byte[] bytes, bool emit, List<DiagnosticInfo> diagnostics, CancellationToken cancellationToken,
        IReadOnlyList<VectorWidth>? widths = null)
    {
        GeneratedFile[] none = [];
        string weights = spec.Weights!;
        NetworkGraph? graph = ReadAndLower(weights, bytes, diagnostics, cancellationToken);
        if (graph is null)
            return none;

        BoundNetwork? network = spec.Version == 2
            ? V2Binder.Bind(graph, spec.Alpha, spec.Resolution, out string? mismatch)
            : V1Binder.Bind(graph, spec.Alpha, spec.Resolution, out mismatch);
        if (network is null)
        {
            string alpha = spec.Alpha.ToString(System.Globalization.CultureInfo.InvariantCulture);
            string detail = Recognizer.Recognize(graph) is { } file ? $"{Fit(file, spec)}; {mismatch}" : mismatch!;
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ArchitectureMismatch, DiagnosticSite.Weights, weights, spec.Version.ToString(), alpha, spec.Resolution.ToString(), detail));
            return none;
        }

        DiagnosticSite outputAt = spec.FeatureMaps.Count > 0 ? DiagnosticSite.FeatureMaps : DiagnosticSite.Output;
        network = OutputSelector.Select(network, spec.Output, spec.FeatureMaps, out string? problem);
        if (network is null)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.OutputNotInFile, outputAt, weights, problem!));
            return none;
        }
        if (network.LeftOut is { } leftOut)
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.LayersLeftOut, outputAt, weights, OutputSelector.Describe(network.Outputs), leftOut));

        cancellationToken.ThrowIfCancellationRequested();
        InputNormalization normalization = InputNormalization.For(spec.Normalization, graph.Normalization);
        ExecutionPlan plan = Planner.Plan(network, normalization, widths ?? VectorWidth.All, cancellationToken);
        // Auto runs a quantised file in integers, as its author measured its accuracy, where the integer kernels
        // take it; any other file, or one they do not take yet, in float.
        string? notInteger = spec.Arithmetic is IntegerArithmetic or AutoArithmetic ? IntegerPlanner.Unsupported(network) : null;
        if (spec.Arithmetic == IntegerArithmetic || spec.Arithmetic == AutoArithmetic && notInteger is null)
        {
            if (notInteger is { } reason)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.NotInteger, DiagnosticSite.Arithmetic, weights, reason));
                return none;
            }
            IntegerPlan integer = IntegerPlanner.Plan(network, normalization, plan.WorkspaceLength * sizeof(float), widths ?? VectorWidth.All, cancellationToken);
            return emit ? IntegerEmitter.Emit(spec.Target, integer, weights, cancellationToken) : none;
        }
        return emit ? Emitter.Emit(spec.Target, plan, weights, cancellationToken) : none;
    }

    /// <summary>The runtime's <c>MobileNetArithmetic.Auto</c> and <c>MobileNetArithmetic.Integer</c>.</summary>
    private const int AutoArithmetic = 0, IntegerArithmetic = 2;

    /// <summary>What a recognised file is and the attribute values that fit it: "the file is MobileNet V1 α=0.25 at 128×128, so set Alpha = 0.25 and Resolution = 128".</summary>
    private static string Fit(RecognizedNetwork file, NetworkSpec spec)
    {
        var settings = new List<string>();
        if (file.Version != spec.Version)
            settings.Add(file.Version == 1 ? "Version = 1 (or remove Version)" : "Version = 2");
        if (file.Alpha != spec.Alpha)
            settings.Add(FormattableString.Invariant($"Alpha = {file.Alpha}"));
        // The message already names the declared size; the file's is added only when it differs.
        string size = "";
        if (file.Resolution != spec.Resolution)
        {
            size = $" at {file.Resolution}×{file.Resolution}";
            settings.Add($"Resolution = {file.Resolution}");
        }
        string last = settings[settings.Count - 1];
        string set = settings.Count == 1 ? last : $"{string.Join(", ", settings.Take(settings.Count - 1))} and {last}";
        return FormattableString.Invariant($"the file is MobileNet V{file.Version} α={file.Alpha}{size}, so set {set}");
    }

    /// <summary>Reads the file in the format its content shows (TFLite's identifier, else ONNX) and lowers it; null after a diagnostic.</summary>
    private static NetworkGraph? ReadAndLower(string weights, byte[] bytes, List<DiagnosticInfo> diagnostics, CancellationToken cancellationToken)
    {
        if (bytes.Length == 0)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ModelUnreadable, DiagnosticSite.Weights, weights, "the file is empty (0 bytes); was a download or a copy interrupted?"));
            return null;
        }
        bool tflite = TfliteReader.IsTflite(bytes);
        if (!tflite && !weights.EndsWith(".onnx", StringComparison.OrdinalIgnoreCase))
        {
            diagnostics.Add(weights.EndsWith(".tflite", StringComparison.OrdinalIgnoreCase)
                ? DiagnosticInfo.Create(DiagnosticDescriptors.ModelUnreadable, DiagnosticSite.Weights, weights, "it does not start like a TFLite file (no 'TFL3' identifier at byte 4)")
                : DiagnosticInfo.Create(DiagnosticDescriptors.UnsupportedFormat, DiagnosticSite.Weights, weights));
            return null;
        }
        string? error;
        try
        {
            if (tflite)
            {
                TfliteModel? model = TfliteReader.TryRead(bytes, out error, cancellationToken);
                if (model is not null)
                    return TfliteLowering.Lower(model, cancellationToken);
            }
            else
            {
                OnnxModel? model = OnnxReader.TryRead(bytes, out error, cancellationToken);
                if (model is not null)
                    return OnnxLowering.Lower(model, cancellationToken);
            }
        }
        catch (UnsupportedGraphException e)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnsupportedGraph, DiagnosticSite.Weights, weights, e.Message));
            return null;
        }
        catch (ModelLimitException e)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.LimitExceeded, DiagnosticSite.Weights, weights, e.Message));
            return null;
        }
        diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ModelUnreadable, DiagnosticSite.Weights, weights, error!));
        return null;
    }

    /// <summary>What to do about a Weights path that names no registered model: the registered path it was likely meant to be, else how to register it.</summary>
    private static string NotRegistered(string weights, EquatableArray<BridgedModel> models, ProjectInfo project)
    {
        // Paths match exactly, as on Linux and macOS builds; a match that differs only in case is named, not taken.
        if (Find(weights, models, project, StringComparison.OrdinalIgnoreCase) is { } otherCase)
            return $"did you mean '{Registered(otherCase, project)}', which differs from it only in case?";
        string[] registered = models.Select(m => Registered(m, project)).ToArray();
        if (Nearest(weights, registered, project) is { } nearest)
            return $"did you mean '{nearest}'?";
        return $"add <MobileNetModel Include=\"{weights}\" /> to the project file{(registered.Length > 0 ? $" (registered: {DisplayText.List(registered, ", ")})" : "")}";
    }

    /// <summary>The path a model is registered under, as the project file writes it: its Link, else its path relative to the project (full when outside it).</summary>
    private static string Registered(BridgedModel model, ProjectInfo project)
    {
        if (model.Link is not null)
            return ModelBridge.Normalize(model.Link, null);
        string source = ModelBridge.Normalize(model.SourcePath, null);
        string? directory = project.ProjectDirectory is { } d ? ModelBridge.Normalize(d, null).TrimEnd('/') + "/" : null;
        return directory is not null && source.StartsWith(directory, StringComparison.Ordinal) ? source.Substring(directory.Length) : source;
    }

    /// <summary>
    /// The registered path a typo was meant to be: the nearest by edit distance (ignoring case) between the
    /// paths both resolve to, within two edits (one for a path under ten characters). Further off, it is
    /// more likely another file, such as a model of another size that is not registered yet.
    /// </summary>
    private static string? Nearest(string weights, string[] registered, ProjectInfo project)
    {
        string wanted = ModelBridge.Normalize(weights, project.ProjectDirectory).ToLowerInvariant();
        int limit = weights.Length < 10 ? 1 : 2;
        string? nearest = null;
        foreach (string path in registered)
        {
            string candidate = ModelBridge.Normalize(path, project.ProjectDirectory).ToLowerInvariant();
            // Lengths further apart than the limit cannot be within it; the rest are real files' paths, so short.
            if (Math.Abs(candidate.Length - wanted.Length) > limit)
                continue;
            int distance = EditDistance(wanted, candidate);
            if (distance <= limit)
                (nearest, limit) = (path, distance - 1);
        }
        return nearest;
    }

    /// <summary>The Levenshtein distance: how many characters must be inserted, deleted or replaced to turn <paramref name="a"/> into <paramref name="b"/>.</summary>
    private static int EditDistance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++)
            previous[j] = j;
        for (int i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (int j = 1; j <= b.Length; j++)
                current[j] = Math.Min(previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1), Math.Min(previous[j], current[j - 1]) + 1);
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }

    private static BridgedModel? Find(string weights, EquatableArray<BridgedModel> models, ProjectInfo project, StringComparison comparison)
    {
        string wanted = ModelBridge.Normalize(weights, project.ProjectDirectory);
        foreach (BridgedModel model in models)
            if (string.Equals(ModelBridge.Normalize(model.SourcePath, null), wanted, comparison)
                || model.Link is not null && string.Equals(ModelBridge.Normalize(model.Link, project.ProjectDirectory), wanted, comparison))
                return model;
        if (project.ProjectDirectory is not null)
            return null;
        // Without the project directory, a relative Weights path can only be matched as a path suffix.
        string suffix = "/" + weights.Replace('\\', '/').TrimStart('.', '/');
        return models.FirstOrDefault(m => ("/" + ModelBridge.Normalize(m.Link ?? m.SourcePath, null)).EndsWith(suffix, comparison));
    }
}
