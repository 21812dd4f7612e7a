using System.Linq;
using MobileNet.Generator.Emitting;
using MobileNet.Generator.Model;
using static MobileNet.Generator.Kernels.Rendering;

namespace MobileNet.Generator.Kernels.Stem;

/// <summary>
/// Writes the first convolution (the stem): few input channels, so each tap is a broadcast of one input
/// value against a vector of output channels, in register tiles of pixels × all output channels. A row of
/// zeros stands in for the padding above and below the image, and the border columns get one-pixel tiles
/// without the taps that fall in the padding: no pixel takes a checked path.
/// </summary>
internal static class StemKernel
{
    /// <param name="weights">The declaration of <c>w</c>, the packed weights.</param>
    /// <param name="split">Whether the layer makes the rows [<c>from</c>, <c>to</c>) only, a part's share.</param>
    public static void Write(SourceWriter w, StemSchedule s, string weights, Clamp clamp, bool split)
    {
        StemLayout layout = s.Layout;
        w.Line($"const int InH = {s.InH}, InW = {s.InW}, InC = {layout.InChannels}, OutW = {s.OutW}, OutC = {layout.OutStride};");
        w.Line($"const int KernelH = {layout.KernelH}, KernelW = {layout.KernelW}, Stride = {s.Stride}, PadTop = {s.PadTop};");
        w.Line(weights);
        w.Line("ref float zero = ref scratch; // the zero padding above and below the image");
        w.Line("MemoryMarshal.CreateSpan(ref zero, InW * InC).Clear();");
        w.Open(split ? "for (int oy = from; oy < to; oy++)" : $"for (int oy = 0; oy < {s.OutH}; oy++)");
        w.Line("int iy0 = oy * Stride - PadTop;");
        w.Line("ref float row = ref Unsafe.Add(ref output, oy * OutW * OutC);");
        w.Line($"// Columns {s.First} to {s.End - 1} in tiles; {s.First} column(s) on the left border and {s.OutW - s.End} on the right one pixel at a time.");
        ForEachWidth(w, s.Branches, b => b.Branch, branch =>
        {
            ClampBounds(w, clamp, "", branch.Width.Vector);
            foreach (int border in Enumerable.Range(0, s.First))
            {
                w.Scope().Line($"const int ox = {border};");
                Tile(w, s, branch, clamp, 1, border);
                w.Close();
            }
            if (s.End > s.First)
            {
                int size = EvenTile(s.End - s.First, branch.TileRows);
                OpenTileLoop(w, "ox", s.First, s.End, size);
                Tile(w, s, branch, clamp, size);
                w.Close();
            }
            foreach (int border in Enumerable.Range(s.End, s.OutW - s.End))
            {
                w.Scope().Line($"const int ox = {border};");
                Tile(w, s, branch, clamp, 1, border);
                w.Close();
            }
        });
        w.Close();
    }

    /// <summary>
    /// The stem's register tile: <paramref name="rows"/> pixels from column <c>ox</c> × every output channel.
    /// Broadcasting input values is what the layer spends most on, so the tile walks the input columns its
    /// pixels cover and broadcasts each value once, for every pixel whose window holds it (with stride 2,
    /// 17 broadcasts per input row and channel for 8 pixels instead of 24). For a border pixel
    /// (<paramref name="border"/> is its column) the columns in the padding are left out. Each pixel adds
    /// its taps in the same order (row, column, channel) whatever its tile.
    /// </summary>
    private static void Tile(SourceWriter w, StemSchedule s, StemBranch branch, Clamp clamp, int rows, int? border = null)
    {
        StemLayout layout = s.Layout;
        VectorWidth width = branch.Width;
        string v = width.Vector;
        int stride = s.Stride, kernelW = layout.KernelW, inC = layout.InChannels, outC = layout.OutStride, cols = branch.Columns;
        int columns = (rows - 1) * stride + kernelW;
        string Acc(int r, int j) => $"c{r}_{j}";
        for (int r = 0; r < rows; r++)
            w.Line($"{v}<float> {string.Join(", ", Enumerable.Range(0, cols).Select(j => $"{Acc(r, j)} = {v}.LoadUnsafe(ref w{Offset(j * width.Lanes)})"))};");
        w.Open("for (int ky = 0; ky < KernelH; ky++)");
        w.Line("int iy = iy0 + ky;");
        // Points at the first tile pixel's column, ox × Stride; the window starts PadLeft columns before it.
        w.Line("ref float source = ref (uint)iy < InH ? ref Unsafe.Add(ref input, iy * InW * InC) : ref zero;");
        w.Line("ref float line = ref Unsafe.Add(ref source, ox * Stride * InC);");
        // StemLayout.RowAt(ky), written out so that ky stays a loop variable.
        w.Line("ref float t = ref Unsafe.Add(ref w, OutC * (1 + ky * KernelW * InC));");
        bool declared = false;
        for (int column = 0; column < columns; column++)
        {
            int ix = (border ?? 0) * stride - s.PadLeft + column;
            if (border is not null && (ix < 0 || ix >= s.InW))
                continue; // zero padding left or right
            for (int ci = 0; ci < inC; ci++)
            {
                int at = (column - s.PadLeft) * inC + ci;
                w.Line($"{(declared ? "" : $"{v}<float> ")}x = {v}.Create({(at == 0 ? "line" : $"Unsafe.Add(ref line, {at})")});");
                declared = true;
                for (int r = 0; r < rows; r++)
                {
                    int kx = column - r * stride;
                    if (kx < 0 || kx >= kernelW)
                        continue;
                    w.Line(string.Join(" ", Enumerable.Range(0, cols).Select(j =>
                        width.Fma("x", $"{v}.LoadUnsafe(ref t{Offset((kx * inC + ci) * outC + j * width.Lanes)})", Acc(r, j)))));
                }
            }
        }
        w.Close();
        w.Line("ref float o = ref Unsafe.Add(ref row, ox * OutC);");
        for (int r = 0; r < rows; r++)
            for (int j = 0; j < cols; j++)
                w.Line($"{v}.StoreUnsafe({Apply(clamp, Acc(r, j))}, ref o{Offset(r * outC + j * width.Lanes)});");
    }
}
