using System.Collections.Generic;
using MobileNet;

namespace MobileNet.Benchmarks;

/// <summary>Coral's V1 0.25-128 weights, converted to float ONNX: a small model, where per-call overhead shows.</summary>
[MobileNet(Alpha = 0.25, Resolution = 128, Weights = "models/mobilenet_v1_0.25_128.onnx")]
public partial class V1_025_128;

/// <summary>Coral's V1 0.5-160 weights, converted to float ONNX.</summary>
[MobileNet(Alpha = 0.5, Resolution = 160, Weights = "models/mobilenet_v1_0.5_160.onnx")]
public partial class V1_05_160;

/// <summary>V1 1.0-224 with synthetic weights (PyTorch export conventions, 1000 classes).</summary>
[MobileNet(Alpha = 1.0, Resolution = 224, Weights = "models/mobilenet_v1_1.0_224_synthetic.onnx")]
public partial class V1_10_224;

/// <summary>Coral's V2 1.0-224 weights, converted to float ONNX.</summary>
[MobileNet(Version = 2, Alpha = 1.0, Resolution = 224, Weights = "models/mobilenet_v2_1.0_224.onnx")]
public partial class V2_10_224;

/// <summary>Each benchmark class's network: the label the docs and chart use, and its multiply-accumulates.</summary>
internal static class Catalog
{
    public static readonly IReadOnlyDictionary<string, (string Label, long Macs)> Networks = new Dictionary<string, (string, long)>
    {
        [nameof(V1_025_128_Coral)] = ("V1 0.25-128", V1_025_128.MultiplyAccumulates),
        [nameof(V1_05_160_Coral)] = ("V1 0.5-160", V1_05_160.MultiplyAccumulates),
        [nameof(V1_10_224_Synthetic)] = ("V1 1.0-224", V1_10_224.MultiplyAccumulates),
        [nameof(V2_10_224_Coral)] = ("V2 1.0-224", V2_10_224.MultiplyAccumulates),
    };
}

/// <summary>Coral's V1 0.5-160 .tflite itself, run in its integers (the benchmarks' integer networks).</summary>
[MobileNet(Alpha = 0.5, Resolution = 160, Weights = "models/mobilenet_v1_0.5_160_quant.tflite", Arithmetic = MobileNetArithmetic.Integer)]
public partial class V1_05_160_Int8;

/// <summary>The same file in float: its weights dequantised at build time.</summary>
[MobileNet(Alpha = 0.5, Resolution = 160, Weights = "models/mobilenet_v1_0.5_160_quant.tflite", Arithmetic = MobileNetArithmetic.Float)]
public partial class V1_05_160_Float;

/// <summary>Coral's V2 1.0-224 .tflite itself, run in its integers.</summary>
[MobileNet(Version = 2, Alpha = 1.0, Resolution = 224, Weights = "models/mobilenet_v2_1.0_224_quant.tflite", Arithmetic = MobileNetArithmetic.Integer)]
public partial class V2_10_224_Int8;

/// <summary>The same file in float.</summary>
[MobileNet(Version = 2, Alpha = 1.0, Resolution = 224, Weights = "models/mobilenet_v2_1.0_224_quant.tflite", Arithmetic = MobileNetArithmetic.Float)]
public partial class V2_10_224_Float;
