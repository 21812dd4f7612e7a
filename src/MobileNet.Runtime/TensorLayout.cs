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
