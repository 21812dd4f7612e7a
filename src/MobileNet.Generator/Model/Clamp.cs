namespace MobileNet.Generator.Model;

/// <summary>The clamp applied to an output, which is how activations run: (−∞, ∞) for none, (0, ∞) for ReLU, (0, 6) for ReLU6.</summary>
internal readonly record struct Clamp(float Min, float Max)
{
    public bool HasMin => !float.IsNegativeInfinity(Min);
    public bool HasMax => !float.IsPositiveInfinity(Max);

    /// <summary>The activation the clamp is: "ReLU6", "ReLU", "" for none, null for other bounds. Docs and kernel names both spell it from here.</summary>
    public string? Activation => (Min, Max) switch
    {
        (0, 6) => "ReLU6",
        (0, float.PositiveInfinity) => "ReLU",
        (float.NegativeInfinity, float.PositiveInfinity) => "",
        _ => null,
    };
}
