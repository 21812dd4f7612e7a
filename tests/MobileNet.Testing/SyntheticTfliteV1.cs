using System;
using System.Collections.Generic;
using System.Linq;
using MobileNet.Generator.Binding;
using MobileNet.Generator.Lowering;

namespace MobileNet.Testing;

/// <summary>How a synthetic float TFLite MobileNet V1 is written; each switch mirrors a converter's habit.</summary>
public sealed record TfliteV1Options(double Alpha, int Resolution)
{
    public int Classes { get; init; } = 1001;
    /// <summary>Keras' ZeroPadding2D((0,1),(0,1)) + VALID on stride-2 layers, as an explicit PAD operator.</summary>
    public bool KerasPads { get; init; }
    /// <summary>FULLY_CONNECTED after a RESHAPE (Keras Dense) rather than a 1×1 CONV_2D (TF-slim).</summary>
    public bool DenseHead { get; init; }
    /// <summary>MEAN over H and W (Keras' GlobalAveragePooling2D) rather than AVERAGE_POOL_2D.</summary>
    public bool MeanPool { get; init; }
    public bool Softmax { get; init; } = true;
    public int Seed { get; init; } = 1;
    /// <summary>
    /// Headless files end at <see cref="NetworkEnd.Pool"/> (1×1×1×C as Coral's embedding extractors; with <see cref="DenseHead"/>
    /// a RESHAPE to 1×C follows, as Keras' include_top=False, pooling='avg' converts) or at <see cref="NetworkEnd.FeatureMap"/>
    /// (the last pointwise conv, 1×H×W×C). The ONNX twin ends at the same place, in the same layout: N×C×1×1, N×C, or
    /// N×H×W×C through a Transpose back.
    /// </summary>
    public NetworkEnd Ends { get; init; }

    public override string ToString() =>
        $"α{Alpha}-{Resolution} {(KerasPads ? "PAD+VALID" : "SAME")} " + Ends switch
        {
            NetworkEnd.Classifier => $"{(MeanPool ? "MEAN" : "AVERAGE_POOL")} {(DenseHead ? "FULLY_CONNECTED" : "CONV 1×1")} K{Classes}{(Softmax ? " softmax" : "")}",
            NetworkEnd.Pool => $"headless, ends at the {(MeanPool ? "MEAN" : "AVERAGE_POOL")}{(DenseHead ? " + RESHAPE" : "")}",
            _ => "headless, ends at the feature map",
        };
}

/// <summary>
/// Writes a MobileNet V1 with random float weights as a TFLite file, and the same network as ONNX
/// (NHWC input + Transpose, explicit pads) so that ONNX Runtime can check what the generator makes of it.
/// </summary>
public static class SyntheticTfliteV1
{
    private const int Conv2D = 3, DepthwiseConv2D = 4, AveragePool2D = 1, FullyConnected = 9, Reshape = 22, Softmax = 25, Pad = 34, Mean = 40;

    public static (byte[] Tflite, byte[] Onnx) Build(TfliteV1Options o)
    {
        var random = new Random(o.Seed);
        float[] Uniform(int n, double bound) => Enumerable.Range(0, n).Select(_ => (float)((random.NextDouble() * 2 - 1) * bound)).ToArray();

        var t = new TfliteBuilder();
        var g = new OnnxGraphBuilder();
        string zero = g.Initializer("zero", [], [0f]), six = g.Initializer("six", [], [6f]);
        g.Node("Transpose", ["input"], ["input_nchw"], new OnnxAttr.Ints("perm", 0, 3, 1, 2));
        string x = "input_nchw";
        int tx = t.Tensor("input", [1, o.Resolution, o.Resolution, 3]);
        t.Inputs.Add(tx);
        int size = o.Resolution, channels = 3;

        void Conv(int outC, int kernel, int stride, bool depthwise, bool relu6 = true)
        {
            int perOut = depthwise ? 1 : channels;
            float[] oihw = Uniform(outC * perOut * kernel * kernel, Math.Sqrt(6.0 / (perOut * kernel * kernel)));
            float[] bias = Uniform(outC, 0.3);
            int outSize = V1Architecture.Downsample(size, stride);
            (int top, int bottom) = ChainBuilder.Same(size, kernel, stride);
            bool keras = o.KerasPads && stride == 2;
            if (keras)
            {
                // ZeroPadding2D((0,1),(0,1)) then VALID: the padded map is size+1, and (size+1−3)/2+1 = ceil(size/2) only for even sizes.
                (top, bottom) = (0, 1);
                int padded = t.Tensor(t.Fresh("pad"), [1, size + 1, size + 1, channels]);
                t.Op(Pad, [tx, t.Constant(t.Fresh("paddings"), [4, 2], [0, 0, 0, 1, 0, 1, 0, 0])], [padded]);
                tx = padded;
            }

            // TFLite layouts: conv OHWI, depthwise [1, kh, kw, C]; the ONNX twin keeps OIHW.
            var tw = new float[oihw.Length];
            for (int oc = 0; oc < outC; oc++)
                for (int i = 0; i < perOut; i++)
                    for (int y = 0; y < kernel; y++)
                        for (int xk = 0; xk < kernel; xk++)
                            tw[depthwise ? (y * kernel + xk) * outC + oc : ((oc * kernel + y) * kernel + xk) * perOut + i] = oihw[((oc * perOut + i) * kernel + y) * kernel + xk];
            int[] wShape = depthwise ? [1, kernel, kernel, outC] : [outC, kernel, kernel, perOut];
            int output = t.Tensor(t.Fresh("conv"), [1, outSize, outSize, outC]);
            var options = new FbTable().Byte(0, (byte)(keras ? 1 : 0)).Int(1, stride).Int(2, stride);
            if (depthwise) options.Int(3, 1).Byte(4, (byte)(relu6 ? 3 : 0)); else options.Byte(3, (byte)(relu6 ? 3 : 0));
            t.Op(depthwise ? DepthwiseConv2D : Conv2D, [tx, t.Constant(t.Fresh("w"), wShape, tw), t.Constant(t.Fresh("b"), [outC], bias)], [output],
                (byte)(depthwise ? 2 : 1), options);
            tx = output;

            string name = g.Fresh("conv");
            g.Node("Conv", [x, g.Initializer(name + "_W", [outC, perOut, kernel, kernel], oihw), g.Initializer(name + "_B", [outC], bias)], [name],
                new OnnxAttr.Ints("kernel_shape", kernel, kernel), new OnnxAttr.Ints("strides", stride, stride),
                new OnnxAttr.Int("group", depthwise ? channels : 1), new OnnxAttr.Ints("pads", kernel == 1 ? 0 : top, kernel == 1 ? 0 : top, kernel == 1 ? 0 : bottom, kernel == 1 ? 0 : bottom));
            x = name;
            if (relu6)
            {
                g.Node("Clip", [x, zero, six], [name + "_relu6"]);
                x = name + "_relu6";
            }
            (size, channels) = (outSize, outC);
        }

        int Width(int c) => Math.Max((int)(c * o.Alpha), 8);
        Conv(Width(32), 3, 2, depthwise: false);
        foreach ((int stride, int c) in V1Architecture.Blocks)
        {
            Conv(channels, 3, stride, depthwise: true);
            Conv(Width(c), 1, 1, depthwise: false);
        }

        long[] inputShape = [1, o.Resolution, o.Resolution, 3];
        if (o.Ends == NetworkEnd.FeatureMap)
        {
            t.Outputs.Add(tx);
            g.Node("Transpose", [x], ["features"], new OnnxAttr.Ints("perm", 0, 2, 3, 1));
            return (t.Build(), g.Build(13, "input", inputShape, "features", [1, size, size, channels]));
        }

        int pooled = t.Tensor("pool", [1, 1, 1, channels]);
        if (o.MeanPool)
            t.Op(Mean, [tx, t.Constant("axes", [2], [1, 2])], [pooled], 27, new FbTable().Byte(0, 1));
        else
            t.Op(AveragePool2D, [tx], [pooled], 5, new FbTable().Byte(0, 1).Int(1, 1).Int(2, 1).Int(3, size).Int(4, size));
        g.Node("GlobalAveragePool", [x], ["pool"]);
        if (o.Ends == NetworkEnd.Pool && !o.DenseHead)
        {
            t.Outputs.Add(pooled);
            return (t.Build(), g.Build(13, "input", inputShape, "pool", [1, channels, 1, 1]));
        }
        if (o.Ends == NetworkEnd.Pool)
        {
            int embedding = t.Tensor("flat", [1, channels]);
            t.Op(Reshape, [pooled, t.Constant("flat_shape", [2], [1, channels])], [embedding]);
            t.Outputs.Add(embedding);
            g.Node("Flatten", ["pool"], ["flat"], new OnnxAttr.Int("axis", 1));
            return (t.Build(), g.Build(13, "input", inputShape, "flat", [1, channels]));
        }

        int k = o.Classes;
        float[] fcW = Uniform(k * channels, Math.Sqrt(3.0 / channels)), fcB = Uniform(k, 0.5);
        int logits = t.Tensor("logits", [1, k]);
        if (o.DenseHead)
        {
            int flat = t.Tensor("flat", [1, channels]);
            t.Op(Reshape, [pooled, t.Constant("flat_shape", [2], [1, channels])], [flat]);
            t.Op(FullyConnected, [flat, t.Constant("fc_w", [k, channels], fcW), t.Constant("fc_b", [k], fcB)], [logits], 8, new FbTable().Byte(0, 0));
        }
        else
        {
            int head = t.Tensor("head", [1, 1, 1, k]);
            t.Op(Conv2D, [pooled, t.Constant("head_w", [k, 1, 1, channels], fcW), t.Constant("head_b", [k], fcB)], [head], 1, new FbTable().Byte(0, 1).Int(1, 1).Int(2, 1));
            t.Op(Reshape, [head, t.Constant("logits_shape", [2], [1, k])], [logits]);
        }
        g.Node("Flatten", ["pool"], ["flat"], new OnnxAttr.Int("axis", 1));
        g.Node("Gemm", ["flat", g.Initializer("fc_W", [k, channels], fcW), g.Initializer("fc_B", [k], fcB)], ["logits"], new OnnxAttr.Int("transB", 1));

        string output = "logits";
        int to = logits;
        if (o.Softmax)
        {
            to = t.Tensor("probabilities", [1, k]);
            t.Op(Softmax, [logits], [to], 9, new FbTable().Float(0, 1f));
            g.Node("Softmax", ["logits"], ["probabilities"], new OnnxAttr.Int("axis", 1));
            output = "probabilities";
        }
        t.Outputs.Add(to);
        return (t.Build(), g.Build(13, "input", inputShape, output, [1, k]));
    }
}

/// <summary>Collects tensors, buffers and operators of one subgraph and writes them in TFLite's schema.</summary>
public sealed class TfliteBuilder
{
    private readonly List<FbTable> _tensors = [];
    private readonly List<FbNode> _buffers = [new FbTable()]; // buffer 0: the empty sentinel
    private readonly List<FbTable> _operators = [];
    private readonly List<int> _codes = [];
    private int _next;

    public List<int> Inputs { get; } = [];
    public List<int> Outputs { get; } = [];

    public string Fresh(string prefix) => $"{prefix}_{_next++}";

    /// <param name="quantization">Per-tensor affine quantisation (QuantizationParameters: scale, zero_point), if any.</param>
    public int Tensor(string name, int[] shape, byte type = 0, int buffer = 0, (float Scale, long ZeroPoint)? quantization = null)
    {
        var tensor = new FbTable().Ref(0, FbScalars.Ints(shape)).Byte(1, type).UInt(2, (uint)buffer).Ref(3, new FbString(name));
        if (quantization is { } q)
            tensor.Ref(4, new FbTable().Ref(2, FbScalars.Floats(q.Scale)).Ref(3, FbScalars.Longs(q.ZeroPoint)));
        _tensors.Add(tensor);
        return _tensors.Count - 1;
    }

    public int Constant(string name, int[] shape, float[] values) => Tensor(name, shape, 0, Buffer(FbScalars.Floats(values).Data));

    /// <summary>An int32 constant (shapes, paddings, axes).</summary>
    public int Constant(string name, int[] shape, int[] values) => Tensor(name, shape, 2, Buffer(FbScalars.Ints(values).Data));

    public int Buffer(byte[] data)
    {
        _buffers.Add(new FbTable().Ref(0, FbScalars.Raw(data)));
        return _buffers.Count - 1;
    }

    public void Op(int code, int[] inputs, int[] outputs, byte optionsType = 0, FbTable? options = null)
    {
        int opcode = _codes.IndexOf(code);
        if (opcode < 0)
        {
            _codes.Add(code);
            opcode = _codes.Count - 1;
        }
        var op = new FbTable().UInt(0, (uint)opcode).Ref(1, FbScalars.Ints(inputs)).Ref(2, FbScalars.Ints(outputs));
        if (options is not null)
            op.Byte(3, optionsType).Ref(4, options);
        _operators.Add(op);
    }

    public byte[] Build()
    {
        var subgraph = new FbTable()
            .Ref(0, new FbTables(_tensors)).Ref(1, FbScalars.Ints([.. Inputs])).Ref(2, FbScalars.Ints([.. Outputs]))
            .Ref(3, new FbTables(_operators)).Ref(4, new FbString("main"));
        var model = new FbTable()
            .UInt(0, 3)
            .Ref(1, new FbTables(_codes.Select(c => new FbTable().Byte(0, (byte)Math.Min(c, 127)).Int(2, 1).Int(3, c))))
            .Ref(2, new FbTables([subgraph]))
            .Ref(3, new FbString("MobileNetGen tests"))
            .Ref(4, new FbTables(_buffers));
        return FlatBufferWriter.Write(model, "TFL3");
    }
}
