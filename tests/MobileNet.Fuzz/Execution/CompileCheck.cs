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
/// Compiles generated sources in memory, as a user's project would (warnings count: users build with
/// warnings as errors). Compiling takes seconds, so each distinct source shape compiles once: the key
/// hashes the generated text with what cannot change whether it compiles masked (see <see cref="Masked"/>).
/// </summary>
internal sealed partial class CompileCheck
{
    private const string Stub = "namespace Fuzz { public partial class Net; }";

    private static readonly MetadataReference[] References =
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Select(p => MetadataReference.CreateFromFile(p))
            .Append(MetadataReference.CreateFromFile(typeof(MobileNetAttribute).Assembly.Location))
            .ToArray<MetadataReference>();

    private readonly ConcurrentDictionary<string, Lazy<CompileVerdict>> _shapes = new();

    /// <summary>How many distinct source shapes were compiled.</summary>
    public int Shapes => _shapes.Count;

    public CompileVerdict Check(IReadOnlyList<GeneratedFile> files) =>
        _shapes.GetOrAdd(ShapeKey(files), _ => new Lazy<CompileVerdict>(() => Compile(files))).Value;

    /// <summary>
    /// What the key leaves out: a weight literal (16 hex digits: any value is a valid ulong), a whole
    /// <c>///</c> doc line up to the first character C# ends a line at (doc text cannot change whether code
    /// compiles; text that escapes the comment lands outside the match and stays in the key), and a float
    /// literal, kept where it is not a finite float.
    /// </summary>
    [GeneratedRegex(@"(?<hex>0x[0-9A-F]{16})|(?:^[ \t]*///[^\r\u2028\u2029\u0085]*)|\b(?<float>\d+(?:\.\d+)?(?:E[-+]?\d+)?)f\b")]
    private static partial Regex Masked();

    private static string ShapeKey(IReadOnlyList<GeneratedFile> files)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (GeneratedFile file in files)
        {
            Append(hash, file.HintName);
            // Lines of weight literals are most of the text and cannot change whether it compiles: skipped
            // by a plain scan, since a regular expression over megabytes of them costs more than the emit.
            foreach (Range line in file.Text.AsSpan().Split('\n'))
            {
                ReadOnlySpan<char> text = file.Text.AsSpan()[line];
                if (!IsLiteralLine(text))
                    AppendMasked(hash, text.ToString());
            }
        }
        return Convert.ToHexString(hash.GetHashAndReset());
    }

    /// <summary>Whether a line is only 16-digit hex literals separated by ", " (an optional comma after the last).</summary>
    private static bool IsLiteralLine(ReadOnlySpan<char> line)
    {
        line = line.TrimStart(' ');
        if (line.IsEmpty)
            return false;
        while (!line.IsEmpty)
        {
            if (line.Length < 18 || line[0] != '0' || line[1] != 'x' || !IsUpperHex(line.Slice(2, 16)))
                return false;
            line = line[18..];
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
            Append(hash, m.Groups["hex"].Success ? "0x" : m.Groups["float"].Success ? "0f" : "///");
            from = m.Index + m.Length;
        }
        Append(hash, text.AsSpan(from));
        Append(hash, "\n");
    }

    private static void Append(IncrementalHash hash, ReadOnlySpan<char> text) => hash.AppendData(System.Runtime.InteropServices.MemoryMarshal.AsBytes(text));

    /// <summary>The body of one weights array, from its first literal to its closing brace.</summary>
    [GeneratedRegex(@"(\{\s*0x[0-9A-F]{16})[^}]*\}")]
    private static partial Regex WeightArray();

    private static CompileVerdict Compile(IReadOnlyList<GeneratedFile> files)
    {
        var parse = new CSharpParseOptions(LanguageVersion.Latest);
        // Each weights array keeps only its first literal: the rest are more of the same token, which the
        // key already ignores, and binding hundreds of thousands of them is most of a compile's time.
        IEnumerable<SyntaxTree> trees = files.Select(f => CSharpSyntaxTree.ParseText(f.HintName.EndsWith(".Weights.g.cs", StringComparison.Ordinal) ? WeightArray().Replace(f.Text, "$1 }") : f.Text, parse, path: f.HintName, encoding: Encoding.UTF8))
            .Append(CSharpSyntaxTree.ParseText(Stub, parse, path: "Net.cs", encoding: Encoding.UTF8));
        CSharpCompilation compilation = CSharpCompilation.Create("FuzzNet", trees, References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, optimizationLevel: OptimizationLevel.Release, nullableContextOptions: NullableContextOptions.Enable));
        using var stream = new MemoryStream();
        Diagnostic[] problems = compilation.Emit(stream).Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).ToArray();
        return new CompileVerdict(problems.FirstOrDefault(), problems.Length);
    }
}
