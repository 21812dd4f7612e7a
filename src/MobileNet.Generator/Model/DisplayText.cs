using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace MobileNet.Generator.Model;

/// <summary>
/// Text from outside (a model file's names and producer, the attribute's path) made safe to show in a
/// diagnostic or a generated comment. Every character that could end a line or a comment, reorder what
/// an editor shows or hide itself (C0 and C1 controls, U+2028/U+2029, bidi and other format characters,
/// lone surrogates) is written as <c>\uXXXX</c>, and long text is cut: no byte of a file becomes code.
/// </summary>
internal static class DisplayText
{
    /// <summary>How much of a name a message quotes. Most exporters' names are shorter; TFLite converters join the names of fused operations into hundreds of characters.</summary>
    public const int NameLength = 60;

    /// <summary>How much of any one diagnostic argument is shown.</summary>
    public const int MessageLength = 2000;

    /// <summary>
    /// A node or tensor name from the file, as a message quotes it. A long one keeps its start and its
    /// end around "…": exporters build names as paths, and the end is what tells layers apart.
    /// </summary>
    public static string Name(string text)
    {
        if (text.Length <= NameLength)
            return Clean(text);
        int head = PairStart(text, NameLength / 2), tail = PairStart(text, text.Length - (NameLength / 2 - 1));
        return Clean(text.Substring(0, head)) + "…" + Clean(text.Substring(tail));
    }

    /// <summary>Text for a generated XML doc comment: cleaned, then XML-escaped.</summary>
    public static string XmlDoc(string text) => Clean(text, MessageLength).Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");

    /// <summary>The first few of a list of names, then how many there are in all.</summary>
    public static string List(IEnumerable<string> items, string separator)
    {
        const int Shown = 6;
        var shown = new List<string>(Shown);
        int count = 0;
        foreach (string item in items)
            if (count++ < Shown)
                shown.Add(item);
        return string.Join(separator, shown) + (count > Shown ? $"{separator}… ({count} in all)" : "");
    }

    public static string Clean(string text, int maxLength = MessageLength)
    {
        StringBuilder? clean = null; // made only once something needs escaping or cutting
        int i = 0;
        for (int shown = 0; i < text.Length && shown < maxLength; shown++)
        {
            int width = char.IsSurrogatePair(text, i) ? 2 : 1;
            if (IsSafe(text, i))
            {
                clean?.Append(text, i, width);
            }
            else
            {
                clean ??= new StringBuilder(Math.Min(text.Length, 6 * maxLength) + 16).Append(text, 0, i);
                for (int k = i; k < i + width; k++)
                    clean.Append("\\u").Append(((int)text[k]).ToString("X4", CultureInfo.InvariantCulture));
            }
            i += width;
        }
        if (i < text.Length)
            return (clean ?? new StringBuilder(i + 1).Append(text, 0, i)).Append('…').ToString();
        return clean?.ToString() ?? text;
    }

    /// <summary>Moves a cut that would split a surrogate pair to before the pair, so that no half of a character is escaped on its own.</summary>
    private static int PairStart(string text, int i) => char.IsLowSurrogate(text[i]) && char.IsHighSurrogate(text[i - 1]) ? i - 1 : i;

    /// <summary>Letters, marks, digits, punctuation, symbols and spaces are shown; controls, format characters (bidi, tags), separators, private-use, unassigned and lone surrogates are not.</summary>
    private static bool IsSafe(string text, int i) => CharUnicodeInfo.GetUnicodeCategory(text, i) is not (
        UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator
        or UnicodeCategory.Surrogate or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned);
}
