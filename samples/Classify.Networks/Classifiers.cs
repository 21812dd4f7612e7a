using MobileNet;

namespace Classify.Networks;

/// <summary>MobileNet V1 0.5-160 with Coral's quantised weights (uint8 TFLite), run in 8-bit integers as TFLite runs it: the generator writes the rest.</summary>
[MobileNet(Alpha = 0.5, Resolution = 160, Weights = "models/mobilenet_v1_0.5_160_quant.tflite")]
public partial class Classifier;

/// <summary>MobileNet V2 1.0-224 with Coral's quantised weights: bigger, more accurate, and its bottlenecks streamed row by row.</summary>
[MobileNet(Version = 2, Alpha = 1.0, Resolution = 224, Weights = "models/mobilenet_v2_1.0_224_quant.tflite")]
public partial class ClassifierV2;
