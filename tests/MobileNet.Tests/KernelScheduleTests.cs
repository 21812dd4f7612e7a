using System.Linq;
using MobileNet.Generator.Kernels;
using MobileNet.Generator.Kernels.Depthwise;
using MobileNet.Generator.Kernels.Gemm;
using MobileNet.Generator.Kernels.Stem;
using Xunit;

namespace MobileNet.Tests;

/// <summary>Each kernel family's schedule choices and packing, checked as data: no generated text is read.</summary>
public sealed class KernelScheduleTests
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
    public void The128BitBranchMultipliesByLaneWhereTheInputComesInWholeVectors()
    {
        // NEON's branch: four input channels a step, each lane the multiplier of one channel's FMAs, tail included.
        GemmPass[] neon = Branch(64, 24, VectorWidth.W128).Passes.ToArray();
        Assert.Equal([GemmInput.Lanes, GemmInput.Lanes], neon.Select(p => p.Input));
        Assert.Equal("4×16 by lane", GemmSchedule.Choose(64, new GemmLayout(64, 64, 24, 24), [VectorWidth.W128]).Tiles);
        // Wider branches broadcast, their 128-bit tails too; so does an input whose channels are not whole vectors.
        Assert.All(Branch(64, 1004, VectorWidth.W512).Passes, p => Assert.Equal(GemmInput.Broadcast, p.Input));
        Assert.Equal(GemmInput.Broadcast, Branch(1, 1004, VectorWidth.Classifier[0], 1024).Passes[^1].Input);
        Assert.Equal(GemmInput.Broadcast, Assert.Single(Branch(64, 16, VectorWidth.W128, inStride: 3).Passes).Input);
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

    [Theory]
    [InlineData(56, 128, true)]  // V1 1.0-224's 56×56×128: three rows are 84 KiB
    [InlineData(20, 128, false)] // V1 0.5-160's 20×20×128: 30 KiB fit in L1
    public void DepthwiseLoopsOverPixelsOutsideOnceThreeRowsOutgrowL1(int width, int channels, bool pixelsOutside) =>
        Assert.Equal(pixelsOutside, DepthwiseSchedule.Choose(new DepthwiseLayout(channels, channels), 2, width, width, 1, 1, VectorWidth.All).PixelsOutside);

    [Fact]
    public void DepthwiseChunksLoopBetweenTheBorders()
    {
        DepthwiseSchedule s = DepthwiseSchedule.Choose(new DepthwiseLayout(128, 128), 2, 56, 56, 1, 1, VectorWidth.All);
        Assert.Equal((1, 55), (s.First, s.End));
        // 512 bits, two rows: each border column alone, the 54 inside in a loop of 7 tiles of 8, the last moved back by 2.
        Assert.Equal([new DepthwiseChunk(0, 1, 1), new DepthwiseChunk(1, 55, 8), new DepthwiseChunk(55, 56, 1)], s.Branches[0].Chunks);
        Assert.Equal((7, 2), (s.Branches[0].Chunks[1].Repeat, s.Branches[0].Chunks[1].Overlap));
        // AVX2's 16 registers leave room for 2 pixels of two rows beside the bias, nine taps and the input: 27 tiles, none redone.
        Assert.Equal((2, 27, 0), (s.Branches[1].Chunks[1].Pixels, s.Branches[1].Chunks[1].Repeat, s.Branches[1].Chunks[1].Overlap));
        // 28 columns, 26 inside: even tiles of 7 rather than 8, 8, 8 and 2.
        Assert.Equal(new DepthwiseChunk(1, 27, 7), DepthwiseSchedule.Choose(new DepthwiseLayout(128, 128), 2, 28, 28, 1, 1, VectorWidth.All).Branches[0].Chunks[1]);
        Assert.Equal([VectorWidth.W512], s.Branches[0].Parts);
        // 24 channels: 16 at a time, then 8 as two 128-bit vectors.
        Assert.Equal([VectorWidth.W512, VectorWidth.W128], DepthwiseSchedule.Choose(new DepthwiseLayout(24, 24), 1, 8, 8, 1, 1, VectorWidth.All).Branches[0].Parts);
    }

    [Fact]
    public void DepthwisePackingKeepsAVectorsBiasAndTapsTogether()
    {
        var layout = new DepthwiseLayout(20, 20);
        float[] packed = layout.Pack(Enumerable.Range(0, 180).Select(i => (float)i).ToArray(), Enumerable.Range(0, 20).Select(i => 1000f + i).ToArray());
        Assert.Equal(2 * DepthwiseLayout.GroupLength, packed.Length);
        Assert.Equal(1017f, packed[DepthwiseLayout.GroupLength + 1]); // channel 17's bias
        Assert.Equal(17 * 9 + 4, packed[DepthwiseLayout.GroupLength + DepthwiseLayout.Group * (1 + 4) + 1]); // its centre tap
    }

    [Theory]
    [InlineData(32, "Vector512", 2, 8, 3)] // α = 1: two 512-bit columns, 8 pixels
    [InlineData(8, "Vector256", 1, 8, 2)]  // α = 0.25: 8 channels do not fill a 512-bit vector, so the 512-bit branch would repeat the 256-bit one
    public void TheStemTakesTheWidestVectorThatDividesItsChannels(int channels, string vector, int columns, int rows, int branches)
    {
        StemSchedule s = StemSchedule.Choose(new StemLayout(3, channels, channels, 3, 3), 224, 224, 112, 112, 2, 0, 0, VectorWidth.All);
        Assert.Equal((vector, columns, rows), (s.Branches[0].Width.Vector, s.Branches[0].Columns, s.Branches[0].TileRows));
        Assert.Equal(branches, s.Branches.Count);
        Assert.Equal((0, 111), (s.First, s.End)); // TF's SAME at stride 2: the last column's window hangs over the right edge
    }

    [Fact]
    public void StemPackingPutsOneRowOfOutputsPerTap()
    {
        var layout = new StemLayout(3, 5, 8, 3, 3);
        float[] weights = Enumerable.Range(0, 5 * 27).Select(i => (float)i).ToArray();
        float[] packed = layout.Pack(weights, [1, 2, 3, 4, 5]);
        Assert.Equal(8 * (1 + 27), packed.Length);
        Assert.Equal(5f, packed[4]); // output 4's bias
        // Output 4's weight for input channel 2 at kernel row 1, column 2: the row's start, then tap (2, 2).
        Assert.Equal(((4 * 3 + 2) * 3 + 1) * 3 + 2, packed[layout.RowAt(1) + (2 * 3 + 2) * 8 + 4]);
    }
}
