using System;
using System.IO;
using System.Linq;
using MobileNet.Testing;
using MobileNet.Tests.Infrastructure;
using StbImageSharp;
using Xunit;
using Xunit.Abstractions;

namespace MobileNet.Tests;

/// <summary>
/// The imprinting use case end to end: Coral's V1 0.25-128 cut at its embedding, a linear classifier trained
/// here on the embeddings of a few crops of four photos in two classes (animals, food), then asked about
/// crops it has not seen and about a photo of neither training set.
/// </summary>
public sealed class ImprintingTests(ITestOutputHelper log)
{
    private static readonly (string Photo, int Label)[] Training = [("chelsea.png", 1), ("cat.bmp", 1), ("coffee.png", 0), ("orange.jpg", 0)];

    [Fact]
    public void ALinearClassifierOnEmbeddingsSeparatesTwoPhotoClasses()
    {
        GeneratorRun run = GeneratorHarness.Generate(GeneratorHarness.Source(0.25, 128, extra: ", Output = MobileNetOutput.Embedding"),
            FloatTwin.Of(RepositoryFiles.Path("models/coral/mobilenet_v1_0.25_128_quant.tflite")));
        Assert.Equal(256, run.Constant("OutputLength"));
        var workspace = new float[run.Constant("WorkspaceLength")];
        float[] Embed(string photo, int variant)
        {
            var e = new float[256];
            run.Run(Crop(photo, variant), e, workspace);
            float norm = MathF.Sqrt(e.Sum(v => v * v));
            return e.Select(v => v / norm).ToArray();
        }

        // Four crops of each photo to train on (whole, mirrored, central 80 %, mirrored), two others to test.
        var train = Training.SelectMany(t => Enumerable.Range(0, 4).Select(v => (X: Embed(t.Photo, v), Y: t.Label))).ToArray();
        var heldOut = Training.SelectMany(t => new[] { 4, 5 }.Select(v => (X: Embed(t.Photo, v), Y: t.Label, Name: $"{t.Photo} crop {v}"))).ToArray();

        // Logistic regression by gradient descent on the mean log loss, with a little weight decay.
        var w = new double[256];
        double b = 0;
        for (int step = 0; step < 2000; step++)
        {
            var gw = new double[256];
            double gb = 0;
            foreach ((float[] x, int y) in train)
            {
                double error = Sigmoid(Dot(w, x) + b) - y;
                for (int i = 0; i < 256; i++)
                    gw[i] += error * x[i] / train.Length;
                gb += error / train.Length;
            }
            for (int i = 0; i < 256; i++)
                w[i] -= 2.0 * (gw[i] + 1e-3 * w[i]);
            b -= 2.0 * gb;
        }

        foreach ((float[] x, int y) in train)
            Assert.Equal(y, Sigmoid(Dot(w, x) + b) > 0.5 ? 1 : 0);
        foreach ((float[] x, int y, string name) in heldOut)
        {
            double p = Sigmoid(Dot(w, x) + b);
            log.WriteLine($"{name}: P(animal) = {p:F3}");
            Assert.True(y == 1 ? p > 0.6 : p < 0.4, $"{name}: P(animal) = {p:F3}, expected {(y == 1 ? "animal" : "food")}");
        }
        double squirrel = Sigmoid(Dot(w, Embed("squirrel_cls.jpg", 0)) + b);
        log.WriteLine($"squirrel_cls.jpg (not trained on): P(animal) = {squirrel:F3}");
        Assert.True(squirrel > 0.5, $"squirrel: P(animal) = {squirrel:F3}");
    }

    /// <summary>A crop of a photo as the network's input: 0/1 the whole photo (1 mirrored), 2/3 its central 80 %, 4 the top-left 70 %, 5 the bottom-right 70 % mirrored.</summary>
    private static float[] Crop(string photo, int variant)
    {
        ImageResult image = ImageResult.FromMemory(File.ReadAllBytes(RepositoryFiles.Path("images/" + photo)), ColorComponents.RedGreenBlue);
        double f = variant switch { 0 or 1 => 1, 2 or 3 => 0.8, _ => 0.7 };
        int w = (int)(image.Width * f), h = (int)(image.Height * f);
        (int x0, int y0) = variant switch { 4 => (0, 0), 5 => (image.Width - w, image.Height - h), _ => ((image.Width - w) / 2, (image.Height - h) / 2) };
        bool mirrored = variant % 2 == 1;
        var crop = new byte[w * h * 3];
        for (int y = 0; y < h; y++)
            for (int x = 0; x < w; x++)
                for (int k = 0; k < 3; k++)
                    crop[(y * w + x) * 3 + k] = image.Data[((y0 + y) * image.Width + x0 + (mirrored ? w - 1 - x : x)) * 3 + k];
        var input = new float[128 * 128 * 3];
        ImagePreprocessor.Resize(crop, w, h, 3, input, 128, 3, new PixelNormalization(128, 1 / 128f));
        return input;
    }

    private static double Dot(double[] w, float[] x)
    {
        double sum = 0;
        for (int i = 0; i < w.Length; i++)
            sum += w[i] * x[i];
        return sum;
    }

    private static double Sigmoid(double z) => 1 / (1 + Math.Exp(-z));
}
