using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using MobileNet.Generator.Model;
using MobileNet.Generator.Reading;

namespace MobileNet.Generator.Lowering;

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
    /// <summary>The operation of the chain that produced each tensor walked so far, for residual Adds.</summary>
    private readonly Dictionary<string, int> _producers = new(StringComparer.Ordinal);
    private ChainBuilder _chain = null!;

    private OnnxLowering(OnnxModel model, CancellationToken cancellationToken)
    {
        _model = model;
        _constants = new Dictionary<string, OnnxTensor>(model.Initializers.ToDictionary(p => p.Key, p => p.Value), StringComparer.Ordinal);
        foreach (OnnxNode node in model.Nodes)
        {
            cancellationToken.ThrowIfCancellationRequested();
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
    public static NetworkGraph Lower(OnnxModel model, CancellationToken cancellationToken = default) => new OnnxLowering(model, cancellationToken).Walk(cancellationToken);

    private NetworkGraph Walk(CancellationToken cancellationToken)
    {
        // A quantised ONNX model (onnxruntime's quantizer writes QDQ pairs, or QLinear operators) would otherwise
        // fail on its uint8 input or an unknown operator, which says nothing of what the user can do.
        if (_model.Nodes.FirstOrDefault(n => n.OpType is "QuantizeLinear" or "DequantizeLinear" or "DynamicQuantizeLinear" || n.OpType.StartsWith("QLinear", StringComparison.Ordinal)) is { } quantized)
            throw new UnsupportedGraphException($"node '{quantized.DisplayName}' is a {quantized.OpType}: quantised ONNX models (QDQ or QLinear operators) do not run yet; " +
                "generate from the float ONNX model, or from the quantised .tflite to run in 8-bit integers");
        OnnxValueInfo[] inputs = _model.Inputs.Where(i => !_constants.ContainsKey(i.Name)).ToArray();
        if (inputs.Length != 1)
            throw new UnsupportedGraphException($"the graph has {inputs.Length} inputs; a MobileNet has one image input");
        OnnxValueInfo input = inputs[0];
        if (input.ElementType != OnnxTensor.Float)
            throw new UnsupportedGraphException($"the input '{DisplayText.Name(input.Name)}' has element type {input.ElementType}; only float32 (1) inputs are supported");
        if (input.Shape.Length != 4)
            throw new UnsupportedGraphException($"the input '{DisplayText.Name(input.Name)}' has rank {input.Shape.Length}; an image input is N×C×H×W or N×H×W×C");

        string current = input.Name;
        string layout = "NCHW";
        int c, h, w;
        OnnxNode? first = Next(current);
        if (first?.OpType == "Transpose")
        {
            if (!first.Attributes.TryGetValue("perm", out OnnxAttribute? perm) || !perm.Ints.SequenceEqual([0L, 3, 1, 2]))
                throw Unsupported(first, "only the NHWC→NCHW transpose (perm 0,3,1,2) is supported at the input");
            layout = "NHWC";
            (h, w, c) = (Dim(input, 1), Dim(input, 2), Dim(input, 3));
            current = first.Outputs[0];
        }
        else
        {
            (c, h, w) = (Dim(input, 1), Dim(input, 2), Dim(input, 3));
        }
        _chain = new ChainBuilder(c, h, w);

        var outputs = new HashSet<string>(_model.Outputs.Select(o => o.Name), StringComparer.Ordinal);
        _chain.Walk(current, outputs.Contains,
            tensor => Next(tensor) ?? throw new UnsupportedGraphException($"tensor '{DisplayText.Name(tensor)}' is used by no node and is not the graph output"),
            (node, tensor) => { Lower(node, tensor); return node.Outputs[0]; },
            node => $"'{node.DisplayName}'", DisplayText.Name, "node", _producers, cancellationToken);
        string producer = _model.Producer.Length > 0 ? $", written by {_model.Producer}" : "";
        return _chain.Build($"ONNX opset {_model.OpsetVersion}{producer}", c, h, w, layout, normalization: null);
    }

    /// <summary>The node the walk continues with: the only consumer, or the non-Add one of a tensor that also feeds a residual Add.</summary>
    private OnnxNode? Next(string tensor)
    {
        if (!_consumers.TryGetValue(tensor, out List<OnnxNode>? nodes) || nodes.Count == 0)
            return null;
        if (nodes.Count == 1)
            return nodes[0];
        OnnxNode[] main = nodes.Where(n => !IsResidualAdd(n)).ToArray();
        if (nodes.Count == 2 && main.Length == 1)
            return main[0];
        throw new UnsupportedGraphException($"tensor '{DisplayText.Name(tensor)}' feeds {nodes.Count} nodes ({DisplayText.List(nodes.Select(n => $"'{n.DisplayName}'"), ", ")}); a MobileNet branches only into a residual Add");
    }

    private bool IsResidualAdd(OnnxNode node) =>
        node.OpType == "Add" && node.Inputs.Length == 2 && !_constants.ContainsKey(node.Inputs[0]) && !_constants.ContainsKey(node.Inputs[1]);

    private void Lower(OnnxNode node, string input)
    {
        string where = Where(node);
        switch (node.OpType)
        {
            case "Conv": Conv(node); break;
            case "BatchNormalization": BatchNorm(node); break;
            case "Relu": _chain.Clamp(where, 0, float.PositiveInfinity); break;
            case "Clip": Clip(node); break;
            case "Identity" or "Dropout": break;
            case "AveragePool": AveragePool(node); break;
            case "GlobalAveragePool": _chain.GlobalPool(node.DisplayName); break;
            case "ReduceMean": ReduceMean(node); break;
            case "Flatten" or "Reshape" or "Squeeze": _chain.Flatten(where); break;
            case "Gemm": Gemm(node); break;
            case "MatMul": _chain.FullyConnected(where, node.DisplayName, Classifier(node, Constant(node, 1, "weights"), transposed: false, 1f), null); break;
            case "Add" when node.Inputs.Length != 2: throw Unsupported(node, $"it has {node.Inputs.Length} inputs; Add takes two");
            case "Add" when IsResidualAdd(node): Residual(node, input); break;
            case "Add": AddBias(node); break;
            case "Softmax": Softmax(node); break;
            // A headless NHWC export (tf2onnx) transposes its feature map back at the end; the generated networks write NHWC anyway.
            case "Transpose" when node.Attributes.TryGetValue("perm", out OnnxAttribute? perm) && perm.Ints.SequenceEqual([0L, 2, 3, 1])
                                  && _model.Outputs.Any(o => o.Name == node.Outputs[0]):
                break;
            case "Transpose": throw Unsupported(node, "a transpose is supported only NHWC→NCHW (perm 0,3,1,2) at the input and NCHW→NHWC (perm 0,2,3,1) at the output");
            default: throw Unsupported(node, $"the operator {node.OpType} is not supported");
        }
    }

    private void Conv(OnnxNode node)
    {
        OnnxTensor weights = Constant(node, 1, "weights");
        if (weights.Dims.Length != 4 || weights.Floats is null)
            throw Unsupported(node, $"the weights {Dims(weights)} are not a 4-D float tensor");
        if (Ints(node, "dilations", 1, 1).Any(d => d != 1))
            throw Unsupported(node, "dilated convolutions are not supported");
        int outC = (int)weights.Dims[0], kernelH = (int)weights.Dims[2], kernelW = (int)weights.Dims[3];
        long[] strides = Ints(node, "strides", 1, 1);
        if (strides.Length != 2)
            throw Unsupported(node, $"strides [{string.Join(",", strides)}] are not two values");
        int strideH = Saturate(strides[0]), strideW = Saturate(strides[1]);
        float[]? bias = node.Inputs.Length > 2 && node.Inputs[2].Length > 0 ? Vector(node, 2, "bias", outC) : null;
        _chain.AddConv(Where(node), node.DisplayName, (float[])weights.Floats.Clone(), bias, outC, kernelH, kernelW, strideH, strideW,
            Saturate(IntAttribute(node, "group", 1)), Pads(node, kernelH, kernelW, strideH, strideW));
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
                return _chain.SamePadding(Where(node), kernelH, kernelW, strideH, strideW, upper: autoPad == "SAME_UPPER");
            default:
                throw Unsupported(node, $"auto_pad '{DisplayText.Name(autoPad)}' is not an ONNX padding mode");
        }
    }

    private void BatchNorm(OnnxNode node)
    {
        GraphOp conv = _chain.Previous(Where(node));
        if (conv.Kind != OpKind.Conv || !conv.IsLinear)
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
        _chain.Clamp(Where(node), min, max);
    }

    private void AveragePool(OnnxNode node)
    {
        long[] kernel = Ints(node, "kernel_shape");
        if (kernel.Length != 2 || kernel[0] != _chain.H || kernel[1] != _chain.W || Ints(node, "pads", 0, 0, 0, 0).Any(p => p != 0) || IntAttribute(node, "ceil_mode", 0) != 0)
            throw Unsupported(node, $"AveragePool {string.Join("×", kernel)} on a {_chain.H}×{_chain.W} map is not global; MobileNet pools the whole final map");
        _chain.GlobalPool(node.DisplayName);
    }

    private void ReduceMean(OnnxNode node)
    {
        long[] axes = node.Inputs.Length > 1 && node.Inputs[1].Length > 0 ? Constant(node, 1, "axes").Ints ?? [] : Ints(node, "axes");
        if (!axes.Select(x => x < 0 ? x + 4 : x).OrderBy(x => x).SequenceEqual([2L, 3]))
            throw Unsupported(node, $"ReduceMean over axes [{string.Join(",", axes)}] is not a global average pool (axes 2,3)");
        _chain.GlobalPool(node.DisplayName, flatten: IntAttribute(node, "keepdims", 1) == 0);
    }

    private void Gemm(OnnxNode node)
    {
        if (IntAttribute(node, "transA", 0) != 0)
            throw Unsupported(node, "Gemm with transA = 1 is not supported");
        float alpha = node.Attributes.TryGetValue("alpha", out OnnxAttribute? a) ? a.Float : 1f;
        float beta = node.Attributes.TryGetValue("beta", out OnnxAttribute? b) ? b.Float : 1f;
        float[] weights = Classifier(node, Constant(node, 1, "weights"), IntAttribute(node, "transB", 0) != 0, alpha);
        float[]? bias = null;
        if (node.Inputs.Length > 2 && node.Inputs[2].Length > 0)
        {
            float[] c = Constant(node, 2, "bias").Floats ?? [];
            int k = weights.Length / _chain.C;
            if (c.Length != k && c.Length != 1)
                throw Unsupported(node, $"the bias has {c.Length} values for {k} outputs");
            bias = Enumerable.Range(0, k).Select(i => beta * c[c.Length == 1 ? 0 : i]).ToArray();
        }
        _chain.FullyConnected(Where(node), node.DisplayName, weights, bias);
    }

    /// <summary>Returns the classifier weights as [K][C]; ONNX stores them [C][K] unless transposed.</summary>
    private float[] Classifier(OnnxNode node, OnnxTensor weights, bool transposed, float alpha)
    {
        if (weights.Dims.Length != 2 || weights.Floats is null)
            throw Unsupported(node, $"the weights {Dims(weights)} are not a float matrix");
        int rows = (int)weights.Dims[0], columns = (int)weights.Dims[1], c = _chain.C;
        int k = transposed ? rows : columns;
        if ((transposed ? columns : rows) != c)
            throw Unsupported(node, $"the weights {Dims(weights)} do not fit {c} input features");
        var result = new float[k * c];
        for (int o = 0; o < k; o++)
            for (int i = 0; i < c; i++)
                result[o * c + i] = alpha * (transposed ? weights.Floats[o * columns + i] : weights.Floats[i * columns + o]);
        return result;
    }

    private void AddBias(OnnxNode node)
    {
        int constantInput = _constants.ContainsKey(node.Inputs[1]) ? 1 : 0;
        _chain.AddBias(Where(node), Constant(node, constantInput, "bias").Floats ?? []);
    }

    private void Residual(OnnxNode node, string input)
    {
        string skip = node.Inputs[0] == input ? node.Inputs[1] : node.Inputs[0];
        if (!_producers.TryGetValue(skip, out int from))
            throw Unsupported(node, $"its other input '{DisplayText.Name(skip)}' does not come from earlier in the network");
        _chain.AddResidual(Where(node), node.DisplayName, from);
    }

    private void Softmax(OnnxNode node)
    {
        long axis = IntAttribute(node, "axis", _model.OpsetVersion >= 13 ? -1 : 1);
        // The classes are axis 1 of an N×K×1×1 map (1×1 conv head) and the last axis once flattened to N×K.
        _chain.Softmax(Where(node), node.DisplayName, overClasses: axis == 1 || axis == -1 && _chain.Flattened);
    }

    private OnnxTensor Constant(OnnxNode node, int index, string what)
    {
        if (node.Inputs.Length <= index || !_constants.TryGetValue(node.Inputs[index], out OnnxTensor? tensor))
            throw Unsupported(node, $"its {what} must be a constant (an initializer or a Constant node)");
        if (tensor.Floats is null && tensor.Ints is null)
            throw Unsupported(node, $"its {what} '{DisplayText.Name(tensor.Name)}' has data type {tensor.DataType}; only float, double, int32 and int64 tensors are supported");
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
            throw new UnsupportedGraphException($"the input '{DisplayText.Name(input.Name)}' has dimension {axis} = {(d < 0 ? "symbolic" : d.ToString())}; height, width and channels must be fixed");
        return (int)d;
    }

    /// <summary>An attribute's int64 as an int, out-of-range values pinned to the ends so that the checks after it reject them.</summary>
    private static int Saturate(long value) => (int)Math.Max(int.MinValue, Math.Min(int.MaxValue, value));

    private static string Dims(OnnxTensor tensor) => "[" + string.Join(",", tensor.Dims) + "]";

    private static string Where(OnnxNode node) => $"node '{node.DisplayName}' ({node.OpType})";

    private static UnsupportedGraphException Unsupported(OnnxNode node, string message) => ChainBuilder.Unsupported(Where(node), message);
}
