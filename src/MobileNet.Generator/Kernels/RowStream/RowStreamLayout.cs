namespace MobileNet.Generator.Kernels.RowStream;

/// <summary>
/// The scratch of a row-streamed layer (a V2 bottleneck, a fused V1 depthwise + pointwise), in floats:
/// <see cref="RingRows"/> slots of expanded input rows (none without an expansion), one slot of zeros for
/// the padding above and below the image, then the <see cref="DepthwiseRows"/> depthwise output rows the
/// projection reads. A slot holds one row of <see cref="Row"/> floats in whole cache lines. The planner
/// sizes the scratch from here and the kernel places its buffers from here.
/// </summary>
internal sealed record RowStreamLayout(int Row, int Slot, int RingRows, int DepthwiseRows, int DepthwiseRowLength)
{
    /// <param name="row">Floats of one expanded (or, without an expansion, input) row.</param>
    /// <param name="expands">Whether the layer expands its input rows first (a V2 bottleneck with t &gt; 1).</param>
    /// <param name="outH">Output rows of the depthwise filter; it makes two at a time where there are two.</param>
    /// <param name="depthwiseRowLength">Floats of one depthwise output row.</param>
    public static RowStreamLayout For(int row, bool expands, int outH, int stride, int depthwiseRowLength, int alignment)
    {
        int rows = Depthwise.DepthwiseSchedule.RowsAtOnce(outH);
        int ring = expands ? Window.InputRows(rows, stride) : 0;
        return new RowStreamLayout(row, (row + alignment - 1) / alignment * alignment, ring, rows, depthwiseRowLength);
    }

    public bool Expands => RingRows > 0;

    /// <summary>Where the row of zeros starts: after the ring.</summary>
    public int ZeroAt => RingRows * Slot;

    /// <summary>Where the depthwise output rows start: after the row of zeros.</summary>
    public int DepthwiseAt => ZeroAt + Slot;

    public int Length => DepthwiseAt + DepthwiseRows * DepthwiseRowLength;
}
