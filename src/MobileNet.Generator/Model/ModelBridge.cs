using System;
using System.IO;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace MobileNet.Generator.Model;

/// <summary>
/// The format of the files the MSBuild targets (build/MobileNetGen.targets) write into obj/: three header
/// lines, <c>MobileNetGen-Bridge/1 ok|missing</c>, <c>source: &lt;full path&gt;</c> and
/// <c>link: &lt;the item's Link metadata&gt;</c>, then the model's bytes in base64.
/// </summary>
internal static class ModelBridge
{
    public const string Extension = ".mobilenet.b64";
    public const string Magic = "MobileNetGen-Bridge/1";

    /// <summary>Reads a bridge file's header and text, or returns null for any other additional file.</summary>
    public static BridgedModel? Read(AdditionalText file, CancellationToken cancellationToken)
    {
        if (!file.Path.EndsWith(Extension, StringComparison.OrdinalIgnoreCase))
            return null;
        SourceText? text = file.GetText(cancellationToken);
        if (text is null || text.Lines.Count < 3)
            return null;
        string status = text.Lines[0].ToString(), source = text.Lines[1].ToString(), link = text.Lines[2].ToString();
        if (!status.StartsWith(Magic + " ", StringComparison.Ordinal) || !source.StartsWith("source: ", StringComparison.Ordinal) || !link.StartsWith("link: ", StringComparison.Ordinal))
            return null;
        bool found = status.EndsWith(" ok", StringComparison.Ordinal);
        string? content = found ? text.ToString(TextSpan.FromBounds(text.Lines[2].EndIncludingLineBreak, text.Length)) : null;
        link = link.Substring("link: ".Length);
        return new BridgedModel(source.Substring("source: ".Length), link.Length > 0 ? link : null, file.Path, content);
    }

    /// <summary>The bytes of a bridged model, or null if the base64 is damaged.</summary>
    public static byte[]? Decode(string base64)
    {
        try
        {
            return Convert.FromBase64String(base64);
        }
        catch (FormatException)
        {
            return null;
        }
    }

    /// <summary>Normalises a path for comparison: full, with forward slashes.</summary>
    public static string Normalize(string path, string? baseDirectory)
    {
        string p = path.Replace('\\', '/');
        try
        {
            if (baseDirectory is { Length: > 0 } && !Path.IsPathRooted(p))
                p = Path.Combine(baseDirectory!.Replace('\\', '/'), p);
            if (Path.IsPathRooted(p))
                p = Path.GetFullPath(p);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            // Not a usable path: compare it as written.
        }
        return p.Replace('\\', '/');
    }
}
