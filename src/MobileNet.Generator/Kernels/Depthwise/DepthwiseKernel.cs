using System;
using System.Linq;
using MobileNet.Generator.Binding;
using MobileNet.Generator.Emitting;
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
        ForEachWidth(w, s.Branches, b => b.Branch, branch =>
        {
            if (s.PixelsOutside)
                Chunks(w, branch, (ox, n) => ChannelLoops(w, s, branch, weights, clamp, prefix, part => Chunk(w, s, part, clamp, prefix, ox, n)));
            else
                ChannelLoops(w, s, branch, weights, clamp, prefix, part => Chunks(w, branch, (ox, n) => Chunk(w, s, part, clamp, prefix, ox, n)));
        });
    }

    /// <summary>The branch's chunks of pixels: a loop over the inside ones, the others each at their place (<c>ox</c> null in a loop).</summary>
    private static void Chunks(SourceWriter w, DepthwiseBranch branch, Action<int?, int> chunk)
    {
        foreach (DepthwiseChunk c in branch.Chunks)
        {
            w.Scope();
            if (c.Repeat > 1)
            {
                w.Line($"int ox = {c.First};");
                w.Open($"for (; ox <= {c.First + (c.Repeat - 1) * c.Pixels}; ox += {c.Pixels})");
                chunk(null, c.Pixels);
                w.Close();
            }
            else
                chunk(c.First, c.Pixels);
            w.Close();
        }
    }

    /// <summary>
    /// The loop over vectors of channels (a block where there is one vector), with the bias and nine taps of
    /// each vector in registers, then the last channels in 128-bit vectors where the count is not a multiple of the width.
    /// </summary>
    private static void ChannelLoops(SourceWriter w, DepthwiseSchedule s, DepthwiseBranch branch, string weights, Clamp clamp, string prefix, Action<VectorWidth> body)
    {
        const int Group = DepthwiseLayout.Group;
        int channels = s.Layout.Stride;
        w.Line("int c = 0;");
        int done = 0;
        for (int i = 0; i < branch.Parts.Count; i++)
        {
            VectorWidth part = branch.Parts[i];
            string v = part.Vector;
            int vectors = (channels - done) / part.Lanes;
            done += vectors * part.Lanes;
            if (vectors > 1)
                w.Open($"for (; c + {part.Lanes} <= {channels}; c += {part.Lanes})");
            else
                w.Scope();
            w.Line($"ref float taps = ref Unsafe.Add(ref {weights}, c / {Group} * {DepthwiseLayout.GroupLength} + c % {Group});");
            w.Line($"{v}<float> bias = {v}.LoadUnsafe(ref taps);");
            ClampBounds(w, clamp, prefix, v);
            w.Line($"{v}<float> {string.Join(", ", Enumerable.Range(0, DepthwiseLayout.Taps).Select(t => $"k{t} = {v}.LoadUnsafe(ref taps, {Group * (1 + t)})"))};");
            body(part);
            w.Close();
            if (vectors == 1 && i < branch.Parts.Count - 1)
                w.Line($"c += {part.Lanes};");
        }
    }

    /// <summary>
    /// Pixels [ox, ox + n) of the output rows (ox a constant for a chunk at a border), every input value
    /// loaded once and fed to each output whose window holds it; each output adds its taps row by row,
    /// column by column.
    /// </summary>
    private static void Chunk(SourceWriter w, DepthwiseSchedule s, VectorWidth width, Clamp clamp, string prefix, int? fixedOx, int n)
    {
        string v = width.Vector;
        int stride = s.Stride, channels = s.Layout.Stride, outRows = s.OutRows;
        string Acc(int q, int u) => $"a{q}_{u}";
        int from = (fixedOx ?? 0) * stride - s.PadLeft; // the chunk's first window column, relative to ox × stride when ox varies
        for (int j = 0; j < s.InputRows; j++)
            w.Line(fixedOx is null
                ? $"ref float p{j} = ref Unsafe.Add(ref r{j}, (ox * {stride} - {s.PadLeft}) * {channels} + c);"
                : $"ref float p{j} = ref Unsafe.Add(ref r{j}, c);");
        w.Line($"{v}<float> {string.Join(", ", Enumerable.Range(0, outRows).SelectMany(q => Enumerable.Range(0, n).Select(u => $"{Acc(q, u)} = bias")))};");
        for (int j = 0; j < s.InputRows; j++)
            for (int column = 0; column < (n - 1) * stride + 3; column++)
            {
                int ix = from + column;
                if (fixedOx is not null && (ix < 0 || ix >= s.InW))
                    continue; // zero padding left or right
                var users = (from q in Enumerable.Range(0, outRows)
                             from u in Enumerable.Range(0, n)
                             let ky = j - q * stride
                             let kx = column - u * stride
                             where ky is >= 0 and < 3 && kx is >= 0 and < 3
                             select (q, u, tap: ky * 3 + kx)).ToArray();
                if (users.Length == 0)
                    continue;
                int offset = (fixedOx is null ? column : ix) * channels;
                w.Scope().Line($"{v}<float> x = {v}.LoadUnsafe(ref p{j}{(offset == 0 ? "" : $", {offset}")});");
                foreach ((int q, int u, int tap) in users)
                    w.Line($"{Acc(q, u)} = {v}.FusedMultiplyAdd(x, k{tap}, {Acc(q, u)});");
                w.Close();
            }
        w.Line(fixedOx is null ? $"ref float o = ref Unsafe.Add(ref d, ox * {channels} + c);"
            : fixedOx == 0 ? "ref float o = ref Unsafe.Add(ref d, c);" : $"ref float o = ref Unsafe.Add(ref d, {fixedOx * channels} + c);");
        for (int q = 0; q < outRows; q++)
            for (int u = 0; u < n; u++)
                w.Line($"{v}.StoreUnsafe({Apply(clamp, Acc(q, u), prefix, v)}, ref o, {q * s.OutW * channels + u * channels});");
    }
}
