using System;

namespace MobileNet;

/// <summary>The numerically stable softmax used by networks whose file ends in a Softmax node.</summary>
public static class Softmax
{
    /// <summary>Writes softmax(<paramref name="logits"/>) into <paramref name="probabilities"/>; the spans may be the same memory.</summary>
    public static void Compute(ReadOnlySpan<float> logits, Span<float> probabilities)
    {
        NetworkGuard.ExactLength(probabilities.Length, logits.Length, nameof(probabilities));
        float max = float.NegativeInfinity;
        foreach (float v in logits)
            max = MathF.Max(max, v);
        float sum = 0;
        for (int i = 0; i < logits.Length; i++)
        {
            float e = MathF.Exp(logits[i] - max);
            probabilities[i] = e;
            sum += e;
        }
        float scale = 1 / sum;
        for (int i = 0; i < probabilities.Length; i++)
            probabilities[i] *= scale;
    }
}
