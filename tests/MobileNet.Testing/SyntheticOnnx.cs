using System;
using System.Linq;
using MobileNet.Generator.Binding;

namespace MobileNet.Testing;

public enum PadStyle { PyTorch, TfExplicit, TfAutoPad }
public enum HeadStyle { Gemm, GemmTransposed, Conv1x1, MatMulAdd }
public enum ActivationStyle { ClipInputs, ClipAttributes, Relu }

/// <summary>Where a network file ends: with its classifier, or headless, the backbone exported for embeddings or features.</summary>
public enum NetworkEnd
{
    /// <summary>The classifier's logits or probabilities.</summary>
    Classifier,
    /// <summary>The global average pool, one value per channel: what an embedding extractor gives.</summary>
    Pool,
    /// <summary>The last convolution's map after its ReLU6 (V1: the last pointwise conv; V2: the 1×1 conv to 1280 channels at α ≤ 1).</summary>
    FeatureMap,
}

/// <summary>How a synthetic MobileNet is exported; each switch mirrors a real exporter's habit (MOBILENET_SPEC.md §3–§7).</summary>
public sealed record NetworkOptions(double Alpha, int Resolution)
{
    /// <summary>1 for MobileNet V1, 2 for V2.</summary>
    public int Version { get; init; } = 1;
    public int Classes { get; init; } = 1000;
    public PadStyle Pads { get; init; } = PadStyle.PyTorch;
    /// <summary>NHWC graph input followed by a Transpose, as tf2onnx writes.</summary>
    public bool Nhwc { get; init; }
    /// <summary>Unfused BatchNormalization with this epsilon; null folds BN into a conv bias, as TFLite converters do.</summary>
    public float? BatchNormEpsilon { get; init; } = 1e-5f;
    public ActivationStyle Activation { get; init; } = ActivationStyle.ClipInputs;
    public HeadStyle Head { get; init; } = HeadStyle.Gemm;
    /// <summary>AveragePool with the map's size as kernel (TF) rather than GlobalAveragePool (PyTorch).</summary>
    public bool AveragePool { get; init; }
    public bool Softmax { get; init; }
    public int Seed { get; init; } = 1;
    /// <summary>For diagnostics tests: leave out the residual add of this V2 bottleneck.</summary>
    public int DropResidualAt { get; init; } = -1;
    /// <summary>For diagnostics tests: the width of V2's last 1×1 conv instead of the architecture's.</summary>
    public int? LastChannels { get; init; }
    /// <summary>
    /// Headless exports end at <see cref="NetworkEnd.Pool"/> (N×C, flattened as the <see cref="Head"/> would be: torchvision's
    /// features + adaptive average pool + flatten; N×C×1×1 for <see cref="HeadStyle.Conv1x1"/>, a conv-head network cut after
    /// its pool) or at <see cref="NetworkEnd.FeatureMap"/> (N×C×H×W; N×H×W×C with <see cref="Nhwc"/>, transposed back as
    /// tf2onnx does). <see cref="Classes"/> and <see cref="Softmax"/> then mean nothing.
    /// </summary>
    public NetworkEnd Ends { get; init; }

    public int Opset => Activation == ActivationStyle.ClipAttributes ? 10 : 13;

    public override string ToString() =>
        $"V{Version} α{Alpha}-{Resolution} {Pads}{(Nhwc ? " NHWC" : "")} BN{(BatchNormEpsilon is { } e ? e.ToString("0e0") : " folded")} {Activation} " + Ends switch
        {
            NetworkEnd.Classifier => $"{Head}{(AveragePool ? " AvgPool" : "")} K{Classes}{(Softmax ? " softmax" : "")}",
            NetworkEnd.Pool => $"headless, ends at the {(AveragePool ? "AvgPool" : "pool")}{(Head == HeadStyle.Conv1x1 ? "" : $" flattened as for {Head}")}",
            _ => "headless, ends at the feature map",
        };
}

/// <summary>Writes a MobileNet V1 or V2 with random, well-scaled weights as an ONNX file, the way the exporters do.</summary>
public static class SyntheticOnnx
{
    public static byte[] Build(NetworkOptions o)
    {
        var g = new OnnxGraphBuilder();
        var random = new Random(o.Seed);
        float[] Uniform(int n, double lo, double hi) => Enumerable.Range(0, n).Select(_ => (float)(lo + (hi - lo) * random.NextDouble())).ToArray();

        string zero = g.Initializer("relu6_min", [], [0f]), six = g.Initializer("relu6_max", [], [6f]);
        string x = "input";
        int size = o.Resolution;
        if (o.Nhwc)
        {
            g.Node("Transpose", [x], ["input_nchw"], new OnnxAttr.Ints("perm", 0, 3, 1, 2));
            x = "input_nchw";
        }

        string Conv(string input, int cin, int cout, int kernel, int stride, int group, bool activation = true)
        {
            string name = g.Fresh("conv");
            int fanIn = cin / group * kernel * kernel;
            // He initialisation before a ReLU; half the variance for a linear projection, so that V2's residual sums stay O(1).
            double bound = Math.Sqrt((activation ? 6.0 : 1.5) / fanIn);
            string w = g.Initializer(name + "_W", [cout, cin / group, kernel, kernel], Uniform(cout * (cin / group) * kernel * kernel, -bound, bound));
            var attributes = new System.Collections.Generic.List<OnnxAttr>
            {
                new OnnxAttr.Ints("kernel_shape", kernel, kernel), new OnnxAttr.Ints("strides", stride, stride), new OnnxAttr.Int("group", group),
            };
            int total = Math.Max((V1Architecture.Downsample(size, stride) - 1) * stride + kernel - size, 0);
            switch (o.Pads)
            {
                case PadStyle.PyTorch: attributes.Add(new OnnxAttr.Ints("pads", kernel / 2, kernel / 2, kernel / 2, kernel / 2)); break;
                case PadStyle.TfExplicit: attributes.Add(new OnnxAttr.Ints("pads", total / 2, total / 2, total - total / 2, total - total / 2)); break;
                case PadStyle.TfAutoPad: attributes.Add(new OnnxAttr.Str("auto_pad", "SAME_UPPER")); break;
            }
            string[] inputs = o.BatchNormEpsilon is null ? [input, w, g.Initializer(name + "_B", [cout], Uniform(cout, -0.3, 0.3))] : [input, w];
            g.Node("Conv", inputs, [name], [.. attributes]);
            string y = name;
            if (o.BatchNormEpsilon is { } epsilon)
            {
                string bn = name + "_bn";
                g.Node("BatchNormalization",
                    [y, g.Initializer(bn + "_scale", [cout], Uniform(cout, 0.5, 1.5)), g.Initializer(bn + "_bias", [cout], Uniform(cout, -0.5, 0.5)),
                     g.Initializer(bn + "_mean", [cout], Uniform(cout, -0.2, 0.2)), g.Initializer(bn + "_var", [cout], Uniform(cout, 0.5, 1.5))],
                    [bn], new OnnxAttr.Float("epsilon", epsilon));
                y = bn;
            }
            size = V1Architecture.Downsample(size, stride);
            if (!activation)
                return y;
            string act = name + "_act";
            switch (o.Activation)
            {
                case ActivationStyle.ClipInputs: g.Node("Clip", [y, zero, six], [act]); break;
                case ActivationStyle.ClipAttributes: g.Node("Clip", [y], [act], new OnnxAttr.Float("min", 0), new OnnxAttr.Float("max", 6)); break;
                case ActivationStyle.Relu: g.Node("Relu", [y], [act]); break;
            }
            return act;
        }

        int channels;
        if (o.Version == 2)
        {
            int Width(int c) => V1Architecture.MakeDivisible(c * o.Alpha, 8);
            channels = Width(V2Architecture.StemChannels);
            x = Conv(x, 3, channels, 3, 2, 1);
            int block = 0;
            foreach ((int expansion, int c, int stride) in V2Architecture.Blocks())
            {
                string input = x;
                int hidden = channels * expansion, width = Width(c);
                if (expansion != 1)
                    x = Conv(x, channels, hidden, 1, 1, 1);
                x = Conv(x, hidden, hidden, 3, stride, hidden);
                x = Conv(x, hidden, width, 1, 1, 1, activation: false); // the linear bottleneck
                if (stride == 1 && width == channels && block++ != o.DropResidualAt)
                {
                    string sum = g.Fresh("add");
                    g.Node("Add", [x, input], [sum]);
                    x = sum;
                }
                channels = width;
            }
            int last = o.LastChannels ?? (o.Alpha > 1 ? Width(V2Architecture.LastChannels) : V2Architecture.LastChannels);
            x = Conv(x, channels, last, 1, 1, 1);
            channels = last;
        }
        else
        {
            int Width(int c) => Math.Max((int)(c * o.Alpha), 8);
            channels = Width(32);
            x = Conv(x, 3, channels, 3, 2, 1);
            foreach ((int stride, int c) in V1Architecture.Blocks)
            {
                x = Conv(x, channels, channels, 3, stride, channels);
                x = Conv(x, channels, Width(c), 1, 1, 1);
                channels = Width(c);
            }
        }

        long[] inputShape = o.Nhwc ? [1, o.Resolution, o.Resolution, 3] : [1, 3, o.Resolution, o.Resolution];
        if (o.Ends == NetworkEnd.FeatureMap)
        {
            if (!o.Nhwc)
                return g.Build(o.Opset, "input", inputShape, x, [1, channels, size, size]);
            g.Node("Transpose", [x], ["features"], new OnnxAttr.Ints("perm", 0, 2, 3, 1));
            return g.Build(o.Opset, "input", inputShape, "features", [1, size, size, channels]);
        }

        if (o.AveragePool)
            g.Node("AveragePool", [x], ["pool"], new OnnxAttr.Ints("kernel_shape", size, size), new OnnxAttr.Ints("strides", 2, 2));
        else
            g.Node("GlobalAveragePool", [x], ["pool"]);
        switch (o.Head)
        {
            case HeadStyle.Gemm:
            case HeadStyle.GemmTransposed:
                g.Node("Flatten", ["pool"], ["flat"], new OnnxAttr.Int("axis", 1));
                break;
            case HeadStyle.MatMulAdd:
                g.Node("Reshape", ["pool", g.Int64Initializer("flat_shape", [2], [1, channels])], ["flat"]);
                break;
        }
        if (o.Ends == NetworkEnd.Pool)
            return o.Head == HeadStyle.Conv1x1
                ? g.Build(o.Opset, "input", inputShape, "pool", [1, channels, 1, 1])
                : g.Build(o.Opset, "input", inputShape, "flat", [1, channels]);

        int k = o.Classes;
        double fc = Math.Sqrt(3.0 / channels);
        float[] bias = Uniform(k, -0.5, 0.5);
        switch (o.Head)
        {
            case HeadStyle.Gemm:
            case HeadStyle.GemmTransposed:
                bool t = o.Head == HeadStyle.GemmTransposed;
                g.Node("Gemm", ["flat", g.Initializer("fc_W", t ? [k, channels] : [channels, k], Uniform(k * channels, -fc, fc)), g.Initializer("fc_B", [k], bias)], ["logits"],
                    new OnnxAttr.Int("transB", t ? 1 : 0));
                break;
            case HeadStyle.MatMulAdd:
                g.Node("MatMul", ["flat", g.Initializer("fc_W", [channels, k], Uniform(k * channels, -fc, fc))], ["matmul"]);
                g.Node("Add", ["matmul", g.Initializer("fc_B", [k], bias)], ["logits"]);
                break;
            case HeadStyle.Conv1x1:
                g.Node("Conv", ["pool", g.Initializer("fc_W", [k, channels, 1, 1], Uniform(k * channels, -fc, fc)), g.Initializer("fc_B", [k], bias)], ["head"],
                    new OnnxAttr.Ints("kernel_shape", 1, 1));
                if (o.Opset >= 13)
                    g.Node("Squeeze", ["head", g.Int64Initializer("squeeze_axes", [2], [2, 3])], ["logits"]);
                else
                    g.Node("Squeeze", ["head"], ["logits"], new OnnxAttr.Ints("axes", 2, 3));
                break;
        }
        string output = "logits";
        if (o.Softmax)
        {
            g.Node("Softmax", ["logits"], ["probabilities"], new OnnxAttr.Int("axis", 1));
            output = "probabilities";
        }
        return g.Build(o.Opset, "input", inputShape, output, [1, k]);
    }
}
