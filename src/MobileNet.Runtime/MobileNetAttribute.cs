using System;

namespace MobileNet;

/// <summary>
/// Asks the MobileNetGen source generator to emit, into the annotated <c>partial</c> class, a fully
/// specialised MobileNet for the given width multiplier, input resolution and trained weights.
/// </summary>
/// <remarks>
/// The weights file must also be registered once in the project file as
/// <c>&lt;MobileNetModel Include="models/mobilenet_v1_0.5_160_quant.tflite" /&gt;</c>; the generator checks
/// every layer of the file against the architecture that <see cref="Alpha"/>, <see cref="Resolution"/>
/// and <see cref="Version"/> describe and reports what does not match as a compiler error.
/// </remarks>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class MobileNetAttribute : Attribute
{
    /// <summary>The MobileNet version: 1 (depthwise separable convolutions) or 2 (inverted residuals with linear bottlenecks). Defaults to 1.</summary>
    public int Version { get; set; } = 1;

    /// <summary>The width multiplier α of the MobileNet papers (0.25, 0.5, 0.75, 1.0 for the published V1 models; 0.35 to 1.4 for V2).</summary>
    public double Alpha { get; set; } = 1.0;

    /// <summary>The input height and width in pixels (the resolution multiplier ρ times 224; 224, 192, 160, 128, …).</summary>
    public int Resolution { get; set; } = 224;

    /// <summary>The weights file (.onnx or .tflite), relative to the project directory; it must also be a <c>MobileNetModel</c> item.</summary>
    public string? Weights { get; set; }

    /// <summary>
    /// The pixel normalisation the weights were trained with, used by the generated <c>Preprocess</c>.
    /// <see cref="InputNormalization.Auto"/> takes it from the file when the file states it (a
    /// quantised TFLite input does) and uses TensorFlow's [−1, 1] otherwise; PyTorch exports of
    /// torchvision weights need <see cref="InputNormalization.Torchvision"/>.
    /// </summary>
    public InputNormalization Normalization { get; set; }

    /// <summary>
    /// Where the network stops. <see cref="MobileNetOutput.Auto"/> (the default) runs the whole file;
    /// <see cref="MobileNetOutput.Embedding"/> or <see cref="MobileNetOutput.FeatureMap"/> leave out
    /// the layers after the pool or the last convolution, whose weights then stay out of the assembly.
    /// </summary>
    public MobileNetOutput Output { get; set; }

    /// <summary>
    /// The layers whose outputs <c>Run</c> writes, each into a span of its own, all from one pass; the
    /// network stops after the last of them. V1: <c>"stem"</c> and <c>"block1"</c> to <c>"block13"</c>
    /// (each depthwise separable block's output, TF-slim's <c>Conv2d_N_pointwise</c>); V2: <c>"stem"</c>,
    /// <c>"block0"</c> to <c>"block16"</c> (each bottleneck's output), <c>"block1/expand"</c> to
    /// <c>"block16/expand"</c> (a bottleneck's expanded tensor after its ReLU6) and <c>"last"</c> (the
    /// 1×1 convolution before the pool). SSD reads V1's <c>["block11", "block13"]</c> and V2's
    /// <c>["block13/expand", "last"]</c>. The generated class's docs list each layer's name and shape.
    /// </summary>
    public string[]? FeatureMaps { get; set; }

    /// <summary>
    /// Float32 or 8-bit integer arithmetic (see <see cref="MobileNetArithmetic"/>). The default, <see cref="MobileNetArithmetic.Auto"/>,
    /// runs a quantised TFLite file in integers as TFLite does; its class then also takes and writes the file's 8-bit values.
    /// </summary>
    public MobileNetArithmetic Arithmetic { get; set; }
}
