namespace MobileNet;

/// <summary>How a generated network computes: set on <see cref="MobileNetAttribute.Arithmetic"/>.</summary>
public enum MobileNetArithmetic
{
    /// <summary>Float32 until the integer kernels are as fast as the float ones; then the integers for a quantised TFLite file.</summary>
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
