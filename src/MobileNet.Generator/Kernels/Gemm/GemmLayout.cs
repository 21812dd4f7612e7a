namespace MobileNet.Generator.Kernels.Gemm;

/// <summary>
/// How the weights of a 1×1 convolution or the classifier are packed (XNNPACK's gemm packing): per block
/// of <see cref="Block"/> output channels, the block's biases, then its <see cref="Block"/> weights for each
/// of the <see cref="InStride"/> input channels the kernel reads; channels the layer lacks are zero. The
/// packer and the kernel take every offset from here.
/// </summary>
/// <param name="OutStride">The output channels the kernel computes: the layer's, rounded up to whole 128-bit vectors.</param>
internal sealed record GemmLayout(int InChannels, int InStride, int OutChannels, int OutStride)
{
    public const int Block = 16;

    /// <summary>Floats per block: its biases, then its weights for each input channel.</summary>
    public int BlockLength => Block * (1 + InStride);

    public int Blocks => (OutStride + Block - 1) / Block;

    /// <summary>Packs weights stored <c>[OutChannels][InChannels]</c> and one bias per output channel.</summary>
    public float[] Pack(float[] weights, float[] bias)
    {
        var packed = new float[Blocks * BlockLength];
        for (int o = 0; o < OutChannels; o++)
        {
            int at = o / Block * BlockLength, lane = o % Block;
            packed[at + lane] = bias[o];
            for (int i = 0; i < InChannels; i++)
                packed[at + Block * (1 + i) + lane] = weights[o * InChannels + i];
        }
        return packed;
    }
}
