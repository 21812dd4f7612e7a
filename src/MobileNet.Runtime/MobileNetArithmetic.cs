namespace MobileNet;

/// <summary>How a generated network computes: set on <see cref="MobileNetAttribute.Arithmetic"/>.</summary>
public enum MobileNetArithmetic
{
    /// <summary>
    /// <see cref="Integer"/> for a quantised TFLite file (what its author measured accuracy with) where the integer
    /// kernels take it; <see cref="Float"/> for any other file, and for outputs the integer networks do not have yet
    /// (several feature maps, a bottleneck's expansion).
    /// </summary>
    Auto = 0,

    /// <summary>Float32 on the file's weights, dequantised at build time when the file is quantised.</summary>
    Float = 1,

    /// <summary>
    /// 8-bit integers, as TFLite runs a quantised file: 8-bit weights and activations, 32-bit sums, each layer's
    /// output requantised with the file's scales and zero points. The outputs are LiteRT's, bit for bit. Only
    /// for quantised TFLite files; the build says what stops any other file from running this way.
    /// </summary>
    Integer = 2,
}
