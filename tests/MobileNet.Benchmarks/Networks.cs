using MobileNet;

namespace MobileNet.Benchmarks;

/// <summary>Coral's V1 0.5-160 weights, converted to float ONNX.</summary>
[MobileNet(Alpha = 0.5, Resolution = 160, Weights = "models/mobilenet_v1_0.5_160.onnx")]
public partial class V1_05_160;

/// <summary>V1 1.0-224 with synthetic weights (PyTorch export conventions, 1000 classes).</summary>
[MobileNet(Alpha = 1.0, Resolution = 224, Weights = "models/mobilenet_v1_1.0_224_synthetic.onnx")]
public partial class V1_10_224;

/// <summary>Coral's V2 1.0-224 weights, converted to float ONNX.</summary>
[MobileNet(Version = 2, Alpha = 1.0, Resolution = 224, Weights = "models/mobilenet_v2_1.0_224.onnx")]
public partial class V2_10_224;
