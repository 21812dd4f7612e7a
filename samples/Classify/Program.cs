using System;
using System.IO;
using System.Linq;
using System.Reflection;
using Classify;
using MobileNet;
using StbImageSharp;

string Metadata(string key) => typeof(Classifier).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().First(a => a.Key == key).Value!;

string path = args.Length > 0 ? args[0] : Metadata("DefaultImage");
if (!File.Exists(path))
{
    Console.Error.WriteLine($"No image at '{path}'. Usage: dotnet run --project samples/Classify -- photo.jpg (JPEG, PNG, BMP, GIF, TGA, PSD)");
    return 1;
}
string labelsPath = Metadata("LabelsFile");
string[] labels = File.Exists(labelsPath) ? Labels.Load(labelsPath) : [];

// Decode, resize and normalise the way the weights expect, then classify. Run allocates nothing.
ImageResult image = ImageResult.FromMemory(File.ReadAllBytes(path), ColorComponents.RedGreenBlue);
var input = new float[Classifier.InputLength];
Classifier.Preprocess(image.Data, image.Width, image.Height, 3, input);
var net = new Classifier();
var probabilities = new float[Classifier.OutputLength];
net.Run(input, probabilities);

Span<int> best = stackalloc int[5];
Labels.TopK(probabilities, best);
Console.WriteLine($"{Path.GetFileName(path)} ({image.Width}×{image.Height}), MobileNet V1 α=0.5 160×160 (Coral uint8 weights):");
foreach (int i in best)
    Console.WriteLine($"  {probabilities[i],6:P1}  {i,4}  {(i < labels.Length ? labels[i] : "")}");
return 0;
