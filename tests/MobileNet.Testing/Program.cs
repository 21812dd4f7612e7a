using System;
using System.Globalization;
using System.IO;
using System.Linq;
using MobileNet.Testing;

// Usage: MobileNet.Testing <alpha> <resolution> <classes> <seed> <output.onnx>
//   writes a MobileNet V1 with random weights, PyTorch conventions (NCHW, BN ε 1e-5, Gemm head);
// or:    MobileNet.Testing twin <input.tflite> <output.onnx>
//   writes the .tflite's float twin (TfliteToOnnx), for builds that feed it to the generator;
// or:    MobileNet.Testing qdq <input.tflite> <output.onnx>
//   writes a quantised .tflite's QDQ twin, for the benchmarks' ONNX Runtime integer baseline;
// or:    MobileNet.Testing quantized <alpha> <resolution> <seed> <output.tflite> [int8]
//   writes a Coral-style uint8 V1 with random weights (SyntheticQuantizedV1), for the ARM64 check; with int8,
//   an int8 one between QUANTIZE operators from and to uint8, as TF2's converter writes them.
const string Usage = "usage: MobileNet.Testing <alpha> <resolution> <classes> <seed> <output.onnx> | twin|qdq <input.tflite> <output.onnx> | quantized <alpha> <resolution> <seed> <output.tflite> [int8]";
if (args is [("twin" or "qdq") and var form, string tflite, string twin])
{
    byte[] model = File.ReadAllBytes(tflite);
    Write(twin, form == "qdq" ? TfliteToOnnx.ConvertQdq(model) : TfliteToOnnx.Convert(model));
    Console.WriteLine($"wrote the {(form == "qdq" ? "QDQ" : "float")} twin of {tflite} to {twin}");
    return 0;
}
if (args is ["quantized", var alpha, var resolution, var seed, var path, ..] && args.Length <= 6 && args.Skip(5).All(a => a == "int8"))
{
    bool int8 = args.Length == 6;
    Write(path, SyntheticQuantizedV1.Build(double.Parse(alpha, CultureInfo.InvariantCulture), int.Parse(resolution, CultureInfo.InvariantCulture), seed: int.Parse(seed, CultureInfo.InvariantCulture), int8: int8));
    Console.WriteLine($"wrote {(int8 ? "an int8 V1 with uint8 ends" : "a uint8 V1")} α{alpha}-{resolution} to {path}");
    return 0;
}
if (args.Length != 5)
{
    Console.Error.WriteLine(Usage);
    return 2;
}
var options = new NetworkOptions(double.Parse(args[0], CultureInfo.InvariantCulture), int.Parse(args[1], CultureInfo.InvariantCulture))
{
    Classes = int.Parse(args[2], CultureInfo.InvariantCulture),
    Seed = int.Parse(args[3], CultureInfo.InvariantCulture),
};
Write(args[4], SyntheticOnnx.Build(options));
Console.WriteLine($"wrote {options} to {args[4]}");
return 0;

static void Write(string path, byte[] bytes)
{
    Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
    File.WriteAllBytes(path, bytes);
}
