using System;
using System.IO;
using System.Linq;
using Classify.Networks;
using MobileNet;
using StbImageSharp;

// Usage: Classify [--v2] [photo]: MobileNet V1 0.5-160 by default, V2 1.0-224 with --v2.
// The labels and the default photo are copied beside the program (see Classify.csproj).
bool v2 = args.Contains("--v2");
string path = args.FirstOrDefault(a => a != "--v2") ?? Path.Combine(AppContext.BaseDirectory, "chelsea.png");
if (!File.Exists(path))
{
    Console.Error.WriteLine($"No image at '{path}'. Usage: dotnet run --project samples/Classify -- [--v2] photo.jpg (JPEG, PNG, BMP, GIF, TGA)");
    return 1;
}
string[] labels = Labels.Load(Path.Combine(AppContext.BaseDirectory, "imagenet_labels.txt"));

// Decode, resize to the network's 8-bit input (Coral's uint8 input is the resized pixels themselves), then
// classify in 8-bit integers, as TFLite runs these files. Run allocates nothing.
ImageResult image = ImageResult.FromMemory(File.ReadAllBytes(path), ColorComponents.RedGreenBlue);
float[] probabilities;
string network;
if (v2)
{
    var input = new byte[ClassifierV2.InputLength];
    ClassifierV2.Preprocess(image.Data, image.Width, image.Height, 3, input);
    probabilities = new float[ClassifierV2.OutputLength];
    new ClassifierV2().Run(input, probabilities);
    network = "MobileNet V2 α=1.0 224×224";
}
else
{
    var input = new byte[Classifier.InputLength];
    Classifier.Preprocess(image.Data, image.Width, image.Height, 3, input);
    probabilities = new float[Classifier.OutputLength];
    new Classifier().Run(input, probabilities);
    network = "MobileNet V1 α=0.5 160×160";
}

Span<int> best = stackalloc int[5];
Labels.TopK(probabilities, best);
Console.WriteLine($"{Path.GetFileName(path)} ({image.Width}×{image.Height}), {network} (Coral uint8 weights, run in 8-bit integers):");
// The 8-bit softmax leaves most classes at exactly 0: those are not shown.
foreach (int i in best)
    if (probabilities[i] > 0)
        Console.WriteLine($"  {probabilities[i],6:P1}  {i,4}  {(i < labels.Length ? labels[i] : "")}");
return 0;
