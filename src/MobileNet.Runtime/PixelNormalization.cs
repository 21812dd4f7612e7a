using System;

namespace MobileNet;

/// <summary>The normalisation a MobileNet's weights were trained with, chosen in <see cref="MobileNetAttribute.Normalization"/>.</summary>
public enum InputNormalization
{
    /// <summary>What the weights file states (a quantised TFLite input does); otherwise <see cref="TensorFlow"/>.</summary>
    Auto = 0,
    /// <summary>TF-slim, Keras and TFLite float models: pixels scaled to [−1, 1], p / 127.5 − 1.</summary>
    TensorFlow = 1,
    /// <summary>torchvision and timm ImageNet weights: (p / 255 − mean) / std with mean (0.485, 0.456, 0.406), std (0.229, 0.224, 0.225).</summary>
    Torchvision = 2,
}

/// <summary>A per-channel affine map from 8-bit pixels to network input: value = (pixel − mean) · scale.</summary>
public readonly struct PixelNormalization : IEquatable<PixelNormalization>
{
    private readonly float _mean0, _mean1, _mean2, _scale0, _scale1, _scale2;

    /// <summary>The same mean and scale for every channel.</summary>
    public PixelNormalization(float mean, float scale) : this(mean, mean, mean, scale, scale, scale) { }

    /// <summary>Per-channel means and scales, in R, G, B order (a greyscale input uses the first).</summary>
    public PixelNormalization(float meanR, float meanG, float meanB, float scaleR, float scaleG, float scaleB) =>
        (_mean0, _mean1, _mean2, _scale0, _scale1, _scale2) = (meanR, meanG, meanB, scaleR, scaleG, scaleB);

    /// <summary>[−1, 1]: (p − 127.5) / 127.5.</summary>
    public static PixelNormalization TensorFlow => new(127.5f, 1f / 127.5f);

    /// <summary>ImageNet mean and standard deviation, on 0–255 pixels.</summary>
    public static PixelNormalization Torchvision => new(0.485f * 255, 0.456f * 255, 0.406f * 255, 1 / (0.229f * 255), 1 / (0.224f * 255), 1 / (0.225f * 255));

    /// <summary>The mean subtracted from channel <paramref name="channel"/> (0, 1 or 2).</summary>
    public float Mean(int channel) => channel switch { 0 => _mean0, 1 => _mean1, _ => _mean2 };

    /// <summary>The factor applied to channel <paramref name="channel"/> after the mean is subtracted.</summary>
    public float Scale(int channel) => channel switch { 0 => _scale0, 1 => _scale1, _ => _scale2 };

    /// <inheritdoc/>
    public bool Equals(PixelNormalization other) =>
        (_mean0, _mean1, _mean2, _scale0, _scale1, _scale2) == (other._mean0, other._mean1, other._mean2, other._scale0, other._scale1, other._scale2);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is PixelNormalization other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(_mean0, _mean1, _mean2, _scale0, _scale1, _scale2);

    /// <inheritdoc/>
    public override string ToString() => $"(p − [{_mean0}, {_mean1}, {_mean2}]) · [{_scale0}, {_scale1}, {_scale2}]";
}
