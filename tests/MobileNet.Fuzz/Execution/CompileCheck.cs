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
/// hashes the generated text with the weight literals masked. Weights are only ever the 16-digit hex
/// ulong literals of the weights file, and different values there cannot change whether it compiles.
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

    [GeneratedRegex("0x[0-9A-F]{16}")]
    private static partial Regex WeightLiteral();

    private static string ShapeKey(IReadOnlyList<GeneratedFile> files)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (GeneratedFile file in files)
        {
            Append(hash, file.HintName);
            ReadOnlySpan<char> text = file.Text;
            int from = 0;
            foreach (ValueMatch literal in WeightLiteral().EnumerateMatches(text))
            {
                Append(hash, text[from..literal.Index]);
                Append(hash, "0x");
                from = literal.Index + literal.Length;
            }
            Append(hash, text[from..]);
        }
        return Convert.ToHexString(hash.GetHashAndReset());
    }

    private static void Append(IncrementalHash hash, ReadOnlySpan<char> text) => hash.AppendData(System.Runtime.InteropServices.MemoryMarshal.AsBytes(text));

    private static CompileVerdict Compile(IReadOnlyList<GeneratedFile> files)
    {
        var parse = new CSharpParseOptions(LanguageVersion.Latest);
        IEnumerable<SyntaxTree> trees = files.Select(f => CSharpSyntaxTree.ParseText(f.Text, parse, path: f.HintName, encoding: Encoding.UTF8))
            .Append(CSharpSyntaxTree.ParseText(Stub, parse, path: "Net.cs", encoding: Encoding.UTF8));
        CSharpCompilation compilation = CSharpCompilation.Create("FuzzNet", trees, References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, optimizationLevel: OptimizationLevel.Release, nullableContextOptions: NullableContextOptions.Enable));
        using var stream = new MemoryStream();
        Diagnostic[] problems = compilation.Emit(stream).Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).ToArray();
        return new CompileVerdict(problems.FirstOrDefault(), problems.Length);
    }
}
