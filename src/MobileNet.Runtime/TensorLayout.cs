using System;

namespace MobileNet;

/// <summary>Converts images between the two tensor layouts in use: NCHW (PyTorch, ONNX) and NHWC (TensorFlow, TFLite, and the generated networks).</summary>
public static class TensorLayout
{
    /// <summary>Copies a planar <c>[channels, height, width]</c> tensor into the interleaved <c>[height, width, channels]</c> layout that the generated <c>Run</c> methods take.</summary>
    /// <exception cref="ArgumentException">A span's length is not <paramref name="channels"/>·<paramref name="height"/>·<paramref name="width"/>.</exception>
    public static void NchwToNhwc(ReadOnlySpan<float> nchw, Span<float> nhwc, int channels, int height, int width)
    {
        int plane = CheckLengths(nchw.Length, nhwc.Length, channels, height, width);
        for (int c = 0; c < channels; c++)
        {
            ReadOnlySpan<float> src = nchw.Slice(c * plane, plane);
            for (int i = 0; i < plane; i++)
                nhwc[i * channels + c] = src[i];
        }
    }

    /// <summary>Copies an interleaved <c>[height, width, channels]</c> tensor into the planar <c>[channels, height, width]</c> layout.</summary>
    /// <exception cref="ArgumentException">A span's length is not <paramref name="channels"/>·<paramref name="height"/>·<paramref name="width"/>.</exception>
    public static void NhwcToNchw(ReadOnlySpan<float> nhwc, Span<float> nchw, int channels, int height, int width)
    {
        int plane = CheckLengths(nhwc.Length, nchw.Length, channels, height, width);
        for (int c = 0; c < channels; c++)
        {
            Span<float> dst = nchw.Slice(c * plane, plane);
            for (int i = 0; i < plane; i++)
                dst[i] = nhwc[i * channels + c];
        }
    }

    /// <summary>
    /// Copies the first <paramref name="channels"/> values of each pixel of <paramref name="source"/>, whose
    /// pixels are <paramref name="sourceStride"/> floats apart, into the dense NHWC <paramref name="destination"/>:
    /// how the generated networks hand out a feature map they hold with channels padded to whole vectors.
    /// </summary>
    /// <exception cref="ArgumentException">The lengths do not describe the same number of pixels.</exception>
    public static void CopyChannels(ReadOnlySpan<float> source, int sourceStride, Span<float> destination, int channels)
    {
        if (channels <= 0 || sourceStride < channels || destination.Length % channels != 0 || source.Length != destination.Length / channels * sourceStride)
            throw new ArgumentException($"{source.Length} values with {sourceStride} per pixel do not fit {destination.Length} values with {channels} per pixel.", nameof(destination));
        if (sourceStride == channels)
        {
            source.CopyTo(destination);
            return;
        }
        for (int p = 0, pixels = destination.Length / channels; p < pixels; p++)
            source.Slice(p * sourceStride, channels).CopyTo(destination.Slice(p * channels, channels));
    }

    private static int CheckLengths(int sourceLength, int destinationLength, int channels, int height, int width)
    {
        int plane = height * width;
        int length = channels * plane;
        if (sourceLength != length)
            throw new ArgumentException($"The source tensor has {sourceLength} elements; {channels}×{height}×{width} needs {length}.", "source");
        if (destinationLength != length)
            throw new ArgumentException($"The destination tensor has {destinationLength} elements; {channels}×{height}×{width} needs {length}.", "destination");
        return plane;
    }
}
