using System;

namespace MobileNet;

/// <summary>Turns 8-bit pixels into a network input: optional central crop, bilinear resize, channel conversion and normalisation.</summary>
public static class ImagePreprocessor
{
    // ITU-R BT.601 luma, the weights TensorFlow's rgb_to_grayscale uses.
    private const float LumaR = 0.2989f, LumaG = 0.5870f, LumaB = 0.1140f;

    /// <summary>
    /// Resizes interleaved 8-bit pixels (<paramref name="channels"/> = 1 grey, 3 RGB or 4 RGBA per
    /// pixel, row-major) to <paramref name="size"/>×<paramref name="size"/> with bilinear filtering
    /// (pixel centres aligned, as TensorFlow's <c>align_corners=False</c> and PIL), converts to
    /// <paramref name="inputChannels"/> (1 or 3; grey is replicated, colour becomes luma) and writes
    /// <c>(p − mean) · scale</c> in NHWC order. With <paramref name="centralFraction"/> below 1 it first
    /// keeps the central part of the image, as TF-slim's evaluation does (0.875, aspect not preserved).
    /// Allocates nothing.
    /// </summary>
    /// <exception cref="ArgumentException">A size is not positive or a span's length does not fit.</exception>
    public static void Resize(ReadOnlySpan<byte> pixels, int width, int height, int channels, Span<float> input, int size, int inputChannels,
        PixelNormalization normalization, float centralFraction = 1f) =>
        Resize(pixels, width, height, channels, new FloatSink(input), input.Length, size, inputChannels, normalization, centralFraction);

    /// <summary>
    /// As <see cref="Resize(ReadOnlySpan{byte}, int, int, int, Span{float}, int, int, PixelNormalization, float)"/>, then
    /// quantises each value to uint8 as a quantised network's input is: <c>zeroPoint + round(value ÷ scale)</c>, ties to
    /// even, clamped to 0…255. For Coral's models (scale 1/128, zero point 128, normalisation (p − 128) / 128) that is
    /// the resized pixel itself.
    /// </summary>
    public static void Resize(ReadOnlySpan<byte> pixels, int width, int height, int channels, Span<byte> input, int size, int inputChannels,
        PixelNormalization normalization, float scale, int zeroPoint, float centralFraction = 1f) =>
        Resize(pixels, width, height, channels, new ByteSink(input, scale, zeroPoint), input.Length, size, inputChannels, normalization, centralFraction);

    /// <summary>
    /// As the uint8 form, for an int8 input, clamped to −128…127: for TFLite Micro's person detector (scale 2/255, zero
    /// point −1, normalisation (p − 127) × 2/255) the resized pixel − 128.
    /// </summary>
    public static void Resize(ReadOnlySpan<byte> pixels, int width, int height, int channels, Span<sbyte> input, int size, int inputChannels,
        PixelNormalization normalization, float scale, int zeroPoint, float centralFraction = 1f) =>
        Resize(pixels, width, height, channels, new SbyteSink(input, scale, zeroPoint), input.Length, size, inputChannels, normalization, centralFraction);

    /// <summary>Where the resized values go: floats, or 8-bit values quantised on the way.</summary>
    private interface ISink
    {
        void Set(int index, float value);
    }

    private readonly ref struct FloatSink(Span<float> values) : ISink
    {
        private readonly Span<float> _values = values;
        public void Set(int index, float value) => _values[index] = value;
    }

    private readonly ref struct ByteSink(Span<byte> values, float scale, int zeroPoint) : ISink
    {
        private readonly Span<byte> _values = values;
        public void Set(int index, float value) => _values[index] = (byte)Math.Clamp(MathF.Round(value / scale) + zeroPoint, byte.MinValue, byte.MaxValue);
    }

    private readonly ref struct SbyteSink(Span<sbyte> values, float scale, int zeroPoint) : ISink
    {
        private readonly Span<sbyte> _values = values;
        public void Set(int index, float value) => _values[index] = (sbyte)Math.Clamp(MathF.Round(value / scale) + zeroPoint, sbyte.MinValue, sbyte.MaxValue);
    }

    private static void Resize<TSink>(ReadOnlySpan<byte> pixels, int width, int height, int channels, TSink input, int inputLength, int size, int inputChannels,
        PixelNormalization normalization, float centralFraction) where TSink : ISink, allows ref struct
    {
        if (width <= 0 || height <= 0 || size <= 0 || channels is not (1 or 3 or 4) || inputChannels is not (1 or 3))
            throw new ArgumentException($"Cannot resize {width}×{height}×{channels} to {size}×{size}×{inputChannels}: sizes must be positive, with 1, 3 or 4 channels in and 1 or 3 out.");
        if (!(centralFraction > 0 && centralFraction <= 1))
            throw new ArgumentOutOfRangeException(nameof(centralFraction), centralFraction, "The central fraction must be in (0, 1].");
        NetworkGuard.ExactLength(pixels.Length, width * height * channels, nameof(pixels));
        NetworkGuard.ExactLength(inputLength, size * size * inputChannels, nameof(input));

        // TF's central_crop: the same fraction off both axes, the offset rounded down.
        int top = (int)((height - height * centralFraction) / 2), left = (int)((width - width * centralFraction) / 2);
        int cropH = height - 2 * top, cropW = width - 2 * left;
        float sy = (float)cropH / size, sx = (float)cropW / size;
        Span<float> pixel = stackalloc float[3];
        for (int y = 0; y < size; y++)
        {
            float fy = Math.Clamp((y + 0.5f) * sy - 0.5f, 0, cropH - 1);
            int y0 = (int)fy, y1 = Math.Min(y0 + 1, cropH - 1);
            float wy = fy - y0;
            for (int x = 0; x < size; x++)
            {
                float fx = Math.Clamp((x + 0.5f) * sx - 0.5f, 0, cropW - 1);
                int x0 = (int)fx, x1 = Math.Min(x0 + 1, cropW - 1);
                float wx = fx - x0;
                int a = ((top + y0) * width + left + x0) * channels, b = ((top + y0) * width + left + x1) * channels;
                int c = ((top + y1) * width + left + x0) * channels, d = ((top + y1) * width + left + x1) * channels;
                for (int k = 0; k < Math.Min(channels, 3); k++)
                {
                    float upper = pixels[a + k] + (pixels[b + k] - pixels[a + k]) * wx;
                    float lower = pixels[c + k] + (pixels[d + k] - pixels[c + k]) * wx;
                    pixel[k] = upper + (lower - upper) * wy;
                }

                int o = (y * size + x) * inputChannels;
                if (inputChannels == 1)
                {
                    float grey = channels == 1 ? pixel[0] : LumaR * pixel[0] + LumaG * pixel[1] + LumaB * pixel[2];
                    input.Set(o, (grey - normalization.Mean(0)) * normalization.Scale(0));
                }
                else
                {
                    for (int k = 0; k < 3; k++)
                        input.Set(o + k, (pixel[channels == 1 ? 0 : k] - normalization.Mean(k)) * normalization.Scale(k));
                }
            }
        }
    }
}
