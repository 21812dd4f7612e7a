using MobileNet.Testing;
using MobileNet.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace MobileNet.Tests;

/// <summary>
/// The float twin converter on files whose ONNX counterpart is known: a synthetic float TFLite and the
/// ONNX the test writer made with the same weights must give ONNX Runtime the same outputs.
/// </summary>
public sealed class TfliteToOnnxTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(0.25, 128, 1)]
    [InlineData(0.25, 97, 3)] // odd maps: SAME pads (1,1) where the map is odd, (0,1) where it is even
    public void TwinOfASyntheticTfliteMatchesItsOnnx(double alpha, int resolution, int seed)
    {
        (byte[] tflite, byte[] onnx) = SyntheticTfliteV1.Build(new TfliteV1Options(alpha, resolution) { Seed = seed });
        using var twin = new OrtReference(TfliteToOnnx.Convert(tflite));
        using var reference = new OrtReference(onnx);
        Assert.False(twin.InputIsNhwc);
        foreach ((string name, float[] input) in Compare.RandomImages(3, resolution * resolution * 3, 300))
        {
            float[] expected = reference.Run(input, 3, resolution), actual = twin.Run(input, 3, resolution);
            float difference = Compare.MaxAbsDifference(expected, actual);
            output.WriteLine($"{name}: max |difference| {difference:E2}");
            Assert.True(difference <= 1e-6f, $"{name}: max |difference| {difference}");
            Assert.Equal(Compare.TopK(expected, 5), Compare.TopK(actual, 5));
        }
    }
}
