using System;
using System.Globalization;
using System.IO;
using MobileNet.Testing;

// Usage: MobileNet.Testing <alpha> <resolution> <classes> <seed> <output.onnx>
// Writes a MobileNet V1 with random weights, PyTorch conventions (NCHW, BN ε 1e-5, Gemm head).
if (args.Length != 5)
{
    Console.Error.WriteLine("usage: MobileNet.Testing <alpha> <resolution> <classes> <seed> <output.onnx>");
    return 2;
}
var options = new NetworkOptions(double.Parse(args[0], CultureInfo.InvariantCulture), int.Parse(args[1], CultureInfo.InvariantCulture))
{
    Classes = int.Parse(args[2], CultureInfo.InvariantCulture),
    Seed = int.Parse(args[3], CultureInfo.InvariantCulture),
};
Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(args[4]))!);
File.WriteAllBytes(args[4], SyntheticOnnx.Build(options));
Console.WriteLine($"wrote {options} to {args[4]}");
return 0;
