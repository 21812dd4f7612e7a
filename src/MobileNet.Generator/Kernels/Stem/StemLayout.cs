using System;

namespace MobileNet.Generator.Kernels.Stem;

/// <summary>
/// How the stem's weights are packed: the biases, then for each tap (kernel row, kernel column, input
/// channel) one row of the <see cref="OutStride"/> output channels: <c>[OutStride] + [KernelH][KernelW][InChannels][OutStride]</c>.
/// A tap's weights for all outputs are then one contiguous vector row, which the kernel multiplies by a
/// broadcast input value. The packer and the kernel take every offset from here.
/// </summary>
internal sealed record StemLayout(int InChannels, int OutChannels, int OutStride, int KernelH, int KernelW)
{
    /// <summary>Floats from the start to the weights of kernel row <paramref name="ky"/> (its first tap): the biases, then the rows before it.</summary>
    public int RowAt(int ky) => OutStride * (1 + ky * KernelW * InChannels);

    /// <summary>Packs weights stored <c>[OutChannels][InChannels][KernelH][KernelW]</c> and one bias per output channel.</summary>
    public float[] Pack(float[] weights, float[] bias)
    {
        var packed = new float[RowAt(KernelH)];
        Array.Copy(bias, packed, OutChannels);
        for (int o = 0; o < OutChannels; o++)
            for (int c = 0; c < InChannels; c++)
                for (int y = 0; y < KernelH; y++)
                    for (int x = 0; x < KernelW; x++)
                        packed[RowAt(y) + (x * InChannels + c) * OutStride + o] = weights[((o * InChannels + c) * KernelH + y) * KernelW + x];
        return packed;
    }
}
