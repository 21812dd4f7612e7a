using MobileNet;

namespace Classify;

/// <summary>MobileNet V1 0.5-160 with Coral's trained weights (converted to float ONNX): the generator writes the rest.</summary>
[MobileNet(Alpha = 0.5, Resolution = 160, Weights = "models/mobilenet_v1_0.5_160.onnx")]
public partial class Classifier;
