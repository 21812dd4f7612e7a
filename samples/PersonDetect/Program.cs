using System;
using System.IO;
using MobileNet;
using PersonDetect;
using StbImageSharp;

// The microcontroller case: the workspace is a buffer the caller owns (here on the stack),
// the weights are read-only data in the binary, and nothing is allocated per frame.
// The two test images are copied beside the program (see PersonDetect.csproj); a folder argument overrides.
string folder = args.Length > 0 ? args[0] : AppContext.BaseDirectory;
// The network runs in 8-bit integers, as TFLite Micro runs the file: int8 in, int8 out.
Console.WriteLine($"person_detect: {PersonDetector.InputSize}×{PersonDetector.InputSize}×{PersonDetector.InputChannels}, " +
    $"workspace {PersonDetector.WorkspaceLength:N0} bytes, weights {PersonDetector.WeightBytes:N0} bytes");

Span<byte> workspace = stackalloc byte[PersonDetector.WorkspaceLength];
Span<sbyte> input = stackalloc sbyte[PersonDetector.InputLength];
Span<sbyte> scores = stackalloc sbyte[PersonDetector.OutputLength];
Span<byte> pixels = stackalloc byte[PersonDetector.InputSize * PersonDetector.InputSize];
foreach (string name in new[] { "person.bmp", "no_person.bmp" })
{
    string path = Path.Combine(folder, name);
    if (!File.Exists(path))
    {
        Console.Error.WriteLine($"No image at '{path}': pass the folder holding person.bmp and no_person.bmp (models/tflm in the repository).");
        return 1;
    }
    ImageResult image = ImageResult.FromMemory(File.ReadAllBytes(path), ColorComponents.Grey);
    // These test images store the int8 input itself (pixel − 128): flipping the top bit gives back the pixel.
    for (int i = 0; i < pixels.Length; i++)
        pixels[i] = (byte)(image.Data[i] ^ 0x80);
    PersonDetector.Preprocess(pixels, image.Width, image.Height, 1, input);
    PersonDetector.Run(input, scores, workspace);
    float Probability(sbyte q) => PersonDetector.OutputScale * (q - PersonDetector.OutputZeroPoint);
    Console.WriteLine($"{name,-14} no person {Probability(scores[0]):F3}   person {Probability(scores[1]):F3}   → {(scores[1] > scores[0] ? "person" : "no person")}");
}
return 0;
