using MobileNet;

namespace MobileNet.AotCheck;

[MobileNet(Alpha = 0.25, Resolution = 128, Weights = "models/v1_025_128.tflite")]
public static partial class V1_025_128;

[MobileNet(Alpha = 0.5, Resolution = 160, Weights = "models/v1_05_160.tflite")]
public static partial class V1_05_160;

[MobileNet(Version = 2, Alpha = 1.0, Resolution = 224, Weights = "models/v2_10_224.tflite")]
public static partial class V2_10_224;
