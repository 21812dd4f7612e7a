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
    Console.Error.WriteLine($"No image at '{path}'. Usage: dotnet run --project samples/Classify -- photo.jpg");
    return 1;
}

ImageResult image = ImageResult.FromMemory(File.ReadAllBytes(path), ColorComponents.RedGreenBlue);
var input = new float[Classifier.InputLength];
ImagePreprocessor.ResizeBilinear(image.Data, image.Width, image.Height, 3, input, Classifier.InputSize);

var net = new Classifier();
var probabilities = new float[Classifier.OutputLength];
net.Run(input, probabilities);

string[] labels = File.Exists(Metadata("LabelsFile")) ? File.ReadAllLines(Metadata("LabelsFile")) : [];
Console.WriteLine($"{Path.GetFileName(path)} ({image.Width}×{image.Height}) with MobileNet V1 α=0.5 160×160, {Classifier.WorkspaceLength * 4 / 1024} KiB workspace:");
foreach (int i in Enumerable.Range(0, probabilities.Length).OrderByDescending(i => probabilities[i]).Take(5))
    Console.WriteLine($"  {probabilities[i],6:P1}  {i,4}  {(i < labels.Length ? labels[i] : "")}");
return 0;

