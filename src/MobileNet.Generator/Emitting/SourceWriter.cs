using System;
using System.Globalization;
using System.Text;

namespace MobileNet.Generator.Emitting;

/// <summary>An indenting text writer for generated C#.</summary>
internal sealed class SourceWriter
{
    private readonly StringBuilder _text = new();
    private int _indent;

    public SourceWriter Line(string line = "")
    {
        if (line.Length > 0)
            _text.Append(' ', _indent * 4);
        _text.Append(line).Append('\n');
        return this;
    }

    public SourceWriter Open(string line)
    {
        Line(line);
        Line("{");
        _indent++;
        return this;
    }

    /// <summary>Opens a bare block, so that the locals of emitted code cannot clash with their surroundings.</summary>
    public SourceWriter Scope()
    {
        Line("{");
        _indent++;
        return this;
    }

    public SourceWriter Close(string suffix = "")
    {
        _indent--;
        return Line("}" + suffix);
    }

    public StringBuilder Raw => _text;

    public override string ToString() => _text.ToString();

    /// <summary>A float literal that round-trips, independent of the build machine's culture.</summary>
    public static string Float(float value)
    {
        if (float.IsNaN(value) || float.IsInfinity(value))
            throw new ArgumentOutOfRangeException(nameof(value), "non-finite literal");
        return value.ToString("R", CultureInfo.InvariantCulture) + "f";
    }

    /// <summary>An integer with thousands separators, for the docs.</summary>
    public static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
