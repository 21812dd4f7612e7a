using System;
using System.Text;

namespace MobileNet.Fuzz.Mutation;

/// <summary>The values that break parsers and code generators most often, shared by every mutator.</summary>
internal static class Interesting
{
    public static readonly byte[] Bytes = [0x00, 0xFF, 0x7F, 0x80];

    public static readonly long[] Integers =
    [
        0, -1, 1, 2, 3, -2, 127, 128, 255, 256, 4097, 65535, 65536, 1 << 28, (1 << 28) + 1,
        int.MaxValue, int.MinValue, 0x80000000L, 0xFFFFFFFFL, 1L << 40, long.MaxValue, long.MinValue,
    ];

    public static readonly float[] Floats =
    [
        float.NaN, float.PositiveInfinity, float.NegativeInfinity, 0f, -0f, 1e38f, float.MaxValue, float.Epsilon, -1f,
    ];

    /// <summary>
    /// Text aimed at the emitter: names and producers end up in XML doc comments, comments and string
    /// literals, so anything that closes or escapes one of those, or that C# treats as a line break, is here.
    /// </summary>
    public static readonly string[] Text =
    [
        "\n", "a\nb", "\r\n#error fuzz\r\n", "*/", "/* open", "</summary>", "<summary>", "<![CDATA[", "&amp;<>",
        "#error fuzz", "\u202E", "x\u2028y", "x\u2029y", "x\u0085y", "\"", "'", "\\", "\\u0022", "\"); } class X { //",
        "{0}", "{", "}", "\0", "\t", "\uFEFF", "", " ", new string('A', 10_000), new string('\n', 100),
    ];

    /// <summary>Hostile text as UTF-8, sometimes as byte sequences that are not UTF-8 at all.</summary>
    public static byte[] TextBytes(Rng rng) => rng.Next(8) switch
    {
        0 => [0xFF, 0xFE, 0xC3, 0x28],      // invalid UTF-8
        1 => [0xED, 0xA0, 0x80],            // an encoded lone surrogate
        _ => Encoding.UTF8.GetBytes(rng.Pick(Text)),
    };

    public static long Integer(Rng rng) => rng.Pick(Integers);

    public static float Float(Rng rng) => rng.Pick(Floats);

    public static byte[] FloatBytes(Rng rng) => BitConverter.GetBytes(Float(rng));
}
