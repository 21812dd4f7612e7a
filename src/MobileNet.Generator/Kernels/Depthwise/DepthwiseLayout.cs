namespace MobileNet.Generator.Kernels.Depthwise;

/// <summary>
/// How a 3×3 depthwise convolution's weights are packed: per group of <see cref="Group"/> channels, their
/// biases, then their weights for each of the nine taps: <c>[groups][1 + 9][16]</c>. A vector's bias and
/// taps are then 640 contiguous bytes; with one row of channels per tap they were a channel stride apart,
/// which for 512 channels (2 KiB) put them all in two sets of the L1 cache, beside the input pixels at the
/// same stride. The packer and the kernel take every offset from here.
/// </summary>
/// <param name="Stride">The channels the kernel reads and writes per pixel: the layer's, rounded up to whole 128-bit vectors.</param>
internal sealed record DepthwiseLayout(int Channels, int Stride)
{
    /// <summary>Channels per group: the widest vector's, so that no vector spans two groups.</summary>
    public const int Group = 16;

    public const int Taps = 9;

    /// <summary>Floats per group: its biases, then its weights for each tap.</summary>
    public const int GroupLength = Group * (1 + Taps);

    /// <summary>Packs weights stored <c>[Channels][3][3]</c> and one bias per channel.</summary>
    public float[] Pack(float[] weights, float[] bias)
    {
        var packed = new float[(Stride + Group - 1) / Group * GroupLength];
        for (int c = 0; c < Channels; c++)
        {
            int at = c / Group * GroupLength + c % Group;
            packed[at] = bias[c];
            for (int t = 0; t < Taps; t++)
                packed[at + Group * (1 + t)] = weights[c * Taps + t];
        }
        return packed;
    }
}
