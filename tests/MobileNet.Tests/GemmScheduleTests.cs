using System.Linq;
using MobileNet.Generator.Kernels;
using MobileNet.Generator.Kernels.Gemm;
using Xunit;

namespace MobileNet.Tests;

/// <summary>The GEMM family's schedule choices, checked as data: no generated text is read.</summary>
public sealed class GemmScheduleTests
{
    private static GemmBranch Branch(int pixels, int outStride, VectorWidth width, int inStride = 64) =>
        GemmSchedule.Choose(pixels, new GemmLayout(inStride, inStride, outStride, outStride), [width]).Branches.Single();

    [Fact]
    public void TwentyFourChannelsAt512BitsJoinTheHalfColumn()
    {
        GemmPass pass = Assert.Single(Branch(64, 24, VectorWidth.W512).Passes);
        Assert.Equal((GemmPassKind.HalfLastColumn, 2, 1, 2), (pass.Kind, pass.Blocks, pass.Repeat, pass.Columns));

        // At 256 bits the same 8 channels are a tail of their own.
        GemmPass[] passes = Branch(64, 24, VectorWidth.W256).Passes.ToArray();
        Assert.Equal([GemmPassKind.Blocks, GemmPassKind.Tail], passes.Select(p => p.Kind));
        Assert.Equal(("Vector256", 1), (passes[1].Width.Vector, passes[1].Columns));
    }

    [Fact]
    public void ASingleBlockLeftOverJoinsThePassBeforeIt()
    {
        // 64 channels at 512 bits: 4 columns × 6 pixels rather than 3 × 8 and then 1 × 24.
        GemmPass pass = Assert.Single(Branch(56 * 56, 64, VectorWidth.W512).Passes);
        Assert.Equal((4, 4, 6), (pass.Blocks, pass.Columns, pass.TileRows));
    }

    [Fact]
    public void TilesAreAsEvenAsTheirCountAllows()
    {
        // 49 pixels of 8-pixel tiles go 7 × 7, not 6 × 8 + 1.
        Assert.Equal(7, Assert.Single(Branch(49, 48, VectorWidth.W512).Passes).TileRows);
        Assert.Equal(8, Assert.Single(Branch(64, 48, VectorWidth.W512).Passes).TileRows);
    }

    [Fact]
    public void TheClassifierTakesFourBlocksAtATimeAndATail()
    {
        // 1001 classes, held 1004 apart: 62 blocks, 15 passes of 4, one of 2, and 12 channels as 3 × 128 bits.
        GemmPass[] passes = Branch(1, 1004, VectorWidth.Classifier[0], 1024).Passes.ToArray();
        Assert.Equal((GemmPassKind.Blocks, 4, 15), (passes[0].Kind, passes[0].Blocks, passes[0].Repeat));
        Assert.Equal((GemmPassKind.Blocks, 2, 1), (passes[1].Kind, passes[1].Blocks, passes[1].Repeat));
        Assert.Equal((GemmPassKind.Tail, "Vector128", 3, 1), (passes[2].Kind, passes[2].Width.Vector, passes[2].Columns, passes[2].TileRows));
    }

    [Fact]
    public void ThePackerPutsEachBlocksBiasesBeforeItsWeights()
    {
        // 20 outputs from 3 inputs read 4 apart: two blocks of 16 × (1 + 4) floats.
        var layout = new GemmLayout(3, 4, 20, 20);
        float[] weights = Enumerable.Range(0, 60).Select(i => (float)i).ToArray(), bias = Enumerable.Range(0, 20).Select(i => 1000f + i).ToArray();
        float[] packed = layout.Pack(weights, bias);
        Assert.Equal(2 * layout.BlockLength, packed.Length);
        Assert.Equal(80, layout.BlockLength);
        Assert.Equal(1017f, packed[layout.BlockLength + 1]); // output 17's bias: block 1, lane 1
        Assert.Equal(17 * 3 + 2, packed[layout.BlockLength + GemmLayout.Block * (1 + 2) + 1]); // its weight for input 2
        Assert.Equal(0f, packed[GemmLayout.Block * (1 + 3)]); // input 3 is padding
    }
}
