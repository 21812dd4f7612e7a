using System.Linq;
using MobileNet.Generator.Emitting;
using MobileNet.Generator.Model;
using static MobileNet.Generator.Kernels.Rendering;

namespace MobileNet.Generator.Kernels.Gemm;

/// <summary>
/// The locals a GEMM reads and writes (refs to the first float of each), the clamp fused into its store with
/// the prefix of the clamp's locals, and the tensor whose matching pixels a residual GEMM adds.
/// </summary>
internal sealed record GemmOperands(string Input, string Output, string Weights, Clamp Clamp, string Prefix = "", string? Residual = null);

/// <summary>
/// Writes a 1×1 convolution over consecutive pixels as a GEMM, as its <see cref="GemmSchedule"/> says: each
/// register tile of pixels × channels accumulates in registers across the input channels, and the clamp
/// (and, for a residual, the matching pixels of the residual tensor) is fused into the store. The pixel
/// count is known, so the last pixels get one tile of exactly their number. Every output adds its
/// products in the same order at every width, so all widths give the same results.
/// </summary>
internal static class GemmKernel
{
    public static void Write(SourceWriter w, GemmSchedule schedule, GemmOperands o)
    {
        GemmLayout layout = schedule.Layout;
        w.Line($"// {schedule.Pixels} pixels × {layout.InStride} → {layout.OutStride} channels{(schedule.OutputStride != layout.OutStride ? $" of {schedule.OutputStride}" : "")}, in blocks of {GemmLayout.Block} output channels.");
        if (schedule.Branches.Any(b => b.Passes.Any(p => p.Repeat > 1)))
            w.Line($"const int {nameof(GemmLayout.Block)} = {GemmLayout.Block}, {nameof(GemmLayout.BlockLength)} = {layout.BlockLength}; // the weights' packing: per block of output channels, its biases, then its weights for each input channel");
        ForEachWidth(w, schedule.Branches, b => b.Width, branch =>
        {
            ClampBounds(w, o.Clamp, o.Prefix, branch.Width.Vector);
            int first = 0;
            foreach (GemmPass pass in branch.Passes)
            {
                string prefix = o.Prefix;
                if (pass.Kind == GemmPassKind.HalfLastColumn)
                {
                    prefix = Prefixed(o.Prefix, "half");
                    w.Line($"// The last {schedule.Rest} channels in the lower half of the last column.");
                    ClampBounds(w, o.Clamp, prefix, "Vector256");
                }
                else if (pass.Kind == GemmPassKind.Tail)
                {
                    prefix = Prefixed(o.Prefix, "rest");
                    w.Line($"// The last {schedule.Rest} channels, {pass.Columns} × {pass.Width.Vector}.");
                    ClampBounds(w, o.Clamp, prefix, pass.Width.Vector);
                }
                Pass(w, schedule, o, pass, prefix, first, alone: branch.Passes.Count == 1);
                first += pass.Repeat * pass.Blocks;
            }
        });
    }

    /// <summary>
    /// The pass's blocks from block <paramref name="first"/>, the pass's number at a time (a loop over <c>b</c>
    /// when more than once, else at their place): the pixels in tiles of the pass's height, then one tile for the rest.
    /// </summary>
    private static void Pass(SourceWriter w, GemmSchedule s, GemmOperands o, GemmPass pass, string prefix, int first, bool alone)
    {
        string co, weights;
        if (pass.Repeat > 1)
        {
            w.Open($"for (int b = {first}; b < {first + pass.Repeat * pass.Blocks}; b += {pass.Blocks})");
            w.Line($"int co = b * {nameof(GemmLayout.Block)};");
            (co, weights) = ("co", $"b * {nameof(GemmLayout.BlockLength)}");
        }
        else
        {
            if (!alone)
                w.Scope();
            (co, weights) = (Constant(first * GemmLayout.Block), Constant(first * s.Layout.BlockLength));
        }
        w.Line($"ref float w = ref {At(o.Weights, weights)};");
        Tiles(w, "p", 0, s.Pixels, pass.TileRows, rows => Tile(w, s, o, pass, prefix, rows, co));
        if (pass.Repeat > 1 || !alone)
            w.Close();
    }

    /// <summary><paramref name="rows"/> pixels from <c>p</c> × the pass's columns of channels from <c>co</c>, all in registers across the input channels.</summary>
    private static void Tile(SourceWriter w, GemmSchedule s, GemmOperands o, GemmPass pass, string prefix, int rows, string co)
    {
        VectorWidth width = pass.Width;
        string v = width.Vector;
        int cols = pass.Columns, inC = s.Layout.InStride, outC = s.OutputStride;
        // Column j of the tile: its block (0 or 1 after b) and lane offset within it, in floats from w.
        int Column(int j) => j * width.Lanes / GemmLayout.Block * s.Layout.BlockLength + j * width.Lanes % GemmLayout.Block;
        string Acc(int r, int j) => $"c{r}_{j}";

        // Every pixel starts from the biases: the first row loads them, the others copy it.
        for (int r = 0; r < rows; r++)
            w.Line($"{v}<float> {string.Join(", ", Enumerable.Range(0, cols).Select(j => $"{Acc(r, j)} = {(r == 0 ? $"{v}.LoadUnsafe(ref w{Offset(Column(j))})" : Acc(0, j))}"))};");
        // Both operands advance by reference, so that every load is a register plus a constant: with an
        // int index the JIT sign-extends a fresh sum for each broadcast.
        w.Line($"ref float a = ref Unsafe.Add(ref {o.Input}, p * {inC});");
        w.Line($"ref float wk = ref Unsafe.Add(ref w, {GemmLayout.Block});");
        if (pass.Input == GemmInput.Lanes)
        {
            const int Step = GemmPass.LaneStep;
            w.Open($"for (int k = 0; k < {inC}; k += {Step})");
            w.Line($"// Input channels k … k + {Step - 1} of each pixel: lane i multiplies channel k + i's weights.");
            w.Line($"{v}<float> {string.Join(", ", Enumerable.Range(0, rows).Select(r => $"x{r} = {v}.LoadUnsafe(ref a{Offset(r * inC)})"))};");
            for (int lane = 0; lane < Step; lane++)
            {
                string Load(int j) => $"w{j} = {v}.LoadUnsafe(ref wk{Offset(lane * GemmLayout.Block + Column(j))})";
                w.Line(lane == 0 ? $"{v}<float> {string.Join(", ", Enumerable.Range(0, cols).Select(Load))};" : string.Join(" ", Enumerable.Range(0, cols).Select(j => Load(j) + ";")));
                for (int r = 0; r < rows; r++)
                    w.Line(string.Join(" ", Enumerable.Range(0, cols).Select(j => FmaByLane(Acc(r, j), $"w{j}", $"x{r}", lane))));
            }
            w.Line($"a = ref Unsafe.Add(ref a, {Step});");
            w.Line($"wk = ref Unsafe.Add(ref wk, {Step * GemmLayout.Block});");
        }
        else
        {
            w.Open($"for (int k = 0; k < {inC}; k++)");
            w.Line($"{v}<float> {string.Join(", ", Enumerable.Range(0, cols).Select(j => $"w{j} = {v}.LoadUnsafe(ref wk{Offset(Column(j))})"))};");
            // Each pixel's broadcast and the products it feeds on one line.
            for (int r = 0; r < rows; r++)
                w.Line($"{v}<float> x{r} = {v}.Create({(r == 0 ? "a" : $"Unsafe.Add(ref a, {r * inC})")}); " +
                    string.Join(" ", Enumerable.Range(0, cols).Select(j => pass.Width.Fma($"x{r}", $"w{j}", Acc(r, j)))));
            w.Line("a = ref Unsafe.Add(ref a, 1);");
            w.Line($"wk = ref Unsafe.Add(ref wk, {GemmLayout.Block});");
        }
        w.Close();
        string pixel = Plus($"p * {outC}", co);
        w.Line($"ref float o = ref Unsafe.Add(ref {o.Output}, {pixel});");
        if (o.Residual is not null)
            w.Line($"ref float r = ref Unsafe.Add(ref {o.Residual}, {pixel});");
        // Each pixel's columns on one line.
        for (int r = 0; r < rows; r++)
            w.Line(string.Join(" ", Enumerable.Range(0, cols).Select(j =>
            {
                int at = r * outC + j * width.Lanes;
                bool half = pass.Kind == GemmPassKind.HalfLastColumn && j == cols - 1;
                string store = half ? "Vector256" : v, acc = half ? $"{Acc(r, j)}.GetLower()" : Acc(r, j);
                string value = o.Residual is null ? acc : $"{acc} + {store}.LoadUnsafe(ref r{Offset(at)})";
                // A tail's clamp bounds are its own vectors; a half column's, 256-bit ones.
                string bounds = half || pass.Kind == GemmPassKind.Tail ? prefix : o.Prefix;
                return $"{store}.StoreUnsafe({Apply(o.Clamp, value, bounds)}, ref o{Offset(at)});";
            })));
    }
}
