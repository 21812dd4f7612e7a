using System;
using Xunit;

namespace MobileNet.Tests;

public sealed class PreprocessingTests
{
    [Fact]
    public void BilinearResizeAndNormalisationMatchAHandComputation()
    {
        // A 2×2 RGB image upsampled to 4×4. With pixel centres aligned, output x = 0..3 samples source
        // x = (x + 0.5)/2 − 0.5 = −0.25, 0.25, 0.75, 1.25, clamped to [0, 1]: weights 0, 0.25, 0.75, 1.
        byte[] pixels = [0, 10, 20, /**/ 100, 110, 120, /**/ 200, 210, 220, /**/ 40, 50, 60];
        var input = new float[4 * 4 * 3];
        ImagePreprocessor.Resize(pixels, 2, 2, 3, input, 4, 3, new PixelNormalization(128, 1 / 128f));

        float Expected(int y, int x, int c)
        {
            float[] w = [0, 0.25f, 0.75f, 1];
            float top = pixels[c] + (pixels[3 + c] - pixels[c]) * w[x];
            float bottom = pixels[6 + c] + (pixels[9 + c] - pixels[6 + c]) * w[x];
            return (top + (bottom - top) * w[y] - 128) / 128;
        }
        for (int y = 0; y < 4; y++)
            for (int x = 0; x < 4; x++)
                for (int c = 0; c < 3; c++)
                    Assert.Equal(Expected(y, x, c), input[(y * 4 + x) * 3 + c], 6);
        // Spot values by hand: the corner is the pixel itself; (1,1) mixes all four with weights 0.75/0.25.
        Assert.Equal((0 - 128) / 128f, input[0], 6);
        float mixed = 0.75f * (0.75f * 0 + 0.25f * 100) + 0.25f * (0.75f * 200 + 0.25f * 40);
        Assert.Equal((mixed - 128) / 128, input[(1 * 4 + 1) * 3], 5);
    }

    [Fact]
    public void GreyAndColourConvertAndTorchvisionNormalises()
    {
        byte[] rgb = [255, 0, 0];
        var grey = new float[1];
        ImagePreprocessor.Resize(rgb, 1, 1, 3, grey, 1, 1, new PixelNormalization(0, 1));
        Assert.Equal(0.2989f * 255, grey[0], 3);

        byte[] one = [51];
        var colour = new float[3];
        ImagePreprocessor.Resize(one, 1, 1, 1, colour, 1, 3, PixelNormalization.Torchvision);
        Assert.Equal((0.2f - 0.485f) / 0.229f, colour[0], 4);
        Assert.Equal((0.2f - 0.456f) / 0.224f, colour[1], 4);
        Assert.Equal((0.2f - 0.406f) / 0.225f, colour[2], 4);
    }

    [Fact]
    public void CentralCropKeepsTheMiddleAsTfSlimDoes()
    {
        // 8 columns, value = 10·x; a central fraction of 0.5 keeps columns 2..5, resized to 4 columns one to one.
        var pixels = new byte[8];
        for (int x = 0; x < 8; x++)
            pixels[x] = (byte)(10 * x);
        var input = new float[4 * 4];
        ImagePreprocessor.Resize(pixels, 8, 1, 1, input, 4, 1, new PixelNormalization(0, 1), centralFraction: 0.5f);
        // Rows: 1 × 0.5 crops to top = 0, height 1 (stretched to 4 rows); columns: left = 2, width 4, one to one.
        for (int y = 0; y < 4; y++)
            Assert.Equal([20f, 30f, 40f, 50f], input[(4 * y)..(4 * y + 4)]);
    }

    [Fact]
    public void ResizeChecksLengths()
    {
        var pixels = new byte[300 * 200 * 3];
        var error = Assert.Throws<ArgumentException>(() => ImagePreprocessor.Resize(pixels, 300, 200, 3, new float[10], 160, 3, PixelNormalization.TensorFlow));
        Assert.Contains("76800", error.Message);
    }

    [Fact]
    public void TopKFindsTheBestInOrder()
    {
        float[] scores = [0.1f, 0.7f, 0.05f, 0.9f, 0.7f, 0.2f];
        Span<int> top = stackalloc int[3];
        int found = Labels.TopK(scores, top);
        Assert.Equal(3, found);
        Assert.Equal([3, 1, 4], top.ToArray());
        Span<int> many = stackalloc int[10];
        Assert.Equal(6, Labels.TopK(scores, many));
        Assert.Equal([3, 1, 4, 5, 0, 2], many[..6].ToArray());
    }
}
