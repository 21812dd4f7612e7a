using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using MobileNet.Generator.Model;

namespace MobileNet.Fuzz.Execution;

/// <summary>The first error or warning of a compilation, or null if there was none.</summary>
internal sealed record CompileVerdict(Diagnostic? FirstProblem, int Problems);

/// <summary>
/// Compiles generated sources in memory, as a user's project would: warnings count (users build with
/// warnings as errors) and so do the XML docs (GenerateDocumentationFile). The weights file is compiled
/// without its lines of 16-digit hex literals: they are most of the text, any value is a valid ulong, and
/// an empty array initializer compiles as a full one does. Compiling takes seconds, so each distinct
/// source shape compiles once; the key leaves out what cannot change whether it compiles (see
/// <see cref="Masked"/>), and what it leaves out of the docs is checked on every case by the parse.
/// </summary>
internal sealed partial class CompileCheck
{
    private const string Stub = "namespace Fuzz { public partial class Net; }";

    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest, DocumentationMode.Diagnose);

    private static readonly MetadataReference[] References =
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Select(p => MetadataReference.CreateFromFile(p))
            .Append(MetadataReference.CreateFromFile(typeof(MobileNetAttribute).Assembly.Location))
            .ToArray<MetadataReference>();

    private readonly ConcurrentDictionary<string, Lazy<CompileVerdict>> _shapes = new();

    /// <summary>How many distinct source shapes were compiled.</summary>
    public int Shapes => _shapes.Count;

    public CompileVerdict Check(IReadOnlyList<GeneratedFile> files)
    {
        string[] texts = files.Select(f => f.HintName.EndsWith(".Weights.g.cs", StringComparison.Ordinal) ? WithoutLiteralLines(f.Text) : f.Text).ToArray();
        SyntaxTree[] trees = files.Select((f, i) => CSharpSyntaxTree.ParseText(texts[i], ParseOptions, path: f.HintName, encoding: Encoding.UTF8)).ToArray();
        Diagnostic[] parse = trees.SelectMany(t => t.GetDiagnostics()).Where(d => d.Severity >= DiagnosticSeverity.Warning).ToArray();
        if (parse.Length > 0)
            return new CompileVerdict(parse[0], parse.Length);
        return _shapes.GetOrAdd(ShapeKey(files, texts), _ => new Lazy<CompileVerdict>(() => Compile(trees))).Value;
    }

    /// <summary>
    /// What the key leaves out: a <c>///</c> doc line up to the first character C# ends a line at (its
    /// text is checked by the parse; text that escapes the comment lands outside the match and stays in
    /// the key), and the value of a float literal where it is a finite float (the emitter writes floats
    /// only as arguments, clamp bounds and normalisation, never into constant expressions).
    /// </summary>
    [GeneratedRegex(@"(?:^[ \t]*///[^\r\u2028\u2029\u0085]*)|\b(?<float>\d+(?:\.\d+)?(?:E[-+]?\d+)?)f\b")]
    private static partial Regex Masked();

    private static string ShapeKey(IReadOnlyList<GeneratedFile> files, string[] texts)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        for (int i = 0; i < files.Count; i++)
        {
            Append(hash, files[i].HintName);
            foreach (Range line in texts[i].AsSpan().Split('\n'))
                AppendMasked(hash, texts[i][line]);
        }
        return Convert.ToHexString(hash.GetHashAndReset());
    }

    /// <summary>The text without its lines of weight literals, found by a plain scan: a regular expression over megabytes of them costs more than the emit.</summary>
    private static string WithoutLiteralLines(string text)
    {
        var kept = new StringBuilder(4096);
        foreach (Range line in text.AsSpan().Split('\n'))
            if (!IsLiteralLine(text.AsSpan()[line]))
                kept.Append(text.AsSpan()[line]).Append('\n');
        return kept.ToString();
    }

    /// <summary>Whether a line is only 16-digit hex literals with a UL suffix, separated by ", " (an optional comma after the last).</summary>
    private static bool IsLiteralLine(ReadOnlySpan<char> line)
    {
        line = line.TrimStart(' ');
        if (line.IsEmpty)
            return false;
        while (!line.IsEmpty)
        {
            if (line.Length < 20 || line[0] != '0' || line[1] != 'x' || !IsUpperHex(line.Slice(2, 16)) || line[18] != 'U' || line[19] != 'L')
                return false;
            line = line[20..];
            if (line.StartsWith(", "))
                line = line[2..];
            else if (line is [','])
                line = [];
            else if (!line.IsEmpty)
                return false;
        }
        return true;
    }

    private static bool IsUpperHex(ReadOnlySpan<char> digits) => !digits.ContainsAnyExcept("0123456789ABCDEF");

    private static void AppendMasked(IncrementalHash hash, string text)
    {
        int from = 0;
        for (Match m = Masked().Match(text); m.Success; m = m.NextMatch())
        {
            if (m.Groups["float"].Success && !float.IsFinite(float.Parse(m.Groups["float"].Value, System.Globalization.CultureInfo.InvariantCulture)))
                continue;
            Append(hash, text.AsSpan(from, m.Index - from));
            Append(hash, m.Groups["float"].Success ? "0f" : "///");
            from = m.Index + m.Length;
        }
        Append(hash, text.AsSpan(from));
        Append(hash, "\n");
    }

    private static void Append(IncrementalHash hash, ReadOnlySpan<char> text) => hash.AppendData(System.Runtime.InteropServices.MemoryMarshal.AsBytes(text));

    private static CompileVerdict Compile(SyntaxTree[] trees)
    {
        CSharpCompilation compilation = CSharpCompilation.Create("FuzzNet", trees.Append(CSharpSyntaxTree.ParseText(Stub, ParseOptions, path: "Net.cs", encoding: Encoding.UTF8)), References,
            new CSharpCompilationOptions(Microsoft.CodeAnalysis.OutputKind.DynamicallyLinkedLibrary, optimizationLevel: OptimizationLevel.Release, nullableContextOptions: NullableContextOptions.Enable));
        using var stream = new MemoryStream();
        Diagnostic[] problems = compilation.Emit(stream).Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).ToArray();
        return new CompileVerdict(problems.FirstOrDefault(), problems.Length);
    }
}
