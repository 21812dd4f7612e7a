using MobileNet;

namespace MobileNet.AotCheck;

[MobileNet(Alpha = 0.25, Resolution = 128, Weights = "models/v1_025_128.tflite", Arithmetic = MobileNetArithmetic.Float)]
public static partial class V1_025_128;

[MobileNet(Alpha = 0.5, Resolution = 160, Weights = "models/v1_05_160.tflite", Arithmetic = MobileNetArithmetic.Float)]
public static partial class V1_05_160;

[MobileNet(Version = 2, Alpha = 1.0, Resolution = 224, Weights = "models/v2_10_224.tflite", Arithmetic = MobileNetArithmetic.Float)]
public static partial class V2_10_224;

// The same files in 8-bit integers, to the classifier's codes (the ARM64 build runs SDOT/UDOT and SMLAL), and TFLite Micro's int8 person detector.
[MobileNet(Alpha = 0.5, Resolution = 160, Weights = "models/v1_05_160.tflite", Arithmetic = MobileNetArithmetic.Integer, Output = MobileNetOutput.Logits)]
public static partial class V1_05_160_Integer;

[MobileNet(Version = 2, Alpha = 1.0, Resolution = 224, Weights = "models/v2_10_224.tflite", Arithmetic = MobileNetArithmetic.Integer, Output = MobileNetOutput.Logits)]
public static partial class V2_10_224_Integer;

[MobileNet(Alpha = 0.25, Resolution = 96, Weights = "models/person_detect.tflite", Arithmetic = MobileNetArithmetic.Integer)]
public static partial class PersonDetect_Integer;

// A synthetic uint8 V1 α 0.75 at 97×97 (tests/MobileNet.Testing, written at build time): a depthwise layer of 24 channels.
[MobileNet(Alpha = 0.75, Resolution = 97, Weights = "models/v1_075_97.tflite", Arithmetic = MobileNetArithmetic.Integer)]
public static partial class V1_075_97_Integer;

// A synthetic int8 V1 α 0.5 at 64×64 between QUANTIZE operators from and to uint8 (TF2's form): SDOT, and the sign flips at both ends.
[MobileNet(Alpha = 0.5, Resolution = 64, Weights = "models/v1_05_64_int8.tflite", Arithmetic = MobileNetArithmetic.Integer)]
public static partial class V1_05_64_Int8_Integer;
