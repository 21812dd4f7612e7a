using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Imprint;
using StbImageSharp;

// "Imprinting": new classes from a few photos each, without training the network. Each photo's
// embedding (and its mirror image's) goes into its class's centre; a new photo belongs to the
// class whose centre is nearest (highest cosine similarity).
//
// Usage: Imprint [--class name=a.jpg,b.png ...] [photo ...]
// Without --class: "animal" from chelsea.png and cat.bmp, "food" from coffee.png and orange.jpg;
// without photos: squirrel_cls.jpg. The default photos are copied beside the program.
var classes = new Dictionary<string, string[]>();
var queries = new List<string>();
for (int i = 0; i < args.Length; i++)
{
    if (args[i] == "--class" && i + 1 < args.Length && args[i + 1].Split('=') is [var name, var photos])
    {
        classes[name] = photos.Split(',');
        i++;
    }
    else
        queries.Add(args[i]);
}
string Beside(string file) => Path.Combine(AppContext.BaseDirectory, file);
if (classes.Count == 0)
{
    classes["animal"] = [Beside("chelsea.png"), Beside("cat.bmp")];
    classes["food"] = [Beside("coffee.png"), Beside("orange.jpg")];
}
if (queries.Count == 0)
    queries.Add(Beside("squirrel_cls.jpg"));
if (classes.Values.SelectMany(p => p).Concat(queries).FirstOrDefault(p => !File.Exists(p)) is { } missing)
{
    Console.Error.WriteLine($"No image at '{missing}'. Usage: Imprint [--class name=a.jpg,b.png ...] [photo ...]");
    return 1;
}

var embedder = new Embedder();
var input = new float[Embedder.InputLength];
var features = new float[Embedder.OutputLength];

// The unit-length embedding of a photo, or of its mirror image.
float[] Embed(ImageResult image, bool mirrored)
{
    byte[] pixels = image.Data;
    if (mirrored)
    {
        pixels = (byte[])pixels.Clone();
        for (int y = 0; y < image.Height; y++)
            for (int x = 0; x < image.Width / 2; x++)
                for (int k = 0; k < 3; k++)
                    (pixels[(y * image.Width + x) * 3 + k], pixels[(y * image.Width + image.Width - 1 - x) * 3 + k]) =
                        (pixels[(y * image.Width + image.Width - 1 - x) * 3 + k], pixels[(y * image.Width + x) * 3 + k]);
    }
    Embedder.Preprocess(pixels, image.Width, image.Height, 3, input);
    embedder.Run(input, features);
    return Normalized(features);
}

static float[] Normalized(float[] v)
{
    float norm = MathF.Sqrt(v.Sum(x => x * x));
    return v.Select(x => x / norm).ToArray();
}

ImageResult Load(string path) => ImageResult.FromMemory(File.ReadAllBytes(path), ColorComponents.RedGreenBlue);

// Each class's centre: the mean of its photos' embeddings and their mirror images', made unit length.
var centres = classes.ToDictionary(c => c.Key, c =>
{
    float[][] examples = c.Value.Select(Load).SelectMany(image => new[] { Embed(image, false), Embed(image, true) }).ToArray();
    return Normalized(Enumerable.Range(0, Embedder.OutputLength).Select(i => examples.Average(e => e[i])).ToArray());
});
Console.WriteLine($"MobileNet V1 α=0.25 128×128 embeddings ({Embedder.OutputLength} features); classes: " +
    string.Join(", ", classes.Select(c => $"{c.Key} ({string.Join(", ", c.Value.Select(Path.GetFileName))})")));

foreach (string query in queries)
{
    float[] e = Embed(Load(query), false);
    var similarity = centres.ToDictionary(c => c.Key, c => c.Value.Zip(e, (a, b) => a * b).Sum());
    string best = similarity.MaxBy(s => s.Value).Key;
    Console.WriteLine($"{Path.GetFileName(query)} → {best}  ({string.Join(", ", similarity.Select(s => $"{s.Key} {s.Value:F3}"))})");
}
return 0;
