using MobileNet;

namespace PersonDetect;

/// <summary>TFLite Micro's person detector: MobileNet V1 α 0.25 on 96×96 greyscale, int8 weights, two classes, run in 8-bit integers.</summary>
[MobileNet(Alpha = 0.25, Resolution = 96, Weights = "models/person_detect.tflite")]
public static partial class PersonDetector;
