using MobileNet;

namespace Imprint;

/// <summary>
/// MobileNet V1 0.25-128 with Coral's weights, stopped at the global average pool: 256 features per
/// image instead of 1001 ImageNet probabilities. The classifier's weights stay out of the build.
/// </summary>
[MobileNet(Alpha = 0.25, Resolution = 128, Weights = "models/mobilenet_v1_0.25_128_quant.tflite", Output = MobileNetOutput.Embedding)]
public partial class Embedder;
