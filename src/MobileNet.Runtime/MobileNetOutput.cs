namespace MobileNet;

/// <summary>
/// What a generated network's <c>Run</c> writes: set on <see cref="MobileNetAttribute.Output"/> to cut a
/// network short, and stated by each generated class's <c>OutputKind</c> constant.
/// </summary>
public enum MobileNetOutput
{
    /// <summary>Whatever the weights file ends with (only on the attribute; a generated class states what that is).</summary>
    Auto = 0,

    /// <summary>One probability per class: the classifier and a softmax (added when the file ends in logits).</summary>
    Probabilities = 1,

    /// <summary>One score per class, the classifier's output before any softmax (a file's softmax is left out).</summary>
    Logits = 2,

    /// <summary>
    /// The global average pool's features, without the classifier (1024 for V1 at α = 1, 1280 for V2): the
    /// input of a classifier trained on one's own classes, or a vector to compare images by.
    /// </summary>
    Embedding = 3,

    /// <summary>The last convolution's map, height × width × channels in NHWC order, before the pool: what detection and segmentation heads read.</summary>
    FeatureMap = 4,
}
