using System;
using System.Collections.Generic;
using System.Linq;
using MobileNet.Generator.Reading;

namespace MobileNet.Generator.Binding;

/// <summary>
/// Lowers an ONNX graph to a <see cref="NetworkGraph"/> by walking it from the image input, recognising
/// operations by type and structure (never by tensor names). BatchNormalization is folded into the
/// convolution before it with the file's own epsilon; Relu and Clip become the convolution's clamp;
/// Identity, Dropout, Flatten, Reshape and Squeeze on a 1×1 map vanish.
/// </summary>
internal sealed class OnnxLowering
{
    private readonly OnnxModel _model;
    private readonly Dictionary<string, OnnxTensor> _constants;
    private readonly Dictionary<string, List<OnnxNode>> _consumers = new(StringComparer.Ordinal);
    private readonly List<GraphOp> _ops = [];
    private int _c, _h, _w;
    private bool _flattened;

    private OnnxLowering(OnnxModel model)
    {
        _model = model;
        _constants = new Dictionary<string, OnnxTensor>(model.Initializers.ToDictionary(p => p.Key, p => p.Value), StringComparer.Ordinal);
        foreach (OnnxNode node in model.Nodes)
        {
            if (node.OpType == "Constant")
            {
                if (node.Outputs.Length == 1 && ConstantValue(node) is { } value)
                    _constants[node.Outputs[0]] = value;
                continue;
            }
            foreach (string input in node.Inputs)
            {
                if (!_consumers.TryGetValue(input, out List<OnnxNode>? list))
                    _consumers[input] = list = [];
                list.Add(node);
            }
        }
    }

    /// <exception cref="UnsupportedGraphException">The graph is not a chain this generator can run.</exception>
    public static NetworkGraph Lower(OnnxModel model) => new OnnxLowering(model).Walk();

    private NetworkGraph Walk()
    {
        OnnxValueInfo[] inputs = _model.Inputs.Where(i => !_constants.ContainsKey(i.Name)).ToArray();
        if (inputs.Length != 1)
            throw new UnsupportedGraphException($"the graph has {inputs.Length} inputs; a MobileNet has one image input");
        OnnxValueInfo input = inputs[0];
        if (input.ElementType != OnnxTensor.Float)
            throw new UnsupportedGraphException($"the input '{input.Name}' has element type {input.ElementType}; only float32 (1) inputs are supported");
        if (input.Shape.Length != 4)
            throw new UnsupportedGraphException($"the input '{input.Name}' has rank {input.Shape.Length}; an image input is N×C×H×W or N×H×W×C");

        string current = input.Name;
        string layout = "NCHW";
        OnnxNode? first = Single(current);
        if (first?.OpType == "Transpose")
        {
            if (!first.Attributes.TryGetValue("perm", out OnnxAttribute? perm) || !perm.Ints.SequenceEqual([0L, 3, 1, 2]))
                throw Unsupported(first, "only the NHWC→NCHW transpose (perm 0,3,1,2) is supported at the input");
            layout = "NHWC";
            (_h, _w, _c) = (Dim(input, 1), Dim(input, 2), Dim(input, 3));
            current = first.Outputs[0];
        }
        else
        {
            (_c, _h, _w) = (Dim(input, 1), Dim(input, 2), Dim(input, 3));
        }
        int inputChannels = _c, inputHeight = _h, inputWidth = _w;

        var outputs = new HashSet<string>(_model.Outputs.Select(o => o.Name), StringComparer.Ordinal);
        while (!outputs.Contains(current))
        {
            OnnxNode node = Single(current) ?? throw new UnsupportedGraphException($"tensor '{current}' is used by no node and is not the graph output");
            Lower(node);
            current = node.Outputs[0];
        }
        foreach (GraphOp op in _ops)
            if (op.Weights.Any(v => float.IsNaN(v) || float.IsInfinity(v)) || op.Bias.Any(v => float.IsNaN(v) || float.IsInfinity(v)))
                throw new UnsupportedGraphException($"node '{op.Name}': its weights hold NaN or infinity (after folding BatchNormalization: is a variance negative?)");
        return new NetworkGraph(inputChannels, inputHeight, inputWidth, layout, _ops);
    }

    private OnnxNode? Single(string tensor)
    {
        if (!_consumers.TryGetValue(tensor, out List<OnnxNode>? nodes) || nodes.Count == 0)
            return null;
        if (nodes.Count > 1)
            throw new UnsupportedGraphException($"tensor '{tensor}' feeds {nodes.Count} nodes ({string.Join(", ", nodes.Select(n => n.DisplayName))}); MobileNet V1 is a single chain of layers");
        return nodes[0];
    }

    private void Lower(OnnxNode node)
    {
        switch (node.OpType)
        {
            case "Conv": Conv(node); break;
            case "BatchNormalization": BatchNorm(node); break;
            case "Relu": Clamp(node, 0, float.PositiveInfinity); break;
            case "Clip": Clip(node); break;
            case "Identity" or "Dropout": break;
            case "AveragePool": AveragePool(node); break;
            case "GlobalAveragePool": GlobalPool(node); break;
            case "ReduceMean": ReduceMean(node); break;
            case "Flatten" or "Reshape" or "Squeeze": RequireFlat(node); break;
            case "Gemm": Gemm(node); break;
            case "MatMul": MatMul(node); break;
            case "Add": AddBias(node); break;
            case "Softmax": Softmax(node); break;
            default: throw Unsupported(node, $"the operator {node.OpType} is not supported");
        }
    }

    private void Conv(OnnxNode node)
    {
        OnnxTensor weights = Constant(node, 1, "weights");
        if (weights.Dims.Length != 4)
            throw Unsupported(node, $"the weights have rank {weights.Dims.Length}; a 2-D convolution has rank 4");
        int group = (int)IntAttribute(node, "group", 1);
        int outC = (int)weights.Dims[0], kernelH = (int)weights.Dims[2], kernelW = (int)weights.Dims[3];
        if (group <= 0 || weights.Dims[1] * group != _c || outC % group != 0)
            throw Unsupported(node, $"weights {Dims(weights)} with group {group} do not fit an input of {_c} channels");
        if (Ints(node, "dilations", 1, 1).Any(d => d != 1))
            throw Unsupported(node, "dilated convolutions are not supported");
        long[] strides = Ints(node, "strides", 1, 1);
        int strideH = (int)strides[0], strideW = (int)strides[1];
        if (strideH <= 0 || strideW <= 0)
            throw Unsupported(node, "strides must be positive");
        Padding pads = Pads(node, kernelH, kernelW, strideH, strideW);
        int outH = (_h + pads.Top + pads.Bottom - kernelH) / strideH + 1;
        int outW = (_w + pads.Left + pads.Right - kernelW) / strideW + 1;
        if (outH <= 0 || outW <= 0)
            throw Unsupported(node, $"a {kernelH}×{kernelW} kernel does not fit a {_h}×{_w} input");

        float[] bias = node.Inputs.Length > 2 && node.Inputs[2].Length > 0 ? Vector(node, 2, "bias", outC) : new float[outC];
        _ops.Add(new GraphOp
        {
            Kind = OpKind.Conv, Name = node.DisplayName,
            InC = _c, InH = _h, InW = _w, OutC = outC, OutH = outH, OutW = outW,
            KernelH = kernelH, KernelW = kernelW, StrideH = strideH, StrideW = strideW, Group = group, Pads = pads,
            Weights = (float[])weights.Floats!.Clone(), Bias = bias,
        });
        (_c, _h, _w) = (outC, outH, outW);
    }

    private Padding Pads(OnnxNode node, int kernelH, int kernelW, int strideH, int strideW)
    {
        string autoPad = node.Attributes.TryGetValue("auto_pad", out OnnxAttribute? a) ? a.String ?? "NOTSET" : "NOTSET";
        switch (autoPad)
        {
            case "NOTSET":
                long[] p = Ints(node, "pads", 0, 0, 0, 0);
                if (p.Length != 4 || p.Any(v => v < 0 || v > 16))
                    throw Unsupported(node, $"pads [{string.Join(",", p)}] are not four small non-negative values");
                return new Padding((int)p[0], (int)p[1], (int)p[2], (int)p[3]);
            case "VALID":
                return default;
            case "SAME_UPPER":
            case "SAME_LOWER":
                // TF 'SAME': the output is ceil(n / s); SAME_UPPER puts the odd pixel at the bottom/right.
                static (int Begin, int End) Same(int n, int k, int s, bool upper)
                {
                    int total = Math.Max((n + s - 1) / s * s - s + k - n, 0);
                    int small = total / 2;
                    return upper ? (small, total - small) : (total - small, small);
                }
                bool upper = autoPad == "SAME_UPPER";
                (int top, int bottom) = Same(_h, kernelH, strideH, upper);
                (int left, int right) = Same(_w, kernelW, strideW, upper);
                return new Padding(top, left, bottom, right);
            default:
                throw Unsupported(node, $"auto_pad '{autoPad}' is not an ONNX padding mode");
        }
    }

    private void BatchNorm(OnnxNode node)
    {
        GraphOp conv = Previous(node, "BatchNormalization");
        if (conv.Kind != OpKind.Conv || !float.IsNegativeInfinity(conv.ActivationMin) || !float.IsPositiveInfinity(conv.ActivationMax))
            throw Unsupported(node, "BatchNormalization must follow a convolution directly");
        int n = conv.OutC;
        float[] gamma = Vector(node, 1, "scale", n), beta = Vector(node, 2, "bias", n);
        float[] mean = Vector(node, 3, "mean", n), variance = Vector(node, 4, "variance", n);
        double epsilon = node.Attributes.TryGetValue("epsilon", out OnnxAttribute? e) ? e.Float : 1e-5;
        int perChannel = conv.Weights.Length / n;
        for (int o = 0; o < n; o++)
        {
            double scale = gamma[o] / Math.Sqrt(variance[o] + epsilon);
            for (int i = 0; i < perChannel; i++)
                conv.Weights[o * perChannel + i] = (float)(conv.Weights[o * perChannel + i] * scale);
            conv.Bias[o] = (float)((conv.Bias[o] - mean[o]) * scale + beta[o]);
        }
    }

    private void Clip(OnnxNode node)
    {
        float min = float.NegativeInfinity, max = float.PositiveInfinity;
        if (node.Attributes.TryGetValue("min", out OnnxAttribute? a)) min = a.Float;
        if (node.Attributes.TryGetValue("max", out OnnxAttribute? b)) max = b.Float;
        if (node.Inputs.Length > 1 && node.Inputs[1].Length > 0) min = Scalar(node, 1, "min");
        if (node.Inputs.Length > 2 && node.Inputs[2].Length > 0) max = Scalar(node, 2, "max");
        Clamp(node, min, max);
    }

    private void Clamp(OnnxNode node, float min, float max)
    {
        if (float.IsNaN(min) || float.IsNaN(max) || min > max)
            throw Unsupported(node, $"the bounds [{min}, {max}] are not a clamp");
        GraphOp op = Previous(node, node.OpType);
        if (op.Kind is not (OpKind.Conv or OpKind.FullyConnected))
            throw Unsupported(node, $"{node.OpType} must follow a convolution or the classifier");
        op.ActivationMin = Math.Max(op.ActivationMin, min);
        op.ActivationMax = Math.Min(op.ActivationMax, max);
    }

    private void AveragePool(OnnxNode node)
    {
        long[] kernel = Ints(node, "kernel_shape");
        if (kernel.Length != 2 || kernel[0] != _h || kernel[1] != _w || Ints(node, "pads", 0, 0, 0, 0).Any(p => p != 0) || IntAttribute(node, "ceil_mode", 0) != 0)
            throw Unsupported(node, $"AveragePool {string.Join("×", kernel)} on a {_h}×{_w} map is not global; MobileNet pools the whole final map");
        GlobalPool(node);
    }

    private void GlobalPool(OnnxNode node)
    {
        _ops.Add(new GraphOp { Kind = OpKind.GlobalAveragePool, Name = node.DisplayName, InC = _c, InH = _h, InW = _w, OutC = _c });
        _h = _w = 1;
    }

    private void ReduceMean(OnnxNode node)
    {
        long[] axes = node.Inputs.Length > 1 && node.Inputs[1].Length > 0 ? Constant(node, 1, "axes").Ints ?? [] : Ints(node, "axes");
        if (!axes.Select(x => x < 0 ? x + 4 : x).OrderBy(x => x).SequenceEqual([2L, 3]))
            throw Unsupported(node, $"ReduceMean over axes [{string.Join(",", axes)}] is not a global average pool (axes 2,3)");
        GlobalPool(node);
        _flattened = IntAttribute(node, "keepdims", 1) == 0;
    }

    private void RequireFlat(OnnxNode node)
    {
        if (_h != 1 || _w != 1)
            throw Unsupported(node, $"{node.OpType} of a {_h}×{_w}×{_c} map is only supported on a 1×1 map (after the pool)");
        _flattened = true;
    }

    private void Gemm(OnnxNode node)
    {
        RequireFlat(node);
        if (IntAttribute(node, "transA", 0) != 0)
            throw Unsupported(node, "Gemm with transA = 1 is not supported");
        bool transB = IntAttribute(node, "transB", 0) != 0;
        float alpha = node.Attributes.TryGetValue("alpha", out OnnxAttribute? a) ? a.Float : 1f;
        float beta = node.Attributes.TryGetValue("beta", out OnnxAttribute? b) ? b.Float : 1f;
        OnnxTensor weights = Constant(node, 1, "weights");
        float[] fc = FullyConnected(node, weights, transB, alpha);
        int k = fc.Length / _c;
        float[] bias = new float[k];
        if (node.Inputs.Length > 2 && node.Inputs[2].Length > 0)
        {
            float[] c = Constant(node, 2, "bias").Floats ?? [];
            if (c.Length != k && c.Length != 1)
                throw Unsupported(node, $"the bias has {c.Length} values for {k} outputs");
            for (int i = 0; i < k; i++)
                bias[i] = beta * c[c.Length == 1 ? 0 : i];
        }
        AddFullyConnected(node, fc, bias);
    }

    private void MatMul(OnnxNode node)
    {
        RequireFlat(node);
        AddFullyConnected(node, FullyConnected(node, Constant(node, 1, "weights"), transposed: false, 1f), null);
    }

    /// <summary>Returns the classifier weights as [K][C]; ONNX stores them [C][K] unless transposed.</summary>
    private float[] FullyConnected(OnnxNode node, OnnxTensor weights, bool transposed, float alpha)
    {
        if (weights.Dims.Length != 2 || weights.Floats is null)
            throw Unsupported(node, $"the weights {Dims(weights)} are not a float matrix");
        int rows = (int)weights.Dims[0], columns = (int)weights.Dims[1];
        int k = transposed ? rows : columns;
        if ((transposed ? columns : rows) != _c)
            throw Unsupported(node, $"the weights {Dims(weights)} do not fit {_c} input features");
        var result = new float[k * _c];
        for (int o = 0; o < k; o++)
            for (int i = 0; i < _c; i++)
                result[o * _c + i] = alpha * (transposed ? weights.Floats[o * columns + i] : weights.Floats[i * columns + o]);
        return result;
    }

    private void AddFullyConnected(OnnxNode node, float[] weights, float[]? bias)
    {
        int k = weights.Length / _c;
        _ops.Add(new GraphOp { Kind = OpKind.FullyConnected, Name = node.DisplayName, InC = _c, OutC = k, Weights = weights, Bias = bias ?? new float[k] });
        _c = k;
    }

    private void AddBias(OnnxNode node)
    {
        GraphOp op = Previous(node, "Add");
        int constantInput = _constants.ContainsKey(node.Inputs[1]) ? 1 : _constants.ContainsKey(node.Inputs[0]) ? 0 : -1;
        bool linear = float.IsNegativeInfinity(op.ActivationMin) && float.IsPositiveInfinity(op.ActivationMax);
        if (constantInput < 0 || !linear || op.Kind is not (OpKind.Conv or OpKind.FullyConnected) || op.OutH * op.OutW != 1 && op.Kind == OpKind.Conv)
            throw Unsupported(node, "Add is only supported as the classifier's bias (a constant added to the classifier output)");
        float[] values = Constant(node, constantInput, "bias").Floats ?? [];
        if (values.Length != op.OutC && values.Length != 1)
            throw Unsupported(node, $"the bias has {values.Length} values for {op.OutC} outputs");
        for (int i = 0; i < op.OutC; i++)
            op.Bias[i] += values[values.Length == 1 ? 0 : i];
    }

    private void Softmax(OnnxNode node)
    {
        long axis = IntAttribute(node, "axis", _model.OpsetVersion >= 13 ? -1 : 1);
        // The classes are axis 1 of an N×K×1×1 map (1×1 conv head) and the last axis once flattened to N×K.
        bool overClasses = _h == 1 && _w == 1 && (axis == 1 || axis == -1 && _flattened);
        if (!overClasses)
            throw Unsupported(node, $"Softmax over axis {axis} of a {(_flattened ? $"1×{_c}" : $"1×{_c}×{_h}×{_w}")} tensor is not over the classes");
        _ops.Add(new GraphOp { Kind = OpKind.Softmax, Name = node.DisplayName, InC = _c, OutC = _c });
    }

    private GraphOp Previous(OnnxNode node, string what) =>
        _ops.Count > 0 ? _ops[_ops.Count - 1] : throw Unsupported(node, $"{what} before any convolution is not supported");

    private OnnxTensor Constant(OnnxNode node, int index, string what)
    {
        if (node.Inputs.Length <= index || !_constants.TryGetValue(node.Inputs[index], out OnnxTensor? tensor))
            throw Unsupported(node, $"its {what} must be a constant (an initializer or a Constant node)");
        if (tensor.Floats is null && tensor.Ints is null)
            throw Unsupported(node, $"its {what} '{tensor.Name}' has data type {tensor.DataType}; only float, double, int32 and int64 tensors are supported");
        return tensor;
    }

    private float[] Vector(OnnxNode node, int index, string what, int length)
    {
        OnnxTensor tensor = Constant(node, index, what);
        float[] values = tensor.Floats ?? throw Unsupported(node, $"its {what} is not a float tensor");
        if (values.Length != length)
            throw Unsupported(node, $"its {what} has {values.Length} values where {length} channels need one each");
        return (float[])values.Clone();
    }

    private float Scalar(OnnxNode node, int index, string what)
    {
        OnnxTensor tensor = Constant(node, index, what);
        if ((tensor.Floats?.Length ?? tensor.Ints?.Length) != 1)
            throw Unsupported(node, $"its {what} is not a scalar");
        return tensor.Floats?[0] ?? tensor.Ints![0];
    }

    private static long IntAttribute(OnnxNode node, string name, long fallback) =>
        node.Attributes.TryGetValue(name, out OnnxAttribute? a) ? a.Int : fallback;

    private static long[] Ints(OnnxNode node, string name, params long[] fallback) =>
        node.Attributes.TryGetValue(name, out OnnxAttribute? a) ? a.Ints : fallback;

    private static OnnxTensor? ConstantValue(OnnxNode node)
    {
        if (node.Attributes.TryGetValue("value", out OnnxAttribute? v) && v.Tensor is not null)
            return v.Tensor;
        if (node.Attributes.TryGetValue("value_float", out OnnxAttribute? f))
            return new OnnxTensor(node.Outputs[0], [], OnnxTensor.Float, [f.Float], null);
        if (node.Attributes.TryGetValue("value_ints", out OnnxAttribute? i))
            return new OnnxTensor(node.Outputs[0], [i.Ints.Length], OnnxTensor.Int64, null, i.Ints);
        return null;
    }

    private static int Dim(OnnxValueInfo input, int axis)
    {
        long d = input.Shape[axis];
        if (d <= 0 || d > 4096)
            throw new UnsupportedGraphException($"the input '{input.Name}' has dimension {axis} = {(d < 0 ? "symbolic" : d.ToString())}; height, width and channels must be fixed");
        return (int)d;
    }

    private static string Dims(OnnxTensor tensor) => "[" + string.Join(",", tensor.Dims) + "]";

    private static UnsupportedGraphException Unsupported(OnnxNode node, string message) =>
        new($"node '{node.DisplayName}' ({node.OpType}): {message}");
}
