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
    /// <summary>How much of a name a message quotes; exporters' own names are far shorter.</summary>
    public const int NameLength = 60;

    /// <summary>How much of any one diagnostic argument is shown.</summary>
    public const int MessageLength = 2000;

    /// <summary>A name from the file, as a message quotes it.</summary>
    public static string Name(string text) => Clean(text, NameLength);

    /// <summary>Text for a generated XML doc comment: cleaned, then XML-escaped.</summary>
    public static string XmlDoc(string text) => Clean(text, MessageLength).Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");

    public static string Clean(string text, int maxLength = MessageLength)
    {
        StringBuilder? clean = null; // made only once something needs escaping or cutting
        int i = 0;
        for (int shown = 0; i < text.Length && shown < maxLength; shown++)
        {
            int width = SafeWidth(text, i);
            if (width > 0)
            {
                clean?.Append(text, i, width);
                i += width;
            }
            else
            {
                (clean ??= new StringBuilder(text.Length + 16).Append(text, 0, i)).Append("\\u").Append(((int)text[i]).ToString("X4", CultureInfo.InvariantCulture));
                i++;
            }
        }
        if (i < text.Length)
            return (clean ?? new StringBuilder().Append(text, 0, i)).Append('…').ToString();
        return clean?.ToString() ?? text;
    }

    /// <summary>How many chars of one safe character stand at <paramref name="i"/> (2 for a surrogate pair), or 0 if it is unsafe.</summary>
    private static int SafeWidth(string text, int i)
    {
        char c = text[i];
        if (char.IsHighSurrogate(c))
            return i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]) ? 2 : 0;
        UnicodeCategory category = CharUnicodeInfo.GetUnicodeCategory(c);
        return category is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator
            or UnicodeCategory.Surrogate or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned ? 0 : 1;
    }
}
