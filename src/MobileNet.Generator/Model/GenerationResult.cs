namespace MobileNet.Generator.Model;

/// <summary>One generated source file.</summary>
internal sealed record GeneratedFile(string HintName, string Text);

/// <summary>What the generator produces for one attribute: source files, diagnostics (placed later, by <paramref name="Key"/>), or both.</summary>
internal sealed record GenerationResult(RequestKey Key, EquatableArray<GeneratedFile> Files, EquatableArray<DiagnosticInfo> Diagnostics);
