using System;
using System.IO;
using System.Linq;
using System.Reflection;
using Classify;
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
Preprocess(image, input);

var net = new Classifier();
var probabilities = new float[Classifier.OutputLength];
net.Run(input, probabilities);

string[] labels = File.Exists(Metadata("LabelsFile")) ? File.ReadAllLines(Metadata("LabelsFile")) : [];
Console.WriteLine($"{Path.GetFileName(path)} ({image.Width}×{image.Height}) with MobileNet V1 α=0.5 160×160, {Classifier.WorkspaceLength * 4 / 1024} KiB workspace:");
foreach (int i in Enumerable.Range(0, probabilities.Length).OrderByDescending(i => probabilities[i]).Take(5))
    Console.WriteLine($"  {probabilities[i],6:P1}  {i,4}  {(i < labels.Length ? labels[i] : "")}");
return 0;

// Bilinear resize (half-pixel centres) to the network's input, then the TF-family scaling (p − 128) / 128.
static void Preprocess(ImageResult image, float[] nhwc)
{
    const int Size = Classifier.InputSize;
    float sx = (float)image.Width / Size, sy = (float)image.Height / Size;
    for (int y = 0; y < Size; y++)
    {
        float fy = Math.Clamp((y + 0.5f) * sy - 0.5f, 0, image.Height - 1);
        int y0 = (int)fy, y1 = Math.Min(y0 + 1, image.Height - 1);
        float wy = fy - y0;
        for (int x = 0; x < Size; x++)
        {
            float fx = Math.Clamp((x + 0.5f) * sx - 0.5f, 0, image.Width - 1);
            int x0 = (int)fx, x1 = Math.Min(x0 + 1, image.Width - 1);
            float wx = fx - x0;
            for (int c = 0; c < 3; c++)
            {
                float Pixel(int py, int px) => image.Data[(py * image.Width + px) * 3 + c];
                float top = Pixel(y0, x0) + (Pixel(y0, x1) - Pixel(y0, x0)) * wx;
                float bottom = Pixel(y1, x0) + (Pixel(y1, x1) - Pixel(y1, x0)) * wx;
                nhwc[(y * Size + x) * 3 + c] = (top + (bottom - top) * wy - 128f) / 128f;
            }
        }
    }
}
