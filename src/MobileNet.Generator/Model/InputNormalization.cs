namespace MobileNet.Generator.Model;

internal enum NormalizationKind { TensorFlow, Torchvision, Quantized }

/// <summary>How pixels map to the values a network was trained on: value = (pixel − Mean) · Scale (Quantized), or a named convention.</summary>
internal sealed record InputNormalization(NormalizationKind Kind, float Mean, float Scale, string Source)
{
    public static readonly InputNormalization TensorFlow = new(NormalizationKind.TensorFlow, 127.5f, 1 / 127.5f, "TensorFlow's [−1, 1]");
    public static readonly InputNormalization Torchvision = new(NormalizationKind.Torchvision, 0, 0, "torchvision's ImageNet mean and standard deviation");

    /// <summary>What the attribute's Normalization asks for (1 TensorFlow, 2 torchvision, else Auto): Auto takes the file's, or TensorFlow's when the file does not say.</summary>
    public static InputNormalization For(int requested, InputNormalization? fromFile) => requested switch
    {
        1 => TensorFlow,
        2 => Torchvision,
        _ => fromFile ?? TensorFlow with { Source = "TensorFlow's [−1, 1] (the file does not say; set Normalization on the attribute for other weights)" },
    };
}
