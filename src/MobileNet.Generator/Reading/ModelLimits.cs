using System;
using System.Globalization;

namespace MobileNet.Generator.Reading;

/// <summary>
/// The bounds a model file must stay within, checked by the readers before anything is allocated for
/// it. Each is far above any MobileNet (V1 α=2 at 1000 classes has 15 M weights; exporters write a few
/// hundred nodes) and low enough that a hostile file cannot make the compiler run out of memory or
/// time: generation costs grow with the weights and the layers.
/// </summary>
internal static class ModelLimits
{
    /// <summary>Nodes (ONNX) or operators (TFLite) in the graph.</summary>
    public const int Nodes = 4096;

    /// <summary>Tensors, initializers, buffers, value infos and operator codes, each counted on its own.</summary>
    public const int Tensors = 16384;

    /// <summary>Elements in all constant tensors together: every weight becomes data in the user's assembly.</summary>
    public const int Weights = 1 << 24;

    /// <summary>Elements in one integer tensor: integers are read only as shapes, axes, pads and clamps.</summary>
    public const int IntegerValues = 4096;

    /// <summary>Dimensions of a tensor; images are rank 4.</summary>
    public const int Rank = 8;

    /// <summary>Values in one attribute, inputs or outputs of one node or operator.</summary>
    public const int ListLength = 1024;

    /// <summary>Node inputs, outputs and attributes in the whole graph: each is a string or more in memory.</summary>
    public const int References = 1 << 16;

    public static void Check(long count, long limit, string what)
    {
        if (count > limit)
            throw new ModelLimitException($"{what}: {Format(count)}, more than the limit of {Format(limit)}");
    }

    private static string Format(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}

/// <summary>A file past one of the <see cref="ModelLimits"/>; reported as MNG014, naming the limit.</summary>
internal sealed class ModelLimitException(string message) : Exception(message);
