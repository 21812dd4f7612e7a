using System;
using System.Collections.Generic;
using System.Linq;
using MobileNet.Generator.Emitting;
using MobileNet.Generator.Model;
using static MobileNet.Generator.Kernels.Rendering;

namespace MobileNet.Generator.Kernels.Depthwise;

/// <summary>
/// Writes one or two output rows of a 3×3 depthwise convolution, as its <see cref="DepthwiseSchedule"/>
/// says, from the input rows <c>r0</c>, <c>r1</c>, … (the zero row where the window hangs over the top or
/// bottom of the image) into <c>d</c>. For each vector of channels the bias and the nine taps stay in
/// registers while the row (or a chunk of it) is swept: the border columns get only the taps inside the
/// image, and the columns between them go several at a time, independent FMA chains, with no checks.
/// Every output adds its taps in the same order (bias, then row by row) at every width, so all widths
/// give the same results.
/// </summary>
internal static class DepthwiseKernel
{
    public static void Write(SourceWriter w, DepthwiseSchedule s, string weights, Clamp clamp, string prefix)
    {
        w.Line($"// {s.OutW} columns: {s.First} on the left border, {s.End - s.First} inside, {s.OutW - s.End} on the right border; " +
            $"{(s.PixelsOutside ? "pixels outside, channels inside" : "channels outside, pixels inside")}.");
        if (s.Branches.Any(b => Parts(s, b).Any(p => p.Vectors > 1)))
            w.Line($"const int {nameof(DepthwiseLayout.Group)} = {DepthwiseLayout.Group}, {nameof(DepthwiseLayout.GroupLength)} = {DepthwiseLayout.GroupLength}; // the taps' packing: per group of channels, its biases, then each tap's weights");
        ForEachWidth(w, s.Branches, b => b.Branch, branch =>
        {
            if (s.PixelsOutside)
                Chunks(w, branch, scoped: false, (chunk, ox, alone) => ChannelLoops(w, s, branch, weights, clamp, prefix, alone, (part, c) => Tile(w, s, part, clamp, prefix, chunk, ox, c)));
            else
                ChannelLoops(w, s, branch, weights, clamp, prefix, alone: true, (part, c) => Chunks(w, branch, scoped: true, (chunk, ox, _) => Tile(w, s, part, clamp, prefix, chunk, ox, c)));
        });
    }

    /// <summary>
    /// The branch's chunks of pixels: a loop over the inside tiles (<c>ox</c> null), the border ones each at
    /// their place, in a block of their own if <paramref name="scoped"/> and there are others (their locals would
    /// clash); the tile is told whether it is alone in its block.
    /// </summary>
    private static void Chunks(SourceWriter w, DepthwiseBranch branch, bool scoped, Action<DepthwiseChunk, int?, bool> tile)
    {
        scoped &= branch.Chunks.Count > 1;
        foreach (DepthwiseChunk c in branch.Chunks)
        {
            if (c.Repeat == 1)
            {
                if (scoped)
                    w.Scope();
                tile(c, c.First, scoped || branch.Chunks.Count == 1);
                if (scoped)
                    w.Close();
            }
            else
            {
                OpenTileLoop(w, "ox", c.First, c.End, c.Pixels);
                tile(c, null, true);
                w.Close();
            }
        }
    }

    /// <summary>
    /// The vectors of channels, each part (the widest vectors, then 128-bit ones for the channels left over) in
    /// a loop or, for one vector, at its place (<c>c</c> null in a loop), with the bias and nine taps in registers.
    /// A single vector needs no block of its own where it is <paramref name="alone"/> in its surroundings.
    /// </summary>
    private static void ChannelLoops(SourceWriter w, DepthwiseSchedule s, DepthwiseBranch branch, string weights, Clamp clamp, string prefix, bool alone, Action<VectorWidth, int?> body)
    {
        var parts = Parts(s, branch).ToArray();
        foreach ((VectorWidth part, int done, int vectors) in parts)
        {
            string v = part.Vector;
            int? c = vectors == 1 ? done : null;
            bool block = c is null || !alone || parts.Length > 1; // a nested block may not reuse an enclosing block's names
            if (c is null)
                w.Open($"for (int c = {done}; c < {done + vectors * part.Lanes}; c += {part.Lanes})");
            else if (block)
                w.Scope();
            string group = c is int fixedC ? Constant(fixedC / DepthwiseLayout.Group * DepthwiseLayout.GroupLength + fixedC % DepthwiseLayout.Group)
                : $"c / {nameof(DepthwiseLayout.Group)} * {nameof(DepthwiseLayout.GroupLength)} + c % {nameof(DepthwiseLayout.Group)}";
            w.Line($"ref float taps = ref {At(weights, group)};");
            w.Line($"{v}<float> bias = {v}.LoadUnsafe(ref taps);");
            ClampBounds(w, clamp, prefix, v);
            w.Line($"{v}<float> {string.Join(", ", Enumerable.Range(0, DepthwiseLayout.Taps).Select(t => $"k{t} = {v}.LoadUnsafe(ref taps{Offset(DepthwiseLayout.Group * (1 + t))})"))};");
            body(part, c);
            if (block)
                w.Close();
        }
    }

    /// <summary>Each part of a branch's channels: its vectors, the first channel and how many vectors it covers.</summary>
    private static IEnumerable<(VectorWidth Part, int First, int Vectors)> Parts(DepthwiseSchedule s, DepthwiseBranch branch)
    {
        int done = 0;
        foreach (VectorWidth part in branch.Parts)
        {
            int vectors = (s.Layout.Stride - done) / part.Lanes;
            yield return (part, done, vectors);
            done += vectors * part.Lanes;
        }
    }

    /// <summary>
    /// One tile: pixels [ox, ox + n) of the output rows (ox a constant at a border), channels [c, c + lanes).
    /// Every input value is loaded once and fed to each output whose window holds it; each output adds its
    /// taps row by row, column by column.
    /// </summary>
    private static void Tile(SourceWriter w, DepthwiseSchedule s, VectorWidth width, Clamp clamp, string prefix, DepthwiseChunk chunk, int? fixedOx, int? fixedC)
    {
        string v = width.Vector;
        int n = chunk.Pixels, stride = s.Stride, channels = s.Layout.Stride, outRows = s.OutRows;
        string Acc(int q, int u) => $"a{q}_{u}";
        string channel = fixedC is int c0 ? Constant(c0) : "c";
        string rows = outRows == 1 ? "the row" : $"the {outRows} rows";
        string pixels = fixedOx is int x0 ? (n == 1 ? $"Pixel {x0}" : $"Pixels {x0}–{x0 + n - 1}") : $"Pixels ox … ox + {n - 1}";
        string lanes = fixedC is int cc ? $"{cc}–{cc + width.Lanes - 1}" : $"c … c + {width.Lanes - 1}";
        string border = fixedOx is not int b || (b >= s.First && b + n <= s.End) ? ""
            : n == 1 ? $" (on the {(b < s.First ? "left" : "right")} border: without the padding taps)" : " (border pixels without their padding taps)";
        w.Line($"// {pixels} of {rows}{border}, channels {lanes}.");
        int from = (fixedOx ?? 0) * stride - s.PadLeft; // the tile's first window column, relative to ox × stride when ox varies
        string column = stride == 1 ? "ox" : $"ox * {stride}";
        for (int j = 0; j < s.InputRows; j++)
            w.Line(fixedOx is null
                ? $"ref float p{j} = ref Unsafe.Add(ref r{j}, ({(s.PadLeft == 0 ? column : $"{column} - {s.PadLeft}")}) * {channels} + {channel});"
                : $"ref float p{j} = ref {At($"r{j}", channel)};");
        w.Line($"{v}<float> {string.Join(", ", Enumerable.Range(0, outRows).SelectMany(q => Enumerable.Range(0, n).Select(u => $"{Acc(q, u)} = bias")))};");
        bool declared = false;
        for (int j = 0; j < s.InputRows; j++)
            for (int col = 0; col < (n - 1) * stride + 3; col++)
            {
                int ix = from + col;
                if (fixedOx is not null && (ix < 0 || ix >= s.InW))
                    continue; // zero padding left or right
                var users = (from q in Enumerable.Range(0, outRows)
                             from u in Enumerable.Range(0, n)
                             let ky = j - q * stride
                             let kx = col - u * stride
                             where ky is >= 0 and < 3 && kx is >= 0 and < 3
                             select (q, u, tap: ky * 3 + kx)).ToArray();
                if (users.Length == 0)
                    continue;
                // One line per input value: its load and the outputs it feeds.
                int offset = (fixedOx is null ? col : ix) * channels;
                w.Line($"{(declared ? "" : $"{v}<float> ")}x = {v}.LoadUnsafe(ref p{j}{Offset(offset)}); " + string.Join(" ", users.Select(user => width.Fma("x", $"k{user.tap}", Acc(user.q, user.u)))));
                declared = true;
            }
        string target = fixedOx is int o ? (fixedC is int oc ? Constant(o * channels + oc) : Plus(Constant(o * channels), "c")) : Plus($"ox * {channels}", channel);
        w.Line($"ref float o = ref {At("d", target)};");
        for (int q = 0; q < outRows; q++)
            w.Line(string.Join(" ", Enumerable.Range(0, n).Select(u => $"{v}.StoreUnsafe({Apply(clamp, Acc(q, u), prefix)}, ref o{Offset(q * s.OutW * channels + u * channels)});")));
    }
}
