namespace MobileNet.Generator.Model;

/// <summary>The clamp applied to an output, which is how activations run: (−∞, ∞) for none, (0, ∞) for ReLU, (0, 6) for ReLU6.</summary>
internal readonly record struct Clamp(float Min, float Max)
{
    public bool HasMin => !float.IsNegativeInfinity(Min);
    public bool HasMax => !float.IsPositiveInfinity(Max);
}
