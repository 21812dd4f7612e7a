using System;

namespace MobileNet;

/// <summary>Turns 8-bit pixels into a network input: bilinear resize to the network's size and a per-pixel affine normalisation.</summary>
public static class ImagePreprocessor
{
    /// <summary>
    /// Resizes interleaved 8-bit pixels (<paramref name="channels"/> per pixel, row-major) to
    /// <paramref name="size"/>×<paramref name="size"/> with bilinear filtering (pixel centres aligned, as
    /// TensorFlow's <c>align_corners=False</c> and PIL do) and writes <c>(p − mean) · scale</c> in NHWC
    /// order. The defaults give TF-family MobileNets their [−1, 1] range: (p − 128) / 128. Allocates nothing.
    /// </summary>
    /// <exception cref="ArgumentException">A span's length does not fit the sizes given.</exception>
    public static void ResizeBilinear(ReadOnlySpan<byte> pixels, int width, int height, int channels, Span<float> nhwc, int size,
        float mean = 128f, float scale = 1f / 128f)
    {
        if (width <= 0 || height <= 0 || channels <= 0 || size <= 0)
            throw new ArgumentException($"Sizes must be positive: {width}×{height}×{channels} → {size}×{size}.");
        NetworkGuard.ExactLength(pixels.Length, width * height * channels, nameof(pixels));
        NetworkGuard.ExactLength(nhwc.Length, size * size * channels, nameof(nhwc));

        float sx = (float)width / size, sy = (float)height / size;
        for (int y = 0; y < size; y++)
        {
            float fy = Math.Clamp((y + 0.5f) * sy - 0.5f, 0, height - 1);
            int y0 = (int)fy, y1 = Math.Min(y0 + 1, height - 1);
            float wy = fy - y0;
            for (int x = 0; x < size; x++)
            {
                float fx = Math.Clamp((x + 0.5f) * sx - 0.5f, 0, width - 1);
                int x0 = (int)fx, x1 = Math.Min(x0 + 1, width - 1);
                float wx = fx - x0;
                int a = (y0 * width + x0) * channels, b = (y0 * width + x1) * channels;
                int c = (y1 * width + x0) * channels, d = (y1 * width + x1) * channels;
                int o = (y * size + x) * channels;
                for (int k = 0; k < channels; k++)
                {
                    float top = pixels[a + k] + (pixels[b + k] - pixels[a + k]) * wx;
                    float bottom = pixels[c + k] + (pixels[d + k] - pixels[c + k]) * wx;
                    nhwc[o + k] = (top + (bottom - top) * wy - mean) * scale;
                }
            }
        }
    }
}
