using System;

namespace MobileNet.Generator.Lowering;

/// <summary>An 8-bit tensor as the file quantised it: uint8 or int8, real = <see cref="Scale"/> · (q − <see cref="ZeroPoint"/>).</summary>
internal readonly record struct QuantizedTensor(bool Signed, float Scale, int ZeroPoint)
{
    public int Min => Signed ? sbyte.MinValue : byte.MinValue;
    public int Max => Signed ? sbyte.MaxValue : byte.MaxValue;

    /// <summary>"uint8" or "int8".</summary>
    public string TypeName => Signed ? "int8" : "uint8";

    public override string ToString() => FormattableString.Invariant($"{TypeName} (scale {Scale}, zero point {ZeroPoint})");
}

/// <summary>
/// An operation's integer form, as the file states it: the quantisation of its input (and of a residual
/// ADD's other input) and output, and for a convolution or the classifier the 8-bit weights as stored, in
/// the float weights' layout (OIHW, or <c>[K][C]</c>), their zero point (uint8 files: one per tensor; int8
/// files: 0) and scales (one, or one per output channel), and the int32 biases on the scale
/// input scale × weight scale.
/// </summary>
internal sealed class QuantizedOp
{
    public QuantizedTensor Input { get; init; }
    public QuantizedTensor Output { get; init; }
    /// <summary>For <see cref="OpKind.Add"/>: the skip connection's quantisation.</summary>
    public QuantizedTensor? Skip { get; init; }

    public int[] Weights { get; init; } = [];
    public bool WeightsSigned { get; init; }
    public int WeightZeroPoint { get; init; }
    public float[] WeightScales { get; init; } = [];
    public int[] Bias { get; init; } = [];
}
